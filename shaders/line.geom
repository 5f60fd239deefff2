#version 330 core
// Expands one segment to a screen-aligned quad u_width_px wide (plus one
// pixel of antialiasing), extended by half the width at both ends so that
// consecutive segments overlap at joins.
layout(lines) in;
layout(triangle_strip, max_vertices = 4) out;

in vec4 g_color[];
in float g_dist_m[];

uniform vec2 u_viewport_px;
uniform float u_width_px;
uniform float u_metres_per_px;

out vec4 f_color;
out float f_across_px;  // signed distance from the centre line
out float f_along_px;   // length along the line, for dashes

void main() {
    vec2 a = gl_in[0].gl_Position.xy * u_viewport_px * 0.5;
    vec2 b = gl_in[1].gl_Position.xy * u_viewport_px * 0.5;
    vec2 d = b - a;
    float len = length(d);
    if (len < 1e-4) return;
    vec2 dir = d / len;
    vec2 normal = vec2(-dir.y, dir.x);
    float half_px = u_width_px * 0.5 + 1.0;
    float cap_px = u_width_px * 0.5;
    vec2 to_clip = 2.0 / u_viewport_px;
    float along_a = g_dist_m[0] / u_metres_per_px;
    float along_b = g_dist_m[1] / u_metres_per_px;

    vec2 corners[4] = vec2[4](a - dir * cap_px + normal * half_px, a - dir * cap_px - normal * half_px,
                              b + dir * cap_px + normal * half_px, b + dir * cap_px - normal * half_px);
    float across[4] = float[4](half_px, -half_px, half_px, -half_px);
    float along[4] = float[4](along_a - cap_px, along_a - cap_px, along_b + cap_px, along_b + cap_px);
    for (int i = 0; i < 4; ++i) {
        gl_Position = vec4(corners[i] * to_clip, 0.0, 1.0);
        f_color = g_color[i < 2 ? 0 : 1];
        f_across_px = across[i];
        f_along_px = along[i];
        EmitVertex();
    }
    EndPrimitive();
}
