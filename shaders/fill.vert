#version 330 core
// Polygon fill: triangles built once per geometry change.
layout(location = 0) in vec2 a_pos;    // Mercator metres relative to the buffer origin
layout(location = 1) in vec4 a_color;  // RGBA8, normalised

uniform vec2 u_offset;
uniform vec2 u_scale;

out vec4 v_color;

void main() {
    gl_Position = vec4((a_pos + u_offset) * u_scale, 0.0, 1.0);
    v_color = a_color;
}
