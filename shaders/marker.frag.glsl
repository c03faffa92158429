// A filled disc with a thin outline in the theme's halo colour, anti-aliased over one pixel.
uniform vec4 u_outline;
in vec2 v_local;
in float v_radius;
in vec4 v_color;
out vec4 o_color;
void main() {
    float d = length(v_local);
    float outer = clamp(v_radius + 0.5 - d, 0.0, 1.0);
    float inner = clamp(v_radius - 1.0 - d, 0.0, 1.0);
    vec3 rgb = mix(u_outline.rgb, v_color.rgb, inner);
    o_color = vec4(rgb, outer * v_color.a);
}
