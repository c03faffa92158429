// A ring 1.6 px wide with a one-pixel halo on both sides and a faint fill, anti-aliased; a small dot
// marks the exact point.
uniform vec4 u_color;
uniform vec4 u_halo;
in vec2 v_local;
in float v_radius;
out vec4 o_color;
void main() {
    float d = length(v_local);
    float ring = clamp(0.8 + 0.5 - abs(d - v_radius), 0.0, 1.0);
    float halo = clamp(1.8 + 0.5 - abs(d - v_radius), 0.0, 1.0);
    float dot = clamp(1.6 + 0.5 - d, 0.0, 1.0);
    float fill = d < v_radius ? 0.12 : 0.0;
    float stroke = max(ring, dot);
    vec3 rgb = mix(u_halo.rgb, u_color.rgb, stroke);
    float alpha = max(max(stroke, halo * 0.55), fill);
    o_color = vec4(mix(u_color.rgb, rgb, step(fill, max(stroke, halo * 0.55))), alpha);
}
