// Signed-distance-field text with a halo, so labels stay legible over borders and coastlines.
uniform sampler2D u_atlas;
uniform vec4 u_textColor;
uniform vec4 u_haloColor;
uniform float u_edge;       // SDF value on the glyph outline
uniform float u_haloEdge;   // SDF value at the halo's outer edge
in vec2 v_uv;
in float v_opacity;
out vec4 o_color;
void main() {
    float d = texture(u_atlas, v_uv).r;
    float w = max(fwidth(d), 1e-4) * 0.7;
    float fill = smoothstep(u_edge - w, u_edge + w, d);
    float halo = smoothstep(u_haloEdge - w, u_haloEdge + w, d);
    vec4 c = mix(vec4(u_haloColor.rgb, u_haloColor.a * halo), vec4(u_textColor.rgb, u_textColor.a), fill);
    o_color = vec4(c.rgb, c.a * v_opacity);
}
