// Activity rings: one instance per event at a site. A ring expands and fades when the event starts
// (over u_pulseDays, which grows with the playback speed so it lasts about a second on screen), and a
// steady ring marks a site while an interval event ("since last fall") is ongoing.
layout(location = 0) in vec4 a_placeTime;  // lon, lat, start day, end day + 1
layout(location = 1) in vec4 a_data;       // kind, count at the start, -, -
uniform float u_day;
uniform float u_pulseDays;
uniform vec4 u_kindColors[10];
out vec2 v_local;
out float v_ring;      // ring radius, pixels
out vec4 v_color;
void main() {
    float age = u_day - a_placeTime.z;
    bool ongoing = u_day < a_placeTime.w;
    float burst = age / u_pulseDays;
    bool shown = age >= 0.0 && (ongoing || burst < 1.0);
    float base = min(18.0, 4.5 + 2.0 * sqrt(a_data.y));
    float t = clamp(burst, 0.0, 1.0);
    v_ring = burst < 1.0 ? base + 3.0 + 16.0 * t : base + 4.0;
    vec4 color = u_kindColors[int(a_data.x)];
    color.a = burst < 1.0 ? 0.9 * (1.0 - t) + (ongoing ? 0.45 * t : 0.0) : 0.45;
    v_color = color;
    float extent = v_ring + 3.0;
    vec2 corner = vec2((gl_VertexID & 1) != 0 ? 1.0 : -1.0, (gl_VertexID & 2) != 0 ? 1.0 : -1.0);
    vec2 centre = floor(projectedToPixels(projectLonLat(a_placeTime.xy))) + 0.5;
    v_local = corner * extent;
    gl_Position = shown ? pixelsToClip(centre + v_local) : vec4(2.0, 2.0, 2.0, 1.0);
}
