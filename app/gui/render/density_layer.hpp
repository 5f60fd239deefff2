#pragma once
// The density surface on the GPU: the normalised grid values as an R32F
// texture, a colour ramp (palette.hpp's kDensityRamp) as a 256 × 1 texture,
// and the mesh of grid nodes in Web Mercator that carries them
// (shaders/density.vert/.frag). Rebuilt when the model's density changes.
// Needs a current GL 3.3 context; main thread only.
// Failures: none reported; GL errors are not checked (e.g. a grid larger than GL_MAX_TEXTURE_SIZE); an
//   empty surface uploads nothing and draws nothing.
#include <cstddef>

#include "app/gui/model/map_model.hpp"
#include "app/gui/render/gl.hpp"
#include "app/gui/render/palette.hpp"
#include "app/gui/render/shader_program.hpp"

namespace app::gui {

// The ramp's colour at t in [0, 1] (linear between the stops).
Rgba8 density_ramp(float t);

class GpuDensity {
public:
    GpuDensity();
    void upload(const DensitySurface& surface);
    void draw(const ShaderProgram& program, const Camera& camera, float opacity) const;
    [[nodiscard]] bool empty() const { return m_index_count == 0; }

private:
    Mercator m_origin;
    gl::VertexArray m_vao;
    gl::Buffer m_vbo, m_ibo;
    gl::Texture m_values, m_ramp;
    std::size_t m_index_count = 0;
    float m_min_value = 0.0f;
};

}  // namespace app::gui
