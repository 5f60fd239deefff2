#include "app/gui/render/gpu_mesh.hpp"

#include <algorithm>
#include <cstdint>

namespace app::gui {
namespace {

const void* at(std::size_t offset) {
    return reinterpret_cast<const void*>(offset);
}

template <class T>
void upload_array(GLuint vbo, const std::vector<T>& data) {
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    // Orphan then fill: the driver need not wait for draws still using the old data.
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size() * sizeof(T)), nullptr, GL_DYNAMIC_DRAW);
    if (!data.empty())
        glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(data.size() * sizeof(T)), data.data());
}

}  // namespace

ViewUniforms view_uniforms(const Camera& camera, Mercator origin) {
    const Mercator c = camera.center();
    const double mpp = camera.metres_per_px();
    ViewUniforms u;
    u.offset_x_m = static_cast<float>(origin.x_m - c.x_m);
    u.offset_y_m = static_cast<float>(origin.y_m - c.y_m);
    u.scale_x = static_cast<float>(2.0 / (camera.width_px() * mpp));
    u.scale_y = static_cast<float>(2.0 / (camera.height_px() * mpp));
    u.viewport_w_px = static_cast<float>(camera.width_px());
    u.viewport_h_px = static_cast<float>(camera.height_px());
    u.metres_per_px = static_cast<float>(mpp);
    return u;
}

void apply(const ShaderProgram& program, const ViewUniforms& view) {
    program.use();
    program.set("u_offset", view.offset_x_m, view.offset_y_m);
    program.set("u_scale", view.scale_x, view.scale_y);
    program.set("u_viewport_px", view.viewport_w_px, view.viewport_h_px);
    program.set("u_metres_per_px", view.metres_per_px);
}

GpuMesh::GpuMesh()
    : m_fill_vao(gl::make_vertex_array()),
      m_line_vao(gl::make_vertex_array()),
      m_fill_vbo(gl::make_buffer()),
      m_line_vbo(gl::make_buffer()),
      m_line_ibo(gl::make_buffer()) {
    glBindVertexArray(m_fill_vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, m_fill_vbo.get());
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(FillVertex), at(0));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(FillVertex), at(offsetof(FillVertex, colour)));

    // Lines: four vertices a segment, two triangles (shaders/line.vert).
    glBindVertexArray(m_line_vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, m_line_vbo.get());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m_line_ibo.get());  // recorded in the VAO
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, sizeof(LineVertex), at(0));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, sizeof(LineVertex), at(offsetof(LineVertex, dist_m)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 3, GL_FLOAT, GL_FALSE, sizeof(LineVertex), at(offsetof(LineVertex, style)));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(LineVertex), at(offsetof(LineVertex, colour)));
    glEnableVertexAttribArray(4);
    glVertexAttribPointer(4, 1, GL_FLOAT, GL_FALSE, sizeof(LineVertex), at(offsetof(LineVertex, corner)));
    glBindVertexArray(0);
}

void GpuMesh::upload(const PolygonMesh& mesh) {
    m_origin = mesh.origin;
    upload_array(m_fill_vbo.get(), mesh.fill);
    m_fill_count = mesh.fill.size();
    // All LODs in one vertex buffer, each drawn from its own index range.
    std::vector<LineVertex> lines;
    m_lods.clear();
    for (const LineLod& lod : mesh.line_lods) {
        m_lods.push_back({lod.max_zoom, lines.size() / 4, lod.segment_count()});
        lines.insert(lines.end(), lod.lines.begin(), lod.lines.end());
    }
    upload_array(m_line_vbo.get(), lines);
    const std::size_t segments = lines.size() / 4;
    std::vector<std::uint32_t> indices;
    indices.reserve(segments * 6);
    for (std::uint32_t k = 0; k < segments; ++k)
        for (std::uint32_t i : {0u, 1u, 2u, 2u, 1u, 3u}) indices.push_back(4 * k + i);
    glBindVertexArray(0);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m_line_ibo.get());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)),
                 indices.data(), GL_STATIC_DRAW);
}

void GpuMesh::draw_fill(const ShaderProgram& fill, const Camera& camera, float opacity) const {
    if (m_fill_count == 0) return;
    apply(fill, view_uniforms(camera, m_origin));
    fill.set("u_opacity", opacity);
    glBindVertexArray(m_fill_vao.get());
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(m_fill_count));
}

std::size_t GpuMesh::draw_lines(const ShaderProgram& line, const Camera& camera, float opacity) const {
    // The coarsest LOD simplified for this zoom or a closer one.
    const double zoom = camera.zoom();
    const auto lod =
        std::find_if(m_lods.begin(), m_lods.end(), [&](const LodRange& r) { return r.max_zoom >= zoom - 1e-9; });
    if (lod == m_lods.end() || lod->segments == 0) return 0;
    apply(line, view_uniforms(camera, m_origin));
    line.set("u_opacity", opacity);
    glBindVertexArray(m_line_vao.get());
    glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(lod->segments * 6), GL_UNSIGNED_INT,
                   at(lod->first_segment * 6 * sizeof(std::uint32_t)));
    return lod->segments;
}

GpuPoints::GpuPoints() : m_vao(gl::make_vertex_array()), m_vbo(gl::make_buffer()) {
    glBindVertexArray(m_vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, m_vbo.get());
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(PointVertex), at(0));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, sizeof(PointVertex), at(offsetof(PointVertex, size_px)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, sizeof(PointVertex), at(offsetof(PointVertex, ring_px)));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(PointVertex), at(offsetof(PointVertex, fill)));
    glEnableVertexAttribArray(4);
    glVertexAttribPointer(4, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(PointVertex), at(offsetof(PointVertex, ring)));
    glBindVertexArray(0);
}

void GpuPoints::upload(const PointBatch& batch) {
    m_origin = batch.origin;
    upload_array(m_vbo.get(), batch.vertices);
    m_count = batch.vertices.size();
}

void GpuPoints::draw(const ShaderProgram& points, const Camera& camera, float opacity) const {
    if (m_count == 0) return;
    apply(points, view_uniforms(camera, m_origin));
    points.set("u_opacity", opacity);
    glBindVertexArray(m_vao.get());
    glDrawArrays(GL_POINTS, 0, static_cast<GLsizei>(m_count));
}

}  // namespace app::gui
