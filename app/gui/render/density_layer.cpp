#include "app/gui/render/density_layer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "app/gui/render/gpu_mesh.hpp"
#include "app/gui/render/palette.hpp"

namespace app::gui {
namespace {

struct DensityVertex {
    float x_m = 0, y_m = 0;  // relative to the origin
    float u = 0, v = 0;
};

const void* at(std::size_t offset) {
    return reinterpret_cast<const void*>(offset);
}

}  // namespace

Rgba8 density_ramp(float t) {
    return ramp_colour(kDensityRamp, t);
}

GpuDensity::GpuDensity()
    : m_vao(gl::make_vertex_array()),
      m_vbo(gl::make_buffer()),
      m_ibo(gl::make_buffer()),
      m_values(gl::make_texture()),
      m_ramp(gl::make_texture()) {
    glBindVertexArray(m_vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, m_vbo.get());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m_ibo.get());
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(DensityVertex), at(0));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(DensityVertex), at(offsetof(DensityVertex, u)));
    glBindVertexArray(0);

    std::array<Rgba8, 256> ramp{};
    for (std::size_t i = 0; i < ramp.size(); ++i) ramp[i] = density_ramp(static_cast<float>(i) / 255.0f);
    glBindTexture(GL_TEXTURE_2D, m_ramp.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 256, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, ramp.data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
}

void GpuDensity::upload(const DensitySurface& s) {
    m_index_count = 0;
    if (s.empty()) return;
    m_min_value = s.min_value;
    glBindTexture(GL_TEXTURE_2D, m_values.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, s.width, s.height, 0, GL_RED, GL_FLOAT, s.values.data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);

    // Mesh nodes in Mercator, relative to the surface's centre node.
    std::vector<Mercator> merc(s.nodes.size());
    std::transform(s.nodes.begin(), s.nodes.end(), merc.begin(), mercator_from_lonlat);
    m_origin = merc[merc.size() / 2];
    const int cols = s.mesh_cols + 1;
    std::vector<DensityVertex> vertices;
    vertices.reserve(merc.size());
    for (int j = 0; j <= s.mesh_rows; ++j)
        for (int i = 0; i <= s.mesh_cols; ++i) {
            const Mercator& m = merc[static_cast<std::size_t>(j * cols + i)];
            vertices.push_back({static_cast<float>(m.x_m - m_origin.x_m), static_cast<float>(m.y_m - m_origin.y_m),
                                static_cast<float>(std::min(i * s.step, s.width)) / static_cast<float>(s.width),
                                static_cast<float>(std::min(j * s.step, s.height)) / static_cast<float>(s.height)});
        }
    std::vector<std::uint32_t> indices;
    indices.reserve(static_cast<std::size_t>(s.mesh_cols * s.mesh_rows * 6));
    for (int j = 0; j < s.mesh_rows; ++j)
        for (int i = 0; i < s.mesh_cols; ++i) {
            const auto a = static_cast<std::uint32_t>(j * cols + i);
            const auto b = a + 1, c = a + static_cast<std::uint32_t>(cols), d = c + 1;
            for (std::uint32_t k : {a, b, c, c, b, d}) indices.push_back(k);
        }
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, m_vbo.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(DensityVertex)), vertices.data(),
                 GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m_ibo.get());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)),
                 indices.data(), GL_STATIC_DRAW);
    m_index_count = indices.size();
}

void GpuDensity::draw(const ShaderProgram& program, const Camera& camera, float opacity) const {
    if (m_index_count == 0) return;
    apply(program, view_uniforms(camera, m_origin));
    program.set("u_opacity", opacity);
    program.set("u_min_value", m_min_value);
    program.set("u_values", 0);
    program.set("u_ramp", 1);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, m_values.get());
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, m_ramp.get());
    glBindVertexArray(m_vao.get());
    glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(m_index_count), GL_UNSIGNED_INT, nullptr);
    glBindTexture(GL_TEXTURE_2D, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, 0);
}

}  // namespace app::gui
