#version 330 core
// The density surface: a mesh whose nodes follow the analysis grid (metric
// CRS) reprojected to Web Mercator; a_uv addresses the grid texture.
layout(location = 0) in vec2 a_pos;  // Mercator metres relative to the buffer origin
layout(location = 1) in vec2 a_uv;

uniform vec2 u_offset;
uniform vec2 u_scale;

out vec2 v_uv;

void main() {
    gl_Position = vec4((a_pos + u_offset) * u_scale, 0.0, 1.0);
    v_uv = a_uv;
}
