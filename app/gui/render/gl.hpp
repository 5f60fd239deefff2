#pragma once
// OpenGL 3.3 core: the function declarations and one move-only owner type
// per GL object kind (buffer, vertex array, program, shader, texture,
// framebuffer, renderbuffer). No glDelete* anywhere else.
// The GL entry points come straight from libGL (GLVND exports the whole core
// API), so no loader is needed. All GL calls need a current context on the
// calling thread: the owners must be destroyed while it is still current.
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/glcorearb.h>

#include <utility>

namespace app::gui::gl {

template <class Deleter>
class Handle {
public:
    Handle() = default;
    explicit Handle(GLuint id) : m_id(id) {}
    ~Handle() { reset(); }
    Handle(Handle&& o) noexcept : m_id(std::exchange(o.m_id, 0)) {}
    Handle& operator=(Handle&& o) noexcept {
        if (this != &o) {
            reset();
            m_id = std::exchange(o.m_id, 0);
        }
        return *this;
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;

    [[nodiscard]] GLuint get() const { return m_id; }
    [[nodiscard]] explicit operator bool() const { return m_id != 0; }
    void reset() {
        if (m_id != 0) Deleter{}(m_id);
        m_id = 0;
    }

private:
    GLuint m_id = 0;
};

struct BufferDeleter {
    void operator()(GLuint id) const { glDeleteBuffers(1, &id); }
};
struct VertexArrayDeleter {
    void operator()(GLuint id) const { glDeleteVertexArrays(1, &id); }
};
struct ProgramDeleter {
    void operator()(GLuint id) const { glDeleteProgram(id); }
};
struct ShaderDeleter {
    void operator()(GLuint id) const { glDeleteShader(id); }
};
struct TextureDeleter {
    void operator()(GLuint id) const { glDeleteTextures(1, &id); }
};
struct FramebufferDeleter {
    void operator()(GLuint id) const { glDeleteFramebuffers(1, &id); }
};
struct RenderbufferDeleter {
    void operator()(GLuint id) const { glDeleteRenderbuffers(1, &id); }
};

using Buffer = Handle<BufferDeleter>;
using VertexArray = Handle<VertexArrayDeleter>;
using Program = Handle<ProgramDeleter>;
using Shader = Handle<ShaderDeleter>;
using Texture = Handle<TextureDeleter>;
using Framebuffer = Handle<FramebufferDeleter>;
using Renderbuffer = Handle<RenderbufferDeleter>;

inline Buffer make_buffer() {
    GLuint id = 0;
    glGenBuffers(1, &id);
    return Buffer(id);
}
inline VertexArray make_vertex_array() {
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    return VertexArray(id);
}
inline Texture make_texture() {
    GLuint id = 0;
    glGenTextures(1, &id);
    return Texture(id);
}
inline Framebuffer make_framebuffer() {
    GLuint id = 0;
    glGenFramebuffers(1, &id);
    return Framebuffer(id);
}
inline Renderbuffer make_renderbuffer() {
    GLuint id = 0;
    glGenRenderbuffers(1, &id);
    return Renderbuffer(id);
}

}  // namespace app::gui::gl
