// Screen-space overlay (title, date, legend): positions in framebuffer pixels from the top-left.
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec2 a_uv;      // atlas coordinates (text) or local shape coordinates
layout(location = 2) in vec4 a_color;
layout(location = 3) in float a_shape;  // see OverlayVertex (render/overlay_writer.hpp)
out vec2 v_uv;
out vec4 v_color;
flat out float v_shape;
void main() {
    v_uv = a_uv;
    v_color = a_color;
    v_shape = a_shape;
    gl_Position = pixelsToClip(vec2(a_position.x, u_viewport.y - a_position.y));
}
