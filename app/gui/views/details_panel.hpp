#pragma once
// The details of the selected offer item: family, types, labels, themes,
// opening months, producer, commune, source, position, audience weight;
// a button flies the map to it. Main thread, inside an ImGui window.
// Failures: none. format_months() is pure (the mask and the current language) and safe from any thread.
#include "app/gui/model/map_model.hpp"
#include "app/gui/model/ui_state.hpp"

namespace app::gui {

void draw_details_panel(MapModel& model, UiState& ui);

// "janv.–mars, juil.–déc." style summary of an opening-months mask
// (empty mask: all year), in the current language.
std::string format_months(geo::MonthMask months);

}  // namespace app::gui
