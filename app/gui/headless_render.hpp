#pragma once
// `territoire render`: the same map as the GUI (GL layers plus labels, scale
// bar, attribution and a legend), drawn without interaction into an
// offscreen framebuffer and written as PNG. Uses an EGL surfaceless context
// when available (no display needed), else a hidden GLFW window.
// Failure: catalogue, GL or file errors, with the file named.
//   Meshes that cannot be built are reported on stderr, and the picture is still written.
// Thread-safety: main thread only, one call at a time (it makes the process's ImGui context; GLFW as fallback).
#include <optional>
#include <string>
#include <vector>

#include "geo/core/coords.hpp"
#include "geo/core/error.hpp"

namespace app::gui {

struct RenderOptions {
    std::string catalogue;
    std::string audience;                // audience id or JSON file; empty: none
    std::optional<geo::LonLatBox> bbox;  // default: fit the data
    std::vector<std::string> context;    // vector files drawn as context layers
    std::string places;                  // place-name file labelled on the map; empty: none
    std::vector<std::string> basemaps;   // raster, .osm.pbf or vector basemaps, bottom first
    bool gaps = false;                   // offer gaps inside the audience perimeter
    double level = 0.8;                  // the perimeter level
    bool nested = false;                 // and the 50 % and 95 % levels around it
    int width_px = 1600;
    int height_px = 900;
    std::string output;  // PNG path
};

geo::Result<void> render_map_png(const RenderOptions& options);

}  // namespace app::gui
