#version 330 core
in vec4 f_color;
in float f_across_px;
in float f_along_px;

uniform float u_width_px;
uniform vec2 u_dash_px;  // (on, off); on = 0 draws a solid line
uniform float u_opacity;

out vec4 o_color;

void main() {
    if (u_dash_px.x > 0.0 && mod(f_along_px, u_dash_px.x + u_dash_px.y) > u_dash_px.x) discard;
    float coverage = clamp(u_width_px * 0.5 + 0.5 - abs(f_across_px), 0.0, 1.0);
    if (coverage <= 0.0) discard;
    o_color = vec4(f_color.rgb, f_color.a * coverage * u_opacity);
}
