#include "app/gui/render/offscreen.hpp"

#include <cstring>

#include <fmt/format.h>
#include <stb_image_write.h>

#include "geo/io/buffered_output.hpp"

namespace app::gui {

geo::Result<Offscreen> Offscreen::create(int width_px, int height_px) {
    GLint max_size = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
    if (width_px <= 0 || height_px <= 0 || width_px > max_size || height_px > max_size)
        return geo::fail_fmt("image size {}x{} outside 1..{} pixels", width_px, height_px, max_size);
    Offscreen target;
    target.m_width_px = width_px;
    target.m_height_px = height_px;
    target.m_fbo = gl::make_framebuffer();
    target.m_colour = gl::make_renderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, target.m_colour.get());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width_px, height_px);
    glBindFramebuffer(GL_FRAMEBUFFER, target.m_fbo.get());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, target.m_colour.get());
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    if (status != GL_FRAMEBUFFER_COMPLETE)
        return geo::fail_fmt("offscreen framebuffer incomplete (status 0x{:x})", status);
    return target;
}

void Offscreen::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo.get());
    const GLenum attachment = GL_COLOR_ATTACHMENT0;
    glDrawBuffers(1, &attachment);
    glReadBuffer(GL_COLOR_ATTACHMENT0);
}

TextureTarget make_texture_target(int width_px, int height_px) {
    GLint previous = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
    TextureTarget t{gl::make_framebuffer(), gl::make_texture()};
    glBindTexture(GL_TEXTURE_2D, t.colour.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width_px, height_px, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, t.fbo.get());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, t.colour.get(), 0);
    const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    return complete ? std::move(t) : TextureTarget{};
}

Image read_pixels(int x_px, int y_px, int width_px, int height_px) {
    Image image{width_px, height_px, {}};
    const std::size_t row = static_cast<std::size_t>(width_px) * 4;
    std::vector<std::uint8_t> bottom_up(row * static_cast<std::size_t>(height_px));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(x_px, y_px, width_px, height_px, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
    image.rgba.resize(bottom_up.size());
    for (int y = 0; y < height_px; ++y)
        std::memcpy(image.rgba.data() + static_cast<std::size_t>(y) * row,
                    bottom_up.data() + static_cast<std::size_t>(height_px - 1 - y) * row, row);
    for (std::size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;
    return image;
}

geo::Result<void> write_png(const std::string& path, const Image& image) {
    if (image.width_px <= 0 || image.height_px <= 0) return geo::fail_fmt("{}: empty image, nothing to write", path);
    // Encoded in memory, then written like every export (BufferedOutput:
    // checked writes, fsync, rename), so that a full disk fails with a
    // message and leaves a previous picture as it was.
    auto file = geo::BufferedOutput::create(path);
    if (!file) return tl::unexpected(file.error());
    const auto append = [](void* context, void* data, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
    };
    if (stbi_write_png_to_func(append, &file->buffer(), image.width_px, image.height_px, 4, image.rgba.data(),
                               image.width_px * 4) == 0)
        return geo::fail_fmt("{}: cannot encode the PNG", path);
    return file->commit();
}

}  // namespace app::gui
