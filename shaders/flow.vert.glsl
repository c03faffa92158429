// Flow arcs: one instance per segment of a flow's great-circle polyline, extruded in screen space.
// Per-flow data (days, width, cargo, status, length) comes from a buffer texture, so playback changes
// only uniforms: the arc grows from its origin when the flow starts, then stays, dimmer once over.
layout(location = 0) in vec4 a_segment;  // both ends, projected on the CPU
layout(location = 1) in vec4 a_along;    // flow index, projected distance along the flow at the start, -, -
// Per flow: (start, end + 1, width px, cargo), (status, projected length, draft, -).
uniform samplerBuffer u_flows;
uniform float u_day;
uniform float u_growDays;
uniform float u_pastOpacity;
uniform vec4 u_cargoColors[6];
uniform float u_since;     // a time window's start (far in the past without one)
uniform float u_fadeDays;  // a flow over before it fades out over this many days
uniform float u_motion;  // pixels the pattern of flows under way has moved (playback time × speed)
out float v_across;   // pixels from the centre line
// Pixels along the flow from its origin: the growing tip and the dash pattern are measured in it, so
// the pattern stays put on screen under pans (it depends on the zoom only) and the tip moves evenly.
out float v_along;
flat out float v_width;
flat out float v_status;
flat out float v_draft;  // a draft event's flow: drawn hollow
flat out float v_reach;  // pixels drawn so far (the growing tip)
flat out vec4 v_color;
flat out float v_motion;  // a flow that is over rests: nothing moves along it any more
void main() {
    int flow = int(a_along.x);
    vec4 info0 = texelFetch(u_flows, 2 * flow);
    vec4 info1 = texelFetch(u_flows, 2 * flow + 1);
    float age = u_day - info0.x;
    float grown = clamp(age / u_growDays, 0.0, 1.0);
    v_reach = grown * info1.y / u_unitsPerPixel;
    float startAlong = a_along.y / u_unitsPerPixel;
    float keep = clamp((info0.y - (u_since - u_fadeDays)) / u_fadeDays, 0.0, 1.0);  // end + 1 against the window
    bool shown = age >= 0.0 && startAlong <= v_reach && keep > 0.0;
    if (!shown) {  // most instances while time plays: skip the rest (whole SIMD batches do)
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
        return;
    }
    float width = info0.z * (u_day < info0.y ? 1.0 : 0.7);
    vec4 color = u_cargoColors[int(info0.w)];
    color.a = (u_day < info0.y ? 0.95 : u_pastOpacity) * keep;
    v_color = color;
    v_width = width;
    v_status = info1.x;
    v_draft = info1.z;
    v_motion = u_day < info0.y ? u_motion : 0.0;

    vec2 p0 = projectedToPixels(shiftWorldCopy(a_segment.xy));
    vec2 p1 = projectedToPixels(shiftWorldCopy(a_segment.zw));
    vec2 d = p1 - p0;
    float len = length(d);
    vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 normal = vec2(-dir.y, dir.x);
    float halfWidth = 0.5 * width + 1.0;
    bool end = (gl_VertexID & 1) != 0;
    float side = (gl_VertexID & 2) != 0 ? 1.0 : -1.0;
    // Extend each segment by half a width so consecutive segments join without gaps.
    float cap = 0.5 * width;
    vec2 p = (end ? p1 + dir * cap : p0 - dir * cap) + normal * side * halfWidth;
    v_along = end ? startAlong + len + cap : startAlong - cap;
    v_across = side * halfWidth;
    gl_Position = pixelsToClip(p);
}
