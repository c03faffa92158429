// One colour, premultiplied by nothing: used by the stencil pass and the cover pass.
uniform vec4 u_color;
out vec4 o_color;
void main() { o_color = u_color; }
