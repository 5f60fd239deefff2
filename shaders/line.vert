#version 330 core
// Lines with a width in pixels. Each segment is four vertices (two
// triangles) that all carry both ends; the vertex shader puts its corner
// around the segment in screen space, extended by half the width at both
// ends so that consecutive segments overlap at joins, plus one pixel for
// antialiasing. (Geometry shaders and per-segment instances both cost
// about 3 µs a segment on llvmpipe; plain vertices cost a fraction.)
layout(location = 0) in vec4 a_ends;     // (ax, ay, bx, by): Mercator metres relative to the buffer origin
layout(location = 1) in float a_dist_m;  // Mercator length along the line at a, for dashes
layout(location = 2) in vec3 a_style;    // width_px, dash_on_px (0: solid), dash_off_px
layout(location = 3) in vec4 a_color;    // RGBA8, normalised
layout(location = 4) in float a_corner;  // 0: a left, 1: a right, 2: b left, 3: b right

uniform vec2 u_offset;         // buffer origin − camera centre, metres
uniform vec2 u_scale;          // metres → clip
uniform vec2 u_viewport_px;
uniform float u_metres_per_px;

out vec4 v_color;
out float v_across_px;  // signed distance from the centre line
out float v_along_px;   // length along the line, for dashes
flat out vec3 v_style;

void main() {
    vec2 half_viewport = u_viewport_px * 0.5;
    vec2 a = (a_ends.xy + u_offset) * u_scale * half_viewport;  // pixels from the viewport centre
    vec2 b = (a_ends.zw + u_offset) * u_scale * half_viewport;
    vec2 d = b - a;
    float len = length(d);
    vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 normal = vec2(-dir.y, dir.x);
    float half_px = a_style.x * 0.5 + 1.0;
    float cap_px = a_style.x * 0.5;
    bool at_b = a_corner > 1.5;
    float side = (a_corner == 0.0 || a_corner == 2.0) ? 1.0 : -1.0;
    vec2 p = (at_b ? b + dir * cap_px : a - dir * cap_px) + normal * side * half_px;
    gl_Position = vec4(p / half_viewport, 0.0, 1.0);
    float along_a = a_dist_m / u_metres_per_px;
    v_along_px = at_b ? along_a + len + cap_px : along_a - cap_px;
    v_across_px = side * half_px;
    v_color = a_color;
    v_style = a_style;
}
