#pragma once
// The density layer on the printed map: a raster layer, so a raster in the
// PDF too. The surface's grid values (normalised, row 0 south) go through
// the density ramp (palette.hpp's kDensityRamp, transparent below the
// surface's min_value) into an image; each quad of its mesh (grid nodes in
// the analysis CRS, reprojected) is mapped onto the page by the affine map of
// its corners, drawn without antialiasing into one frame-sized picture at
// up to 200 dpi (so quads meet without seams), then painted once.
// Main thread or a worker; errors stay in the cairo context's status.
#include <cairo.h>

#include "app/gui/model/map_model.hpp"
#include "geo/analysis/print_page.hpp"

namespace app::print {

void draw_density(cairo_t* cr, const geo::PrintMapView& view, double page_dpi, const gui::DensitySurface& surface,
                  double opacity);

}  // namespace app::print
