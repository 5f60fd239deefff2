#pragma once
// A vertical splitter between a side panel and the map: an invisible strip
// kSplitterPx wide centred on x, in its own undecorated window above the map
// and the panels, with the east-west resize cursor on hover and a thin line
// while hovered or dragged. Double-click asks for the default width.
// Main thread, between ImGui::NewFrame and ImGui::Render.
#include "app/gui/render/ui_cache.hpp"

namespace app::gui {

inline constexpr float kSplitterPx = 8.0f;

struct SplitterDrag {
    float dx_px = 0.0f;  // horizontal mouse motion while dragged, this frame
    bool reset = false;  // double-clicked
    bool active = false;
};

// `rect` receives the strip (window pixels), for the --state-file hook.
SplitterDrag draw_splitter(const char* id, float x, float top, float height, UiRect& rect);

}  // namespace app::gui
