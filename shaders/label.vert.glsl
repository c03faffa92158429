// Label glyph quads anchored at a lon/lat and offset in pixels; per-label placement (visible, world
// copy) comes from a buffer texture updated when the camera moves, so the glyph buffer stays static.
layout(location = 0) in vec2 a_anchor;
layout(location = 1) in vec2 a_offset;  // pixels, y up
layout(location = 2) in vec2 a_uv;
layout(location = 3) in float a_label;
uniform samplerBuffer u_placement;      // r: opacity, g: longitude offset (degrees)
out vec2 v_uv;
out float v_opacity;
void main() {
    vec4 placement = texelFetch(u_placement, int(a_label));
    v_uv = a_uv;
    v_opacity = placement.r;
    vec2 anchor = projectedToPixels(projectLonLat(a_anchor + vec2(placement.g, 0.0)));
    gl_Position = placement.r > 0.0 ? pixelsToClip(floor(anchor) + a_offset) : vec4(2.0, 2.0, 2.0, 1.0);
}
