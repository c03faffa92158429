// Coverage from the distance to the line's centre: one pixel of smooth edge.
uniform vec4 u_color;
uniform float u_width;
in float v_across;
out vec4 o_color;
void main() {
    float coverage = edgeCoverage(0.5 * u_width - abs(v_across));
    o_color = vec4(u_color.rgb, u_color.a * coverage);
}
