#pragma once
// Basemaps given by path (`territoire gui --basemap`, `territoire render
// --basemap`), whatever the file:
//   *.osm.pbf, *.osm, *.osm.bz2  → an OSM vector basemap (from its cache in
//                                  `cache_dir`, built there the first time);
//                                  its named places join the place names;
//   a raster GDAL reads          → a raster basemap (tiles decoded later by
//                                  the renderer's worker);
//   any other GDAL vector file   → a context layer (context_loading.hpp).
// Adds the layer to the model and returns the credit owed
// ("© OpenStreetMap contributors", the raster's own attribution or its file
// name, "Natural Earth"…). Main thread; reads the file (blocking).
// Failure: the reader's message, naming the file; the model is unchanged.
#include <string>

#include "app/gui/model/map_model.hpp"
#include "geo/core/error.hpp"

namespace app::gui {

inline constexpr const char* kOsmCredit = "© OpenStreetMap contributors";

geo::Result<std::string> load_basemap(MapModel& model, const std::string& path, const std::string& cache_dir);

}  // namespace app::gui
