// Place markers with their activity rings, one instance per site. The site's events (sorted by start)
// sit in a buffer texture; a binary search finds how many have started by u_day, so the marker grows
// and takes the colour of its newest activity with nothing but u_day changing. Radius: markerRadius()
// in scene_geometry.hpp.
// The ring expands and fades when the site's newest event starts (over u_pulseDays, which grows with
// the playback speed so it lasts under a second on screen); a steady ring marks the site while some
// event there ("since last fall") is ongoing. Marker and ring share one quad: on software GL a frame
// of thousands of sites is bound by fragments, and a second pass would shade the disc's pixels twice.
layout(location = 0) in vec4 a_site;  // projected x, y (on the CPU); first event texel pair; event count
uniform samplerBuffer u_events;       // per event: (-, quantity so far, start, next start), (count, kind, active-until, draft)
uniform float u_day;
uniform vec4 u_kindColors[15];
uniform float u_pastOpacity;
uniform float u_appearDays;  // a new place's marker grows in over this many days (under a second)
uniform float u_pulseDays;
uniform float u_since;       // a time window's start (far in the past without one)
uniform float u_fadeDays;    // what ended before it fades out over this many days
uniform samplerBuffer u_hidden;  // per site: 1 while it is part of a cluster marker (render/cluster_layer)
uniform int u_useHidden;
uniform int u_sizeByQuantity;   // 1: radius by the reported quantity so far (quantityRadius), else by count
out vec2 v_local;            // pixels from the centre
flat out float v_radius;     // the disc's
flat out float v_ring;       // the ring's radius, pixels (negative: no ring)
flat out vec4 v_color;       // the disc's
flat out vec4 v_ringColor;
flat out float v_draft;      // only drafts here so far: drawn hollow (dashed outline)
void main() {
    if (u_useHidden != 0 && texelFetch(u_hidden, gl_InstanceID).r > 0.5) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
        v_draft = 0.0;
        return;
    }
    int first = int(a_site.z);
    int lo = 0, hi = int(a_site.w);  // events started by u_day: [first, first + lo)
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (texelFetch(u_events, 2 * (first + mid)).z <= u_day) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
        v_draft = 0.0;
        return;
    }
    vec4 start = texelFetch(u_events, 2 * (first + lo - 1));       // the newest event's start
    vec4 latest = texelFetch(u_events, 2 * (first + lo - 1) + 1);  // count, kind, active-until
    // A time window: the site fades out once its newest start and everything ongoing here are older
    // than the window; it counts the events started in the window (an ongoing older one: 1).
    float lastSeen = max(start.z, latest.z - 1.0);
    float keep = clamp((lastSeen - (u_since - u_fadeDays)) / u_fadeDays, 0.0, 1.0);
    if (keep <= 0.0) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
        v_draft = 0.0;
        return;
    }
    int before = 0, upper = lo;  // events started before the window: [first, first + before)
    while (before < upper) {
        int mid = (before + upper) / 2;
        if (texelFetch(u_events, 2 * (first + mid)).z < u_since) before = mid + 1;
        else upper = mid;
    }
    float shownCount = before > 0 ? max(1.0, latest.x - texelFetch(u_events, 2 * (first + before - 1) + 1).x) : latest.x;
    float appear = clamp((u_day - texelFetch(u_events, 2 * first).z) / u_appearDays, 0.0, 1.0);
    float base = min(18.0, 4.5 + 2.0 * sqrt(shownCount));
    if (u_sizeByQuantity != 0) {
        // The window's quantity; an older event still ongoing (shown as one) counts its own.
        float q = start.y;
        if (before > 0 && before < lo) q -= texelFetch(u_events, 2 * (first + before - 1)).y;
        else if (before >= lo && lo > 1) q -= texelFetch(u_events, 2 * (first + lo - 2)).y;
        base = min(22.0, 4.5 + 2.0 * log(1.0 + max(q, 0.0)) / log(10.0));
    }
    float radius = base * (0.35 + 0.65 * appear);
    vec4 color = u_kindColors[int(latest.y)];
    bool ongoing = u_day < latest.z;
    color.a = (ongoing ? 1.0 : u_pastOpacity) * keep;  // nothing ongoing here any more: dimmer
    v_color = color;
    v_radius = radius;
    v_draft = latest.w;

    float burst = (u_day - start.z) / u_pulseDays;
    // Half the quad: the disc covers pixels out to radius + 0.5, the ring to its radius + 1.5.
    float extent = radius + 1.0;
    if (burst < 1.0 || ongoing) {
        float t = clamp(burst, 0.0, 1.0);
        v_ring = burst < 1.0 ? base + 3.0 + 16.0 * t : base + 4.0;
        vec4 ringColor = u_kindColors[int(latest.y)];
        ringColor.a = (burst < 1.0 ? 0.9 * (1.0 - t) + (ongoing ? 0.45 * t : 0.0) : 0.45) * keep;
        v_ringColor = ringColor;
        extent = v_ring + 2.0;
    } else {
        v_ring = -8.0;
        v_ringColor = vec4(0.0);
    }
    vec2 corner = vec2((gl_VertexID & 1) != 0 ? 1.0 : -1.0, (gl_VertexID & 2) != 0 ? 1.0 : -1.0);
    vec2 centre = floor(projectedToPixels(shiftWorldCopy(a_site.xy))) + 0.5;
    v_local = corner * extent;
    gl_Position = pixelsToClip(centre + v_local);
}
