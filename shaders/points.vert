#version 330 core
// Offer items as round discs (GL_POINTS with gl_PointSize).
// a_pos: Mercator metres relative to the buffer origin (float only here).
layout(location = 0) in vec2 a_pos;
layout(location = 1) in float a_size_px;   // disc diameter
layout(location = 2) in float a_ring_px;   // outline width
layout(location = 3) in vec4 a_fill;       // RGBA8, normalised
layout(location = 4) in vec4 a_ring;       // RGBA8, normalised

uniform vec2 u_offset;  // buffer origin − camera centre, Mercator metres
uniform vec2 u_scale;   // 2 / (viewport_px × metres_per_px): metres → clip

out vec4 v_fill;
out vec4 v_ring;
out float v_size_px;
out float v_ring_px;

void main() {
    gl_Position = vec4((a_pos + u_offset) * u_scale, 0.0, 1.0);
    gl_PointSize = a_size_px + 1.0;  // one pixel for the antialiased edge
    v_fill = a_fill;
    v_ring = a_ring;
    v_size_px = a_size_px;
    v_ring_px = a_ring_px;
}
