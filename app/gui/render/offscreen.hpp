#pragma once
// An offscreen render target (framebuffer object with an RGBA8 colour
// buffer) and reading pixels back to a PNG file.
// Needs a current GL 3.3 context. Image rows are top-down, 4 bytes a pixel.
// Failure: an incomplete framebuffer, or a PNG that cannot be written (the
// message names the file).
// Thread-safety: GL calls on the thread whose context is current (the main thread); write_png() makes no
//   GL call and is safe from any thread.
#include <cstdint>
#include <string>
#include <vector>

#include "app/gui/render/gl.hpp"
#include "geo/core/error.hpp"

namespace app::gui {

struct Image {
    int width_px = 0;
    int height_px = 0;
    std::vector<std::uint8_t> rgba;  // top row first

    [[nodiscard]] const std::uint8_t* at(int x, int y) const {
        return rgba.data() +
               (static_cast<std::size_t>(y) * static_cast<std::size_t>(width_px) + static_cast<std::size_t>(x)) * 4;
    }
};

class Offscreen {
public:
    static geo::Result<Offscreen> create(int width_px, int height_px);
    void bind() const;  // as the draw and read framebuffer
    [[nodiscard]] int width_px() const { return m_width_px; }
    [[nodiscard]] int height_px() const { return m_height_px; }

private:
    gl::Framebuffer m_fbo;
    gl::Renderbuffer m_colour;
    int m_width_px = 0;
    int m_height_px = 0;
};

// A framebuffer whose colour buffer is an RGBA8 texture (nearest filtering),
// for pictures kept between frames (LayerCache, UiCache). Leaves the
// framebuffer binding as it was. Empty (false) when incomplete.
struct TextureTarget {
    gl::Framebuffer fbo;
    gl::Texture colour;
    [[nodiscard]] explicit operator bool() const { return static_cast<bool>(fbo); }
};
TextureTarget make_texture_target(int width_px, int height_px);

// Reads the bound read framebuffer's rectangle (GL lower-left origin) into
// a top-down image, alpha forced opaque.
Image read_pixels(int x_px, int y_px, int width_px, int height_px);

// Writes the image as PNG under a temporary name, synced and renamed into
// place (geo/io/buffered_output.hpp): on failure (full disk, file size limit)
// the message names the file and the reason, and `path` is left as it was.
geo::Result<void> write_png(const std::string& path, const Image& image);

}  // namespace app::gui
