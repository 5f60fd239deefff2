#pragma once
// Draws a RadarChart (app/gui/model/radar.hpp) with ImGui's draw list: rings
// at 25 % steps, one spoke per family with its name, one polygon per
// territory (ours filled in the perimeter colour, competitors outlined in
// distinct colours) and a legend below. Main thread, inside an ImGui window;
// takes `width` pixels of width, the radius leaving room for the labels.
// Failures: none; a chart with fewer than three axes or no series draws nothing.
#include "app/gui/model/radar.hpp"
#include "app/gui/render/palette.hpp"

namespace app::gui {

// The colour of series `index` (0: ours).
Rgba8 radar_series_colour(std::size_t index);

void draw_radar(const RadarChart& chart, float width);

}  // namespace app::gui
