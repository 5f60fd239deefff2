#pragma once
// What the interface remembers between frames besides the map model:
// which panels show, a camera flight in progress, requests made by one view
// for the frame loop (snapshot, fit), and the status line. No ImGui types.
// Main thread only.
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/gui/model/camera_flight.hpp"
#include "app/gui/model/panel_layout.hpp"
#include "geo/core/coords.hpp"
#include "geo/io/text_output.hpp"

namespace app::gui {

// Metropolitan France: the view of a catalogue with nothing to fit yet.
inline const geo::LonLatBox kFranceBox{-5.2, 41.3, 9.6, 51.1};

// What the import dialog brings in.
enum class ImportKind { items, territories, context };

struct UiState {
    bool show_left = true;                // layers, legend, audience
    bool show_right = true;               // catalogue, details
    float left_panel_px = 0.0f;           // preferred widths (splitters, the project); 0: automatic
    float right_panel_px = 0.0f;          // shown narrower on a small window (panel_layout.hpp)
    std::string right_tab = "catalogue";  // the right panel's tab shown: catalogue, benchmark, gaps
    CameraFlight flight;
    bool fit_requested = false;                // fit the camera to the data
    std::optional<geo::LonLatBox> fit_box;     // fit the camera to this box
    std::optional<std::string> snapshot_path;  // write the map as PNG
    std::optional<std::string> dropped_path;   // a file dropped on the window
    std::optional<ImportKind> open_import;     // open the import dialog in this mode
    bool open_export = false;
    std::optional<geo::CsvDialect> csv_dialect;  // chosen where a CSV is exported; default: the language's
    bool show_gaps_panel = false;                // bring the Gaps tab forward (a gap cell was clicked)
    std::string attribution;
    std::string status;
    bool status_is_error = false;
    double now_s = 0.0;  // time of the current frame
    // The search field over the map (window pixels x, y, w, h; zero before
    // the first frame), which map labels leave free.
    std::array<float, 4> search_box_px{};
    // The visibility checkbox of each layer in the layers panel (window
    // pixels x, y, w, h), as last drawn; for the --state-file test hook.
    std::vector<std::pair<std::string, std::array<float, 4>>> layer_checkboxes_px;

    void set_status(std::string message, bool is_error = false) {
        status = std::move(message);
        status_is_error = is_error;
    }
};

}  // namespace app::gui
