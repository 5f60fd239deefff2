#pragma once
// The catalogue panel: a searchable, sortable table of the offer items
// (name, family, labels, commune, producer) with family and label filters,
// which also narrow the items drawn on the map (MapModel::set_item_filter);
// clicking a row selects the item and flies the map to it. Handles
// hundreds of thousands of rows (list clipper; the filtered, sorted row list
// is rebuilt only when the items, the filters or the sort change).
// Main thread, inside an ImGui window.
// Failures: none (no I/O; an empty catalogue gives an empty table).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/model/map_model.hpp"
#include "app/gui/model/ui_state.hpp"
#include "app/gui/render/ui_cache.hpp"

namespace app::gui {

class CataloguePanel {
public:
    void draw(MapModel& model, UiState& ui);
    // Where the search field was drawn (window pixels), for the --state-file hook.
    [[nodiscard]] const UiRect& search_rect() const { return m_search_rect; }

private:
    void rebuild_rows(MapModel& model);  // also sets the map's item filter

    std::string m_search;
    int m_family = -1;    // -1: all
    std::string m_label;  // "": all
    int m_sort_column = 0;
    bool m_sort_ascending = true;
    std::vector<std::uint32_t> m_rows;
    std::vector<std::string> m_labels;  // label ids present, sorted
    std::optional<unsigned> m_items_rev;
    bool m_dirty = true;
    std::optional<std::size_t> m_scrolled_to;
    UiRect m_search_rect;
};

}  // namespace app::gui
