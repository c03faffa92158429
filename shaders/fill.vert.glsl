// Land triangles (stencil parity pass), pre-projected on the CPU.
layout(location = 0) in vec2 a_projected;
void main() { gl_Position = pixelsToClip(projectedToPixels(shiftWorldCopy(a_projected))); }
