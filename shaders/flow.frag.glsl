// The line's look says how established the flow is: confirmed = solid, claimed = dashes, disputed =
// dots. The pattern (and a bright pulse on solid lines) moves toward the destination as time plays.
in float v_across;
in float v_along;
flat in float v_width;
flat in float v_status;
flat in float v_draft;
flat in float v_reach;
flat in vec4 v_color;
flat in float v_motion;
out vec4 o_color;
void main() {
    if (v_along > v_reach) discard;
    float coverage = edgeCoverage(0.5 * v_width - abs(v_across));
    float along = v_along - v_motion;
    vec3 rgb = v_color.rgb;
    float alpha = v_color.a;
    if (v_status < 0.5) {
        // Confirmed: solid, with a travelling highlight every 90 px.
        float phase = fract(along / 90.0);
        float glow = smoothstep(0.80, 0.97, phase) * (1.0 - smoothstep(0.97, 1.0, phase));
        rgb = mix(rgb, vec3(1.0), 0.55 * glow);
    } else {
        float period = v_status < 1.5 ? 18.0 : 9.0;        // claimed: dashes; disputed: dots
        float on = v_status < 1.5 ? 11.0 : 4.0;
        float phase = mod(along, period);
        alpha *= clamp(on - phase + 0.5, 0.0, 1.0) * clamp(phase + 0.5, 0.0, 1.0);
    }
    if (v_draft > 0.5) {
        // A draft, not yet reviewed: hollow, its two edges drawn and the middle left faint.
        float inside = clamp(0.5 * v_width - 1.6 - abs(v_across) + 0.5, 0.0, 1.0);
        alpha *= 1.0 - 0.8 * inside;
    }
    o_color = vec4(rgb, alpha * coverage);
}
