#pragma once
// The meshes of an OSM vector basemap: one PolygonMesh per zoom band, areas
// filled class by class (built-up, forest, park, water), then the lines
// (casings first, then rivers, railways and roads from the minor streets up
// to the motorways), styled by basemap_style.hpp.
// Pure function of its input, meant for a mesh worker (its own GEOS context).
// No GL. Failures: polygons that cannot be filled are listed in `errors`.
// Thread-safety: safe from any thread, calls may run concurrently (each makes its own MeshBuilder, so its
//   own GEOS context; the basemap is only read).
#include <vector>

#include "app/gui/render/map_meshes.hpp"
#include "geo/io/osm_basemap.hpp"

namespace app::gui {

struct BasemapMeshes {
    struct Band {
        double min_zoom = 0.0, max_zoom = 99.0;
        PolygonMesh mesh;
    };
    std::vector<Band> bands;
    std::vector<std::string> errors;
};

BasemapMeshes build_basemap_meshes(const geo::OsmBasemap& basemap);

}  // namespace app::gui
