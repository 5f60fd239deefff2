#pragma once
// A slider whose name sits to its left, in a column of `label_share` of the
// row, so that the handle never covers it; a name too long for its column is
// cut with "…" and shown whole in a tooltip. `format` is the printf format
// of the value (a literal % written %%), or the value already written; the
// value is shown right of the slider, where the handle never covers it.
// Main thread only (ImGui); no failure modes.
#include <string>

namespace app::gui {

bool labelled_slider(const char* id, const std::string& label, float& value, float min, float max,
                     const std::string& format, float label_share = 0.5f);

// The value as labelled_slider shows it: `format` applied to `value`, or
// `format` itself when it holds no %.
std::string slider_value_text(const std::string& format, float value);

// `text` cut to fit `width_px` in the current font, "…" at the end when cut.
std::string fit_text(const std::string& text, float width_px);

}  // namespace app::gui
