// A filled disc with a thin outline in the theme's halo colour over a 2-pixel ring, anti-aliased; the
// disc is composited over the ring here, as two passes would blend them.
uniform vec4 u_outline;
in vec2 v_local;
flat in float v_radius;
flat in float v_ring;
flat in vec4 v_color;
flat in vec4 v_ringColor;
flat in float v_draft;
out vec4 o_color;
void main() {
    float d = length(v_local);
    // Most of a ringed site's quad lies between the disc and the ring and shows nothing: dropping
    // those pixels spares llvmpipe their blending (a whole 4x4 block dropped skips it outright).
    if (d > v_radius + 0.5 && abs(d - v_ring) > 1.5) discard;
    float ringAlpha = v_ringColor.a * edgeCoverage(1.0 - abs(d - v_ring));
    float outer = edgeCoverage(v_radius - d);
    float inner = edgeCoverage(v_radius - 1.5 - d);
    vec3 disc = mix(u_outline.rgb, v_color.rgb, inner);
    float discAlpha = outer * v_color.a;
    if (v_draft > 0.5) {
        // A draft, not yet reviewed: hollow, a dashed outline in the kind's colour over a faint fill.
        float band = clamp(1.6 - abs(d - (v_radius - 1.6)), 0.0, 1.0);
        float dash = clamp(3.0 * sin(8.0 * atan(v_local.y, v_local.x)) + 0.5, 0.0, 1.0);
        disc = v_color.rgb;
        discAlpha = outer * v_color.a * max(0.18, band * dash);
    }
    // Premultiplied (the layer blends with ONE, ONE_MINUS_SRC_ALPHA): no division per pixel.
    float ringShare = ringAlpha * (1.0 - discAlpha);
    o_color = vec4(disc * discAlpha + v_ringColor.rgb * ringShare, discAlpha + ringShare);
}
