// Arrowheads at flow destinations, pointing along the last stretch of the path; shown once the arc
// has grown all the way.
layout(location = 0) in vec4 a_tip;   // tip and a point before it, projected on the CPU
layout(location = 1) in vec4 a_flow;  // flow index, -, -, -
uniform samplerBuffer u_flows;
uniform float u_day;
uniform float u_since;     // a time window's start (far in the past without one)
uniform float u_fadeDays;
uniform float u_growDays;
uniform float u_pastOpacity;
uniform vec4 u_cargoColors[6];
out vec4 v_color;
void main() {
    int flow = int(a_flow.x);
    vec4 info0 = texelFetch(u_flows, 2 * flow);
    float keep = clamp((info0.y - (u_since - u_fadeDays)) / u_fadeDays, 0.0, 1.0);
    bool shown = u_day - info0.x >= u_growDays && keep > 0.0;
    vec2 tip = projectedToPixels(shiftWorldCopy(a_tip.xy));
    vec2 before = projectedToPixels(shiftWorldCopy(a_tip.zw));
    vec2 d = tip - before;
    vec2 dir = length(d) > 1e-6 ? normalize(d) : vec2(1.0, 0.0);
    vec2 normal = vec2(-dir.y, dir.x);
    float width = info0.z * (u_day < info0.y ? 1.0 : 0.7);
    float size = 7.0 + 1.6 * width;
    tip -= dir * 5.0;  // stop at the destination marker's edge
    vec2 p = gl_VertexID == 0 ? tip + dir * 1.5
           : tip - dir * size + normal * (gl_VertexID == 1 ? 0.55 : -0.55) * size;
    vec4 color = u_cargoColors[int(info0.w)];
    color.a = (u_day < info0.y ? 0.95 : u_pastOpacity) * keep;
    v_color = color;
    gl_Position = shown ? pixelsToClip(p) : vec4(2.0, 2.0, 2.0, 1.0);
}
