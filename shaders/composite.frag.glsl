// Composites a premultiplied-alpha layer (the cached past flows) over the frame.
uniform sampler2D u_source;
in vec2 v_uv;
out vec4 o_color;
void main() { o_color = texture(u_source, v_uv); }
