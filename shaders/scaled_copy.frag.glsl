// Bilinear copy of the cached base map while a zoom animation runs.
uniform sampler2D u_source;
in vec2 v_uv;
out vec4 o_color;
void main() { o_color = vec4(texture(u_source, v_uv).rgb, 1.0); }
