#pragma once
// Territory names on the printed map: the levels the screen map labels at
// the print's scale (gui::label_shown_at at the equivalent zoom), larger
// units first, none over another nor over the legend, inside the frame; a
// white halo keeps them readable over any fill. Text stays text in a PDF.
// Main thread; errors stay in the cairo context's status.
#include <cairo.h>

#include "app/gui/model/map_model.hpp"
#include "geo/analysis/print_layout.hpp"

namespace app::print {

void draw_territory_labels(cairo_t* cr, const geo::PrintLayout& layout, const gui::MapModel& model);

}  // namespace app::print
