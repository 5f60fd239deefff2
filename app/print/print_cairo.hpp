#pragma once
// Draws a laid-out print page (geo::PrintLayout) and the render scene's map
// layers onto a cairo context whose user space is page millimetres (origin
// top-left, y down). Areas and lines are paths, items circles, text real
// text (DejaVu Sans), so a PDF surface keeps them vector and searchable.
// Colours and line styles are the screen map's (palette.hpp, map_style.hpp).
// Main thread; `cr` must be in a good state. Does not fail: cairo records
// errors in the context's status, which the caller checks.
#include <string_view>

#include <cairo.h>

#include "app/gui/render_scene.hpp"
#include "geo/analysis/print_layout.hpp"

namespace app::print {

// The screen map's pixel, 1/96 inch: its line widths and disc sizes print
// at that size.
inline constexpr double kMmPerScreenPx = 25.4 / 96.0;
// The screen zoom whose pixels are this view's 96-dpi pixels (the scale at
// which the screen map would show the same), for its size and label rules.
double equivalent_zoom(const geo::PrintMapView& view);

// Width in mm of `text` at `size_mm` with the page's font.
double text_width_mm(cairo_t* cr, std::string_view text, double size_mm, bool bold = false);

void draw_print_page(cairo_t* cr, const geo::PrintLayout& layout, const gui::RenderScene& scene);

}  // namespace app::print
