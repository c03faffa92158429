// A place the loaded articles name: one instance per place, hidden before its first article's day.
layout(location = 0) in vec4 a_place;  // projected x, y (on the CPU); radius in pixels; first day
uniform float u_day;
out vec2 v_local;     // pixels from the centre
out float v_radius;
void main() {
    if (u_day < a_place.w) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
        return;
    }
    vec2 corner = vec2((gl_VertexID & 1) != 0 ? 1.0 : -1.0, (gl_VertexID & 2) != 0 ? 1.0 : -1.0);
    vec2 centre = floor(projectedToPixels(shiftWorldCopy(a_place.xy))) + 0.5;
    v_local = corner * (a_place.z + 2.5);
    v_radius = a_place.z;
    gl_Position = pixelsToClip(centre + v_local);
}
