#pragma once
// The layers panel (visibility, opacity, order; context layers added and
// removed) and the legend under it (family colours with counts, perimeter
// levels, territory outlines present). Reads and edits the MapModel's layer
// stack. Main thread, inside an ImGui window.
// Failures: none (no I/O: adding a context layer only opens the import dialog; unknown ids are ignored).
#include <nlohmann/json.hpp>

#include "app/gui/model/map_model.hpp"
#include "app/gui/model/ui_state.hpp"

namespace app::gui {

void draw_layers_panel(MapModel& model, UiState& ui);
void draw_legend(const MapModel& model);

// The name shown for a layer: its kind, or the file name of a context layer.
std::string layer_title(const Layer& layer);
// The layer stack for the --state-file test hook: id, visible, opacity and,
// once drawn, the window rectangle of its checkbox ([x, y, w, h]).
nlohmann::json layers_state(const MapModel& model, const UiState& ui);

}  // namespace app::gui
