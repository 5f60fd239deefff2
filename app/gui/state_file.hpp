#pragma once
// A test hook: `territoire gui --state-file PATH` writes what the interface
// shows as one JSON object to PATH whenever it changes, so that a test
// driving the window with real X input (tests/app/gui_input_test.cpp) can
// check the effect of a click or a key without reading pixels.
//
//   {"frame": 42,                        frames drawn so far
//    "items": 1399, "busy": false,       offer items on the map; background work running
//    "camera": {"lon_deg": 0.7, "lat_deg": 47.4, "zoom": 9.1},
//    "popups": ["##Menu_00"],            open menus, combos and dialogs, bottom to top
//    "canvas": [x, y, w, h],             the map, window pixels, top-left origin
//    "controls": {"fit": [x, y, w, h], …} the on-map buttons, idem
//    "status": "…",
//    "labels": [{"text": "Tours", "place": true, "box": [x, y, w, h]}, …]
//                                        the map labels drawn, window pixels
//    "items_shown": 35,                  items the map draws (the catalogue's filters)
//    "catalogue_search": [x, y, w, h],   the catalogue panel's search field
//    "search": {"query": "chinon", "focused": true, "field": [x, y, w, h],
//               "hits": [{"kind": "commune", "name": "Chinon", "code": "37072"}, …],
//               "selected": 0},          the search field over the map
//    "project": {"path": "…", "catalogue": "…", "demo": false, "title": "…",
//                "empty_state": false, "undo": 2, "redo": 0, "language": "fr",
//                "panels": ["left", "right", "catalogue"]},
//    "audience": {"id": "patrimoine", "weights": {"heritage": 1, …}, "modified": true,
//                 "level": 0.8, "perimeter_km2": 2140.5, "computing": false,
//                 "sliders": {"heritage": [x, y, w, h], …}, "reset": [x, y, w, h]}}
//                                        null without an audience
//
// The file is replaced atomically (written beside it, then renamed): a
// reader never sees half of it. "frame" alone changing does not rewrite it.
// Main thread only; write failures are ignored (a test then times out).
#include <string>

#include <nlohmann/json.hpp>

namespace app::gui {

class StateFile {
public:
    explicit StateFile(std::string path) : m_path(std::move(path)) {}
    // Writes `state` plus "frame" when `state` differs from the last written.
    void update(const nlohmann::json& state, long frame);

private:
    std::string m_path;
    std::string m_last;  // the last state written, without "frame"
};

}  // namespace app::gui
