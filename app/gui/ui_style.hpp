#pragma once
// The look of the interface: DejaVu Sans (accents, œ, —, …) and a calm
// light theme. Call once after ImGui::CreateContext(), before the first
// frame. Main thread only.
#include <string>

#include <imgui.h>

#include "app/gui/render/palette.hpp"

namespace app::gui {

inline constexpr const char* kDefaultFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
inline constexpr float kFontSizePx = 15.0f;

// Loads the font with the Latin-1, Latin Extended-A and punctuation glyphs
// the French interface needs. Returns false (and keeps ImGui's built-in
// font, which lacks accents) when the file cannot be read.
bool load_fonts(const std::string& path = kDefaultFontPath, float size_px = kFontSizePx);
// The bold face loaded beside it (DejaVuSans-Bold.ttf, one pixel larger),
// for the map's main place names; the current font when it was not found.
ImFont* bold_font();

void apply_light_theme();

// An Rgba8 as ImGui's float colour.
inline ImVec4 im_colour(Rgba8 c) {
    return {c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, c.a / 255.0f};
}
// A family's colour darkened enough for text on the light panels (the
// yellow of events stays readable).
inline ImVec4 family_text_colour(geo::Family f) {
    return im_colour(darker(family_colour(f), 0.62f));
}

}  // namespace app::gui
