// Place labels: glyph quads laid out around the site; the placement buffer says, per label, whether
// it shows, in which world copy, and where it sits beside its marker (right, left, above, below).
layout(location = 0) in vec2 a_anchor;
layout(location = 1) in vec2 a_offset;  // pixels, y up, relative to the label's centre
layout(location = 2) in vec2 a_uv;
layout(location = 3) in float a_label;
uniform samplerBuffer u_placement;      // opacity, longitude offset (degrees), dx, dy (pixels, y up)
out vec2 v_uv;
out float v_opacity;
void main() {
    vec4 placement = texelFetch(u_placement, int(a_label));
    v_uv = a_uv;
    v_opacity = placement.r;
    vec2 anchor = floor(projectedToPixels(projectLonLat(a_anchor + vec2(placement.g, 0.0))));
    gl_Position = placement.r > 0.0 ? pixelsToClip(anchor + placement.ba + a_offset) : vec4(2.0, 2.0, 2.0, 1.0);
}
