// A 2-pixel ring, anti-aliased.
in vec2 v_local;
in float v_ring;
in vec4 v_color;
out vec4 o_color;
void main() {
    float d = abs(length(v_local) - v_ring);
    o_color = vec4(v_color.rgb, v_color.a * clamp(1.5 - d, 0.0, 1.0));
}
