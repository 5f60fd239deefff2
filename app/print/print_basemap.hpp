#pragma once
// Basemaps on the printed map. An OSM vector basemap stays vector in the PDF
// (areas filled class by class, road casings then roads, with the styles of
// the screen, basemap_style.hpp; the zoom band matching the page's scale).
// A raster basemap is read again from its file for the frame at up to 200
// dpi (its own GDAL dataset, closed after) and painted as one image.
// Main thread. Failure: a raster that cannot be read is left out and its
// message returned ("" when all went well).
#include <string>

#include <cairo.h>

#include "app/gui/model/basemaps.hpp"
#include "geo/analysis/print_page.hpp"

namespace app::print {

std::string draw_basemap(cairo_t* cr, const geo::PrintMapView& view, double page_dpi, const gui::Basemap& basemap,
                         double opacity);

}  // namespace app::print
