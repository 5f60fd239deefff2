#pragma once
// What `territoire render` shows, loaded without any GL: the catalogue's
// items and territories, the context layers, the audience perimeter (the
// same use case as the GUI's audience panel) and, when asked, the offer gaps
// inside it, the basemaps, with the attribution line owed to the sources. Shared by the
// GL picture (headless_render) and the print layout (app/print).
// Main thread; reads files (blocking).
// Failure: catalogue, audience, context-layer or gap errors, naming the file.
#include <optional>
#include <string>
#include <vector>

#include "app/gui/model/map_model.hpp"
#include "geo/analysis/audience.hpp"
#include "geo/core/coords.hpp"
#include "geo/core/error.hpp"
#include "geo/store/catalogue.hpp"

namespace app::gui {

struct SceneOptions {
    std::string catalogue;
    std::string audience;               // audience id or JSON file; empty: none
    std::vector<std::string> context;   // vector files drawn as context layers
    bool gaps = false;                  // offer gaps inside the perimeter (needs an audience)
    double level = 0.8;                 // the perimeter's share of the weighted offer, (0, 1)
    bool nested = false;                // and the 50 % and 95 % levels around it
    std::string places;                 // place-name file labelled on the map; empty: none
    std::vector<std::string> basemaps;  // raster, .osm.pbf or vector files drawn under everything
    std::string basemap_cache;          // where OSM basemap caches live; empty: geo::default_basemap_cache_dir()
};

struct RenderScene {
    MapModel model;
    std::string attribution;                // "© OpenStreetMap contributors, DATAtourisme…"
    std::vector<geo::SourceInfo> sources;   // the catalogue's
    std::optional<geo::Audience> audience;  // when one was given
};

geo::Result<RenderScene> load_render_scene(const SceneOptions& options);

// The camera of a render: the box given, else the data with a 40 px margin.
void frame_scene(MapModel& model, int width_px, int height_px, const std::optional<geo::LonLatBox>& bbox);

}  // namespace app::gui
