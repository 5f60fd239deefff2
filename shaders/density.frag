#version 330 core
// Density values (R32F, normalised to [0, 1]) through a colour ramp.
in vec2 v_uv;

uniform sampler2D u_values;
uniform sampler2D u_ramp;  // 256 × 1 RGBA
uniform float u_min_value;  // below: transparent
uniform float u_opacity;

out vec4 o_color;

void main() {
    float v = texture(u_values, v_uv).r;
    if (v <= u_min_value) discard;
    vec4 color = texture(u_ramp, vec2(clamp(v, 0.0, 1.0), 0.5));
    o_color = vec4(color.rgb, color.a * u_opacity);
}
