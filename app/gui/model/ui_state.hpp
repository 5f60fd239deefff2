#pragma once
// What the interface remembers between frames besides the map model:
// which panels show, a camera flight in progress, requests made by one view
// for the frame loop (snapshot, fit), and the status line. No ImGui types.
// Main thread only.
#include <optional>
#include <string>

#include "app/gui/model/camera_flight.hpp"
#include "geo/core/coords.hpp"

namespace app::gui {

// What the import dialog brings in.
enum class ImportKind { items, territories, context };

struct UiState {
    bool show_left = true;   // layers, legend, audience
    bool show_right = true;  // catalogue, details
    CameraFlight flight;
    bool fit_requested = false;                 // fit the camera to the data
    std::optional<geo::LonLatBox> fit_box;      // fit the camera to this box
    std::optional<std::string> snapshot_path;  // write the map as PNG
    std::optional<std::string> dropped_path;   // a file dropped on the window
    std::optional<ImportKind> open_import;     // open the import dialog in this mode
    bool open_export = false;
    std::string attribution;
    std::string status;
    bool status_is_error = false;
    double now_s = 0.0;  // time of the current frame

    void set_status(std::string message, bool is_error = false) {
        status = std::move(message);
        status_is_error = is_error;
    }
};

}  // namespace app::gui
