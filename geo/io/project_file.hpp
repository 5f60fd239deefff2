#pragma once
// Project files: what an office prepared, to reopen the day after. One JSON
// object, versioned by its first field:
//
//   {"territoire_project": 1,
//    "catalogue": "cat.sqlite",            relative to the project's folder, or absolute
//    "demo": false,                        true: the demo catalogue (read-only)
//    "audience": {"id": "patrimoine",      resolved as --audience (preset, catalogue)
//                 "family_weights": {"heritage": 1, "gastronomy": 0.3, …},
//                 "subtype_weights": {"castle": 1, …},
//                 "level": 0.8, "nested": false, "bandwidth": "plugin" | "7300"},
//    "layers": [{"id": "basemap:1", "path": "tours.mbtiles", "visible": true, "opacity": 1}, …],
//                                          bottom to top (context:N and basemap:N carry a path)
//    "view": {"lon_deg": 0.69, "lat_deg": 47.39, "zoom": 9.5},
//    "language": "fr",
//    "panels": ["left", "right", "catalogue"],
//    "panel_widths": {"left_px": 340, "right_px": 480}}   widths set with the splitters;
//                                          a side absent: its automatic width
//
// Reading validates once, at the boundary: a file that is not a project, a
// newer version than this build reads, a wrong type or a value out of range
// fails naming the file and the field; fields this version does not know are
// ignored with a warning (a newer minor addition stays readable). Writing
// goes through AtomicFile: a failed save leaves the previous file as it was.
// Paths in a Project are absolute once read; project_to_json writes them
// relative to the project's folder when they lie under it.
// Threads: pure values and functions, any thread (read/write touch only the
// file named). Failures: Result with "PATH: problem" messages.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/analysis/bandwidth.hpp"
#include "geo/core/error.hpp"

namespace geo {

inline constexpr int kProjectVersion = 1;

struct ProjectAudience {
    std::string id;                                 // preset id, name or catalogue audience
    std::map<std::string, double> family_weights;   // family id → [0, 1]; absent: the preset's
    std::map<std::string, double> subtype_weights;  // subtype id → [0, 1]
    double level = 0.8;                             // main perimeter level, (0, 1)
    bool nested = false;                            // also 50 % and 95 %
    BandwidthChoice bandwidth;                      // plugin, scott, adaptive or fixed metres
    [[nodiscard]] bool operator==(const ProjectAudience&) const = default;
};

struct ProjectLayer {
    std::string id;    // "items", "perimeters", …, "context:1", "basemap:1"
    std::string path;  // context and basemap layers: the file shown (absolute)
    bool visible = true;
    double opacity = 1.0;  // [0, 1]
    [[nodiscard]] bool operator==(const ProjectLayer&) const = default;
};

struct ProjectView {
    double lon_deg = 0.0;
    double lat_deg = 0.0;
    double zoom = 0.0;
    [[nodiscard]] bool operator==(const ProjectView&) const = default;
};

// Preferred widths of the side panels, in window pixels (a window too small
// shows them narrower), each in [kMinProjectPanelPx, kMaxProjectPanelPx], or
// 0: automatic (not written).
inline constexpr double kMinProjectPanelPx = 100.0;
inline constexpr double kMaxProjectPanelPx = 4000.0;
struct ProjectPanelWidths {
    double left_px = 0.0;
    double right_px = 0.0;
    [[nodiscard]] bool operator==(const ProjectPanelWidths&) const = default;
};

struct Project {
    std::string catalogue;  // absolute; empty with demo
    bool demo = false;
    std::optional<ProjectAudience> audience;
    std::vector<ProjectLayer> layers;  // bottom to top; empty: the default stack
    std::optional<ProjectView> view;
    std::string language;             // "fr", "en"; empty: from the environment
    std::vector<std::string> panels;  // "left", "right", "catalogue" | "benchmark" | "segments" | "actors" | "gaps"
    std::optional<ProjectPanelWidths> panel_widths;  // absent: the defaults
    std::vector<Error> warnings;                     // from reading: fields ignored
    [[nodiscard]] bool operator==(const Project& o) const {
        return catalogue == o.catalogue && demo == o.demo && audience == o.audience && layers == o.layers &&
               view == o.view && language == o.language && panels == o.panels && panel_widths == o.panel_widths;
    }
};

// The layer ids a project may name besides context:N and basemap:N.
bool is_builtin_layer_id(std::string_view id);

// Parses a project's text; `path` names it in messages and anchors relative paths.
Result<Project> parse_project(std::string_view text, const std::string& path);
Result<Project> read_project(const std::string& path);
// The file's text (2-space indented JSON, a newline at the end).
std::string project_to_json(const Project& project, const std::string& path);
// Writes the project to `path` (replaced atomically).
Result<void> write_project(const std::string& path, const Project& project);

}  // namespace geo
