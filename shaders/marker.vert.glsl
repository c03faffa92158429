// Place markers: one instance per (site, k-th event there), shown while the k-th event is the latest
// one started, so a site's marker grows and takes the colour of its newest activity as time passes
// with nothing but u_day changing. Radius formula: markerRadius() in scene_geometry.hpp.
layout(location = 0) in vec4 a_placeTime;  // lon, lat, start day, next start day
layout(location = 1) in vec4 a_data;       // count, kind, active-until day, -
uniform float u_day;
uniform vec4 u_kindColors[10];
uniform float u_pastOpacity;
out vec2 v_local;     // pixels from the centre
out float v_radius;
out vec4 v_color;
void main() {
    bool shown = u_day >= a_placeTime.z && u_day < a_placeTime.w;
    float radius = min(18.0, 4.5 + 2.0 * sqrt(a_data.x));
    vec2 corner = vec2((gl_VertexID & 1) != 0 ? 1.0 : -1.0, (gl_VertexID & 2) != 0 ? 1.0 : -1.0);
    float extent = radius + 2.0;
    vec2 centre = floor(projectedToPixels(projectLonLat(a_placeTime.xy))) + 0.5;
    v_local = corner * extent;
    v_radius = radius;
    vec4 color = u_kindColors[int(a_data.y)];
    color.a = u_day < a_data.z ? 1.0 : u_pastOpacity;  // nothing ongoing here any more: dimmer
    v_color = color;
    gl_Position = shown ? pixelsToClip(centre + v_local) : vec4(2.0, 2.0, 2.0, 1.0);
}
