#include "app/gui/render/shader_program.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace app::gui {
namespace {

geo::Result<gl::Shader> compile(GLenum stage, std::string_view source, const std::string& what) {
    gl::Shader shader(glCreateShader(stage));
    const char* text = source.data();
    const auto length = static_cast<GLint>(source.size());
    glShaderSource(shader.get(), 1, &text, &length);
    glCompileShader(shader.get());
    GLint ok = GL_FALSE;
    glGetShaderiv(shader.get(), GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        GLint log_length = 0;
        glGetShaderiv(shader.get(), GL_INFO_LOG_LENGTH, &log_length);
        std::string log(static_cast<size_t>(std::max(log_length, 1)), '\0');
        glGetShaderInfoLog(shader.get(), log_length, nullptr, log.data());
        return geo::fail_fmt("shaders/{}: compile error: {}", what, log);
    }
    return shader;
}

}  // namespace

geo::Result<ShaderProgram> ShaderProgram::build(std::string_view name, std::string_view vertex,
                                                std::string_view geometry, std::string_view fragment) {
    const std::string base(name);
    std::vector<gl::Shader> stages;
    auto vs = compile(GL_VERTEX_SHADER, vertex, base + ".vert");
    if (!vs) return tl::unexpected(vs.error());
    stages.push_back(std::move(*vs));
    if (!geometry.empty()) {
        auto gs = compile(GL_GEOMETRY_SHADER, geometry, base + ".geom");
        if (!gs) return tl::unexpected(gs.error());
        stages.push_back(std::move(*gs));
    }
    auto fs = compile(GL_FRAGMENT_SHADER, fragment, base + ".frag");
    if (!fs) return tl::unexpected(fs.error());
    stages.push_back(std::move(*fs));

    ShaderProgram program;
    program.m_program = gl::Program(glCreateProgram());
    for (const auto& s : stages) glAttachShader(program.m_program.get(), s.get());
    glLinkProgram(program.m_program.get());
    for (const auto& s : stages) glDetachShader(program.m_program.get(), s.get());
    GLint ok = GL_FALSE;
    glGetProgramiv(program.m_program.get(), GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        GLint log_length = 0;
        glGetProgramiv(program.m_program.get(), GL_INFO_LOG_LENGTH, &log_length);
        std::string log(static_cast<size_t>(std::max(log_length, 1)), '\0');
        glGetProgramInfoLog(program.m_program.get(), log_length, nullptr, log.data());
        return geo::fail_fmt("shaders/{}: link error: {}", base, log);
    }
    return program;
}

GLint ShaderProgram::uniform(const char* name) const {
    if (auto it = m_uniforms.find(name); it != m_uniforms.end()) return it->second;
    const GLint loc = glGetUniformLocation(m_program.get(), name);
    m_uniforms.emplace(name, loc);
    return loc;
}

}  // namespace app::gui
