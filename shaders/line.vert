#version 330 core
// Lines with a width in pixels: segments (GL_LINES) expanded to quads by
// line.geom. a_dist_m is the Mercator length along the line, for dashes.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in float a_dist_m;
layout(location = 2) in vec4 a_color;

uniform vec2 u_offset;
uniform vec2 u_scale;

out vec4 g_color;
out float g_dist_m;

void main() {
    gl_Position = vec4((a_pos + u_offset) * u_scale, 0.0, 1.0);
    g_color = a_color;
    g_dist_m = a_dist_m;
}
