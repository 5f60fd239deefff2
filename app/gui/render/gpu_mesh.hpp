#pragma once
// GPU copies of the CPU vertex arrays: a PolygonMesh (fill triangles and
// line segments) and a point batch, each in its own vertex array object.
// Needs a current GL 3.3 core context; destroy while it is current.
// Thread-safety: the thread whose GL context is current (the main thread); view_uniforms() is pure.
// Failures: none reported (GL errors are not checked); an empty mesh, or no line LOD for the zoom, draws
//   nothing (draw_lines() returns 0).
#include <cstddef>
#include <vector>

#include "app/gui/model/camera.hpp"
#include "app/gui/render/gl.hpp"
#include "app/gui/render/item_points.hpp"
#include "app/gui/render/polygon_mesh.hpp"
#include "app/gui/render/shader_program.hpp"

namespace app::gui {

// The uniforms that place Mercator geometry in the current viewport.
struct ViewUniforms {
    float offset_x_m = 0, offset_y_m = 0;  // buffer origin − camera centre
    float scale_x = 0, scale_y = 0;        // metres → clip space
    float viewport_w_px = 1, viewport_h_px = 1;
    float metres_per_px = 1;
};
ViewUniforms view_uniforms(const Camera& camera, Mercator origin);
void apply(const ShaderProgram& program, const ViewUniforms& view);

class GpuMesh {
public:
    GpuMesh();
    void upload(const PolygonMesh& mesh);
    [[nodiscard]] Mercator origin() const { return m_origin; }
    [[nodiscard]] bool empty() const { return m_fill_count == 0 && m_lods.empty(); }

    void draw_fill(const ShaderProgram& fill, const Camera& camera, float opacity) const;
    // Returns the number of segments drawn.
    std::size_t draw_lines(const ShaderProgram& line, const Camera& camera, float opacity) const;
    [[nodiscard]] std::size_t fill_triangles() const { return m_fill_count / 3; }

private:
    Mercator m_origin;
    gl::VertexArray m_fill_vao, m_line_vao;
    gl::Buffer m_fill_vbo, m_line_vbo, m_line_ibo;
    std::size_t m_fill_count = 0;
    struct LodRange {
        double max_zoom = 0.0;
        std::size_t first_segment = 0;
        std::size_t segments = 0;
    };
    std::vector<LodRange> m_lods;
};

class GpuPoints {
public:
    GpuPoints();
    void upload(const PointBatch& batch);
    void draw(const ShaderProgram& points, const Camera& camera, float opacity) const;
    [[nodiscard]] std::size_t count() const { return m_count; }

private:
    Mercator m_origin;
    gl::VertexArray m_vao;
    gl::Buffer m_vbo;
    std::size_t m_count = 0;
};

}  // namespace app::gui
