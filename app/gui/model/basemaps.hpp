#pragma once
// The basemaps of the map (drawn under everything else, one layer each):
// a raster file (MBTiles, GeoTIFF, GeoPackage tiles), whose tiles the
// renderer decodes on its own worker, or an OpenStreetMap extract turned
// into a banded vector basemap (geo/io/osm_basemap.hpp).
// Plain values; the vector geometry is shared immutable with mesh workers.
// Main thread only, like MapModel.
// Failures: none (plain values; loading a basemap and its errors are basemap_loading.hpp's).
#include <memory>
#include <optional>
#include <string>

#include "geo/io/osm_basemap.hpp"
#include "geo/io/raster_basemap.hpp"

namespace app::gui {

// What the main thread knows of a raster basemap (read once at load).
struct RasterBasemapInfo {
    std::string path;
    geo::MercatorBox extent;  // EPSG:3857
    int native_zoom = 0;      // tile zoom of its full resolution
};

struct Basemap {
    std::string path;
    std::string credit;                          // for the attribution line and the legend
    std::optional<RasterBasemapInfo> raster;     // a raster basemap, or
    std::shared_ptr<const geo::OsmBasemap> osm;  // an OSM vector basemap
};

}  // namespace app::gui
