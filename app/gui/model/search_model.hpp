#pragma once
// What the map's search field holds: the query, its ranked hits
// (geo::SearchIndex over the communes, territories, places and items of
// the model), the hit the arrows point at, and the move to it. The index is
// rebuilt lazily, at the first query after the data changed. No ImGui:
// the view (app/gui/views/search_box.*) draws it; tests drive it directly.
// Main thread only.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/model/map_model.hpp"
#include "app/gui/model/ui_state.hpp"
#include "geo/analysis/place_search.hpp"

namespace app::gui {

class SearchModel {
public:
    static constexpr std::size_t kMaxHits = 12;

    // Runs the query (an unchanged query over unchanged data costs nothing).
    void set_query(const std::string& query, const MapModel& model);
    [[nodiscard]] const std::string& query() const { return m_query; }
    [[nodiscard]] const std::vector<geo::SearchHit>& hits() const { return m_hits; }
    // The hit the arrows point at; 0 after each new query.
    [[nodiscard]] std::size_t selected() const { return m_selected; }
    void move(int delta);  // down (+1) and up (−1), clamped to the hits
    void select(std::size_t hit);

    // Flies the camera to the selected hit (a commune or territory: its
    // extent around its town; a place: the town at zoom ≥ 12; an item: the
    // item, selected, at zoom ≥ 14). False when there is no hit.
    bool activate(MapModel& model, UiState& ui) const;

private:
    std::optional<unsigned> m_items_rev, m_territories_rev, m_places_rev;
    geo::SearchIndex m_index;
    std::string m_query;
    std::vector<geo::SearchHit> m_hits;
    std::size_t m_selected = 0;
};

// Where activate() flies for `hit`, seen from `camera` (its viewport).
struct FlightTarget {
    Mercator centre;
    double zoom = 0;
};
FlightTarget flight_target(const geo::SearchHit& hit, const Camera& camera);

}  // namespace app::gui
