#pragma once
// The interactive map application: a GLFW window with Dear ImGui panels
// around the GL map. run_gui() owns everything and returns the process exit
// code. Headless use (under xvfb-run): `frames` renders that many frames
// once the catalogue is loaded, writes `screenshot` and exits;
// `bench_frames` renders that many frames, each after a one-pixel pan, and
// prints the frame-time median and 95th percentile.
// Thread-safety: main thread only, one call at a time (GLFW windows and the process's ImGui context).
// Failures: returns 1 with the message on stderr when the window or the map renderer cannot be created, or
//   when a headless run times out loading, ends on an error or cannot write its screenshot; else 0.
#include <optional>
#include <string>
#include <vector>

#include "geo/core/coords.hpp"

namespace app::gui {

struct GuiOptions {
    std::string catalogue;               // empty: start with an empty map
    bool demo = false;                   // open the demo catalogue (imported into the cache if needed)
    std::string audience;                // audience id or JSON file; empty: none
    std::optional<geo::LonLatBox> bbox;  // initial view; default: fit the data
    int width_px = 1600;
    int height_px = 900;
    std::string screenshot;             // PNG of the whole window, written before exit
    int frames = 0;                     // > 0: headless run of that many frames
    int bench_frames = 0;               // > 0: frame-time benchmark
    bool gaps = false;                  // show the Gaps layer (needs an audience)
    std::string compare;                // Benchmark panel: our territory spec ("departement:37"); empty: none
    std::vector<std::string> against;   // and the competitors, run once loaded
    std::string open;                   // panel or dialog shown first: catalogue, benchmark, gaps, import, export
    std::vector<std::string> context;   // vector files shown as context layers (countries, rivers…)
    std::vector<std::string> basemaps;  // raster, .osm.pbf or vector basemaps under the map (basemap_loading.hpp)
    std::string places;                 // place-name file (towns); the demo's data/demo/places.geojson by default
    std::string state_file;             // test hook: the interface state as JSON, rewritten on change (state_file.hpp)
    std::string project;                // project file to open (geo/io/project_file.hpp): overrides the above
};

int run_gui(const GuiOptions& options);

}  // namespace app::gui
