// Anti-aliased wide lines: one instance per segment (x0, y0, x1, y1 pre-projected on the CPU), a quad
// extruded in screen space with square caps so consecutive segments join without gaps.
layout(location = 0) in vec4 a_segment;
uniform float u_width;  // pixels
out float v_across;     // signed distance from the centre line, pixels
void main() {
    vec2 p0 = projectedToPixels(shiftWorldCopy(a_segment.xy));
    vec2 p1 = projectedToPixels(shiftWorldCopy(a_segment.zw));
    vec2 d = p1 - p0;
    float len = length(d);
    vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 normal = vec2(-dir.y, dir.x);
    float half_ = 0.5 * u_width + 1.0;  // one extra pixel for the anti-aliased edge
    bool end = (gl_VertexID & 1) != 0;
    float side = (gl_VertexID & 2) != 0 ? 1.0 : -1.0;
    float cap = 0.5 * u_width;
    vec2 p = (end ? p1 + dir * cap : p0 - dir * cap) + normal * side * half_;
    v_across = side * half_;
    gl_Position = pixelsToClip(p);
}
