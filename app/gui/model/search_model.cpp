#include "app/gui/model/search_model.hpp"

#include <algorithm>

namespace app::gui {
namespace {

constexpr double kPlaceZoom = 12.0;
constexpr double kItemZoom = 14.0;
constexpr double kMaxAreaZoom = 13.5;  // a small commune still shows its neighbours

}  // namespace

SearchModel::DataRevisions SearchModel::revisions_of(const MapModel& model) {
    return {model.items_revision(), model.territories_revision(), model.places_revision()};
}

void SearchModel::start_indexing(const MapModel& model) {
    m_building = revisions_of(model);
    m_build.start([territories = model.shared_territories(), places = model.places(), items = model.shared_items()](
                      const geo::Progress&) { return geo::SearchIndex(*territories, places, *items); });
}

bool SearchModel::take_index() {
    auto built = m_build.take();
    if (!built) return false;
    m_index = std::move(*built);
    m_indexed = m_building;
    return true;
}

void SearchModel::set_query(const std::string& query, const MapModel& model) {
    const DataRevisions now = revisions_of(model);
    if (m_building != now) start_indexing(model);  // cancels the build of older data
    const bool fresh_index = take_index();
    if (!fresh_index && query == m_query && m_hits_for == now) return;
    if (query != m_query) m_selected = 0;
    m_query = query;
    m_hits_for = now;
    m_hits = m_indexed == now ? m_index.search(query, kMaxHits) : std::vector<geo::SearchHit>{};
    if (m_selected >= m_hits.size()) m_selected = 0;
}

void SearchModel::wait_for_index(const MapModel& model) {
    if (m_building != revisions_of(model)) start_indexing(model);
    m_build.wait();
    m_hits_for.reset();  // forces the rerun
    set_query(m_query, model);
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
