#pragma once
// A slider whose name sits to its left, in a column of `label_share` of the
// row, so that the handle never covers it; a name too long for its column is
// cut with "…" and shown whole in a tooltip. `format` is the printf format
// ImGui prints inside the slider (a literal % written %%).
// Main thread only (ImGui); no failure modes.
#include <string>

namespace app::gui {

bool labelled_slider(const char* id, const std::string& label, float& value, float min, float max,
                     const std::string& format, float label_share = 0.5f);

// `text` cut to fit `width_px` in the current font, "…" at the end when cut.
std::string fit_text(const std::string& text, float width_px);

}  // namespace app::gui
