// A viewport-filling quad whose texture coordinates select a (fractional) rectangle of the source.
uniform vec4 u_sourceRect;  // u0, v0, u1, v1 in the source texture
out vec2 v_uv;
void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1));
    v_uv = mix(u_sourceRect.xy, u_sourceRect.zw, corner);
    gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
