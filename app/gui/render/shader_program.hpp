#pragma once
// A linked GLSL program built from the embedded sources of shaders/
// (generated/app/gui/render/shader_sources.hpp), with its uniform locations
// looked up once. Needs a current GL 3.3 core context.
// Failure: a compile or link error returns the stage name and the driver log.
// Thread-safety: the thread whose GL context is current (the main thread); uniform() fills a mutable
//   cache, so even const calls are not safe concurrently.
#include <map>
#include <string>
#include <string_view>

#include "app/gui/render/gl.hpp"
#include "geo/core/error.hpp"

namespace app::gui {

class ShaderProgram {
public:
    // `name` is for messages ("points"); geometry may be empty.
    static geo::Result<ShaderProgram> build(std::string_view name, std::string_view vertex, std::string_view geometry,
                                            std::string_view fragment);

    void use() const { glUseProgram(m_program.get()); }
    // -1 when the uniform does not exist (or was optimised away).
    [[nodiscard]] GLint uniform(const char* name) const;

    void set(const char* name, float v) const { glUniform1f(uniform(name), v); }
    void set(const char* name, float x, float y) const { glUniform2f(uniform(name), x, y); }
    void set(const char* name, int v) const { glUniform1i(uniform(name), v); }

private:
    gl::Program m_program;
    mutable std::map<std::string, GLint, std::less<>> m_uniforms;
};

}  // namespace app::gui
