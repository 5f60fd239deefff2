#pragma once
// Renders ImGui's draw data with the side panels and the menu bar kept in an
// offscreen picture: when their draw lists are the same as last frame
// (hashed: vertices, indices, commands), the picture is copied back
// (glBlitFramebuffer) instead of rasterising thousands of glyphs again;
// software rasterisers (llvmpipe) pay per covered pixel. Everything else
// (the map overlay, tooltips, popups) is drawn every frame, over them.
// Panels are the windows whose name starts with one of `prefixes`; they must
// lie inside `rects` (window pixels, top-left origin) over a plain
// background of `clear` colour, which is what the picture is cleared to.
// Needs a current GL 3.3 context and the ImGui OpenGL3 backend; main thread.
// Failures: none reported; with no panel, a framebuffer scale other than 1 or an incomplete picture
//   framebuffer, everything is drawn directly and render() returns false. GL errors are not checked.
#include <cstdint>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/gui/render/gl.hpp"
#include "app/gui/render/offscreen.hpp"

namespace app::gui {

struct UiRect {
    float x = 0, y = 0, w = 0, h = 0;
};

class UiCache {
public:
    explicit UiCache(std::vector<std::string> prefixes) : m_prefixes(std::move(prefixes)) {}
    // Draws `data` into the bound framebuffer of `fb_w` × `fb_h` pixels.
    // Returns true when the panels came from the picture.
    bool render(ImDrawData* data, const std::vector<UiRect>& rects, ImVec4 clear, int fb_w, int fb_h);

private:
    [[nodiscard]] bool is_panel(const ImDrawList* list) const;

    std::vector<std::string> m_prefixes;
    TextureTarget m_target;
    int m_w = 0, m_h = 0;
    std::uint64_t m_hash = 0;
    bool m_valid = false;
};

// FNV-1a over the draw lists' buffers and commands (exposed for tests).
std::uint64_t hash_draw_lists(const std::vector<const ImDrawList*>& lists);

}  // namespace app::gui
