#include "app/gui/model/search_model.hpp"

#include <algorithm>

#include "geo/core/text_fold.hpp"

namespace app::gui {
namespace {

constexpr double kPlaceZoom = 12.0;
constexpr double kItemZoom = 14.0;
constexpr double kMaxAreaZoom = 13.5;  // a small commune still shows its neighbours

}  // namespace

void SearchModel::set_query(const std::string& query, const MapModel& model) {
    const bool data_changed = m_items_rev != model.items_revision() ||
                              m_territories_rev != model.territories_revision() ||
                              m_places_rev != model.places_revision();
    if (!data_changed && query == m_query) return;
    m_query = query;
    m_selected = 0;
    if (data_changed && !geo::fold_text(query).empty()) {
        m_index = geo::SearchIndex(model.territories(), model.places(), model.items());
        m_items_rev = model.items_revision();
        m_territories_rev = model.territories_revision();
        m_places_rev = model.places_revision();
    }
    m_hits = m_index.search(query, kMaxHits);
}

void SearchModel::move(int delta) {
    if (m_hits.empty()) return;
    const long last = static_cast<long>(m_hits.size()) - 1;
    m_selected = static_cast<std::size_t>(std::clamp(static_cast<long>(m_selected) + delta, 0L, last));
}

void SearchModel::select(std::size_t hit) {
    if (hit < m_hits.size()) m_selected = hit;
}

FlightTarget flight_target(const geo::SearchHit& hit, const Camera& camera) {
    const Mercator at = mercator_from_lonlat(hit.position);
    switch (hit.kind) {
        case geo::SearchKind::commune:
        case geo::SearchKind::territory: {
            if (hit.extent.empty()) break;
            Camera fitted = camera;
            fitted.fit(hit.extent, 40.0);
            return {at, std::min(fitted.zoom(), kMaxAreaZoom)};
        }
        case geo::SearchKind::place:
            return {at, std::max(camera.zoom(), kPlaceZoom)};
        case geo::SearchKind::item:
            return {at, std::max(camera.zoom(), kItemZoom)};
    }
    return {at, std::max(camera.zoom(), kPlaceZoom)};
}

bool SearchModel::activate(MapModel& model, UiState& ui) const {
    if (m_selected >= m_hits.size()) return false;
    const geo::SearchHit& hit = m_hits[m_selected];
    if (hit.kind == geo::SearchKind::item && hit.index < model.items().size()) model.select(hit.index);
    const FlightTarget target = flight_target(hit, model.camera());
    ui.flight.start(model.camera(), target.centre, target.zoom, ui.now_s);
    return true;
}

}  // namespace app::gui
