#pragma once
// The search field over the top of the map and its result list: type a
// commune, a place, a territory or an item; Ctrl+F focuses it, Up/Down move
// in the list, Enter (or a click) flies the map there, Escape closes the
// list. Reads and drives a SearchModel. Main thread, inside an ImGui frame,
// after the map canvas (so that it is drawn over it).
// Failures: none; no match (or an index still building) shows a "no match" line, and a canvas too narrow
//   for the field draws nothing.
#include <string>

#include <imgui.h>

#include "app/gui/model/map_model.hpp"
#include "app/gui/model/search_model.hpp"
#include "app/gui/model/ui_state.hpp"
#include "app/gui/render/ui_cache.hpp"

namespace app::gui {

class SearchBox {
public:
    void focus() { m_focus_request = true; }
    // Draws the field centred at the top of the map canvas (`canvas`: its
    // top-left corner, window pixels; `canvas_w`: its width), the list below.
    // buttons_x: the screen x where the on-map buttons start.
    void draw(ImVec2 canvas, float canvas_w, float buttons_x, MapModel& model, UiState& ui);

    [[nodiscard]] const SearchModel& search() const { return m_search; }
    [[nodiscard]] bool focused() const { return m_active; }
    [[nodiscard]] const UiRect& field_rect() const { return m_field; }  // window pixels

private:
    void draw_results(MapModel& model, UiState& ui);

    SearchModel m_search;
    std::string m_text;
    bool m_focus_request = false;
    bool m_active = false;        // the field has the keyboard
    bool m_list_hovered = false;  // the pointer is over the list (last frame)
    bool m_list_open = false;
    UiRect m_field;
};

}  // namespace app::gui
