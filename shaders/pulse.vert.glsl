// Activity rings, one instance per site: a ring expands and fades when the site's newest event starts
// (over u_pulseDays, which grows with the playback speed so it lasts under a second on screen), and a
// steady ring marks the site while some event there ("since last fall") is ongoing.
layout(location = 0) in vec4 a_site;  // projected x, y; first event texel pair; event count
uniform samplerBuffer u_events;       // as for the markers
uniform float u_day;
uniform float u_pulseDays;
uniform vec4 u_kindColors[10];
out vec2 v_local;
out float v_ring;      // ring radius, pixels
out vec4 v_color;
void main() {
    int first = int(a_site.z);
    int lo = 0, hi = int(a_site.w);
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (texelFetch(u_events, 2 * (first + mid)).z <= u_day) lo = mid + 1;
        else hi = mid;
    }
    vec4 start = lo > 0 ? texelFetch(u_events, 2 * (first + lo - 1)) : vec4(0.0);
    vec4 latest = lo > 0 ? texelFetch(u_events, 2 * (first + lo - 1) + 1) : vec4(0.0);
    float burst = (u_day - start.z) / u_pulseDays;
    bool ongoing = u_day < latest.z;
    if (lo == 0 || (burst >= 1.0 && !ongoing)) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
        return;
    }
    float base = min(18.0, 4.5 + 2.0 * sqrt(latest.x));
    float t = clamp(burst, 0.0, 1.0);
    v_ring = burst < 1.0 ? base + 3.0 + 16.0 * t : base + 4.0;
    vec4 color = u_kindColors[int(latest.y)];
    color.a = burst < 1.0 ? 0.9 * (1.0 - t) + (ongoing ? 0.45 * t : 0.0) : 0.45;
    v_color = color;
    float extent = v_ring + 3.0;
    vec2 corner = vec2((gl_VertexID & 1) != 0 ? 1.0 : -1.0, (gl_VertexID & 2) != 0 ? 1.0 : -1.0);
    vec2 centre = floor(projectedToPixels(shiftWorldCopy(a_site.xy))) + 0.5;
    v_local = corner * extent;
    gl_Position = pixelsToClip(centre + v_local);
}
