#version 330 core
// A smooth disc with an outline ring, antialiased over one pixel.
in vec4 v_fill;
in vec4 v_ring;
in float v_size_px;
in float v_ring_px;

uniform float u_opacity;

out vec4 o_color;

void main() {
    float sprite_px = v_size_px + 1.0;
    float r_px = length(gl_PointCoord - vec2(0.5)) * sprite_px;  // distance from the centre
    float radius_px = v_size_px * 0.5;
    float coverage = clamp(radius_px - r_px + 0.5, 0.0, 1.0);
    if (coverage <= 0.0) discard;
    float inside_ring = clamp(radius_px - v_ring_px - r_px + 0.5, 0.0, 1.0);
    vec4 color = mix(v_ring, v_fill, inside_ring);
    o_color = vec4(color.rgb, color.a * coverage * u_opacity);
}
