#version 330 core
in vec4 v_color;
in float v_across_px;
in float v_along_px;
flat in vec3 v_style;  // width_px, dash_on_px, dash_off_px

uniform float u_opacity;

out vec4 o_color;

void main() {
    if (v_style.y > 0.0 && mod(v_along_px, v_style.y + v_style.z) > v_style.y) discard;
    float coverage = clamp(v_style.x * 0.5 + 0.5 - abs(v_across_px), 0.0, 1.0);
    if (coverage <= 0.0) discard;
    o_color = vec4(v_color.rgb, v_color.a * coverage * u_opacity);
}
