uniform sampler2D u_atlas;
uniform float u_edge;
in vec2 v_uv;
in vec4 v_color;
flat in float v_shape;
out vec4 o_color;
void main() {
    float alpha = 1.0;
    if (v_shape < 0.5) {
        float d = texture(u_atlas, v_uv).r;
        float w = max(fwidth(d), 1e-4) * 0.7;
        alpha = smoothstep(u_edge - w, u_edge + w, d);
    } else if (v_shape < 1.5) {
        alpha = 1.0;
    } else if (v_shape < 2.5) {
        float r = length(v_uv);
        alpha = clamp((1.0 - r) / max(fwidth(r), 1e-4), 0.0, 1.0);
    } else if (v_shape > 4.5) {
        // An antialiased line: full inside, fading over one framebuffer pixel at its sides.
        float across = clamp((1.0 - abs(v_uv.y)) / max(fwidth(v_uv.y), 1e-4), 0.0, 1.0);
        float dash = 1.0;
        if (v_shape > 5.5) {
            float phase = mod(v_uv.x, 14.0);
            dash = clamp(9.0 - phase + 0.5, 0.0, 1.0) * clamp(phase + 0.5, 0.0, 1.0);
        }
        alpha = across * dash;
    } else if (v_shape > 3.5) {
        float r = length(v_uv);
        float w = max(fwidth(r), 1e-4);
        alpha = clamp((0.2 - abs(r - 0.75)) / w + 0.5, 0.0, 1.0);
    } else {
        float period = v_uv.y < 1.5 ? 18.0 : 9.0;
        float on = v_uv.y < 1.5 ? 11.0 : 4.0;
        float phase = mod(v_uv.x, period);
        alpha = v_uv.y < 0.5 ? 1.0 : clamp(on - phase + 0.5, 0.0, 1.0) * clamp(phase + 0.5, 0.0, 1.0);
    }
    o_color = vec4(v_color.rgb, v_color.a * alpha);
}
