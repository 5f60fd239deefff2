#version 330 core
in vec2 v_uv;

uniform sampler2D u_tile;
uniform float u_opacity;

out vec4 o_color;

void main() {
    vec4 t = texture(u_tile, v_uv);
    o_color = vec4(t.rgb, t.a * u_opacity);
}
