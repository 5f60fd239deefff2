#pragma once
// What the map's search field holds: the query, its ranked hits
// (geo::SearchIndex over the communes, territories, places and items of
// the model), the hit the arrows point at, and the move to it. The index is
// rebuilt on a worker when the data changes (a national catalogue takes longer
// than a frame to index); queries run on the index of the data shown, and
// until it is ready they have no hits. No ImGui: the view
// (app/gui/views/search_box.*) draws it; tests drive it directly.
// Threads: main thread only (the index build runs on its own BackgroundJob
//   over immutable copies of the data).
// Failures: none reported: no hits while the index builds, and activate() is false without a hit; an
//   exception while indexing (std::bad_alloc) ends the process, as in any BackgroundJob.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/model/background_job.hpp"
#include "app/gui/model/map_model.hpp"
#include "app/gui/model/ui_state.hpp"
#include "geo/analysis/place_search.hpp"

namespace app::gui {

class SearchModel {
public:
    static constexpr std::size_t kMaxHits = 12;

    // Runs the query (an unchanged query over unchanged data costs nothing);
    // starts indexing changed data, and takes a finished index.
    void set_query(const std::string& query, const MapModel& model);
    // True while the model's current data is being indexed.
    [[nodiscard]] bool indexing() const { return m_build.running(); }
    // Waits for the index of the model's data and reruns the query (tests,
    // headless runs).
    void wait_for_index(const MapModel& model);
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
    struct DataRevisions {
        unsigned items = 0, territories = 0, places = 0;
        bool operator==(const DataRevisions&) const = default;
    };
    static DataRevisions revisions_of(const MapModel& model);
    void start_indexing(const MapModel& model);
    bool take_index();  // true when a finished index replaced the previous one

    std::optional<DataRevisions> m_indexed, m_building, m_hits_for;
    BackgroundJob<geo::SearchIndex> m_build;
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
