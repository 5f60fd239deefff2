#pragma once
// The look of the interface: DejaVu Sans (accents, œ, —, …) and a calm
// light theme. Call once after ImGui::CreateContext(), before the first
// frame. Main thread only.
#include <string>

namespace app::gui {

inline constexpr const char* kDefaultFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
inline constexpr float kFontSizePx = 15.0f;

// Loads the font with the Latin-1, Latin Extended-A and punctuation glyphs
// the French interface needs. Returns false (and keeps ImGui's built-in
// font, which lacks accents) when the file cannot be read.
bool load_fonts(const std::string& path = kDefaultFontPath, float size_px = kFontSizePx);

void apply_light_theme();

}  // namespace app::gui
