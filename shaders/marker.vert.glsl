// Place markers: one instance per site. The site's events (sorted by start) sit in a buffer texture;
// a binary search finds how many have started by u_day, so the marker grows and takes the colour of
// its newest activity with nothing but u_day changing. Radius: markerRadius() in scene_geometry.hpp.
layout(location = 0) in vec4 a_site;  // projected x, y (on the CPU); first event texel pair; event count
uniform samplerBuffer u_events;       // per event: (x, y, start, next start), (count, kind, active-until, -)
uniform float u_day;
uniform vec4 u_kindColors[10];
uniform float u_pastOpacity;
uniform float u_appearDays;  // a new place's marker grows in over this many days (under a second)
out vec2 v_local;     // pixels from the centre
out float v_radius;
out vec4 v_color;
void main() {
    int first = int(a_site.z);
    int lo = 0, hi = int(a_site.w);  // events started by u_day: [first, first + lo)
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (texelFetch(u_events, 2 * (first + mid)).z <= u_day) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
        return;
    }
    vec4 latest = texelFetch(u_events, 2 * (first + lo - 1) + 1);  // count, kind, active-until
    float appear = clamp((u_day - texelFetch(u_events, 2 * first).z) / u_appearDays, 0.0, 1.0);
    float radius = min(18.0, 4.5 + 2.0 * sqrt(latest.x)) * (0.35 + 0.65 * appear);
    vec2 corner = vec2((gl_VertexID & 1) != 0 ? 1.0 : -1.0, (gl_VertexID & 2) != 0 ? 1.0 : -1.0);
    float extent = radius + 2.0;
    vec2 centre = floor(projectedToPixels(shiftWorldCopy(a_site.xy))) + 0.5;
    v_local = corner * extent;
    v_radius = radius;
    vec4 color = u_kindColors[int(latest.y)];
    color.a = u_day < latest.z ? 1.0 : u_pastOpacity;  // nothing ongoing here any more: dimmer
    v_color = color;
    gl_Position = pixelsToClip(centre + v_local);
}
