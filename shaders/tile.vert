#version 330 core
// A raster basemap tile: one quad made from gl_VertexID (a 4-vertex strip),
// placed by u_rect (clip space: x0, y0 south-west, x1, y1 north-east) and
// textured from the window u_uv of its texture (u0, v0 at the north-west
// corner, u1, v1 at the south-east; texture rows run from north to south).
uniform vec4 u_rect;
uniform vec4 u_uv;

out vec2 v_uv;

void main() {
    vec2 c = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
    gl_Position = vec4(mix(u_rect.xy, u_rect.zw, c), 0.0, 1.0);
    v_uv = vec2(mix(u_uv.x, u_uv.z, c.x), mix(u_uv.w, u_uv.y, c.y));
}
