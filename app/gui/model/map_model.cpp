#include "app/gui/model/map_model.hpp"

#include <algorithm>
#include <utility>

namespace app::gui {

void MapModel::set_catalogue_path(std::string path) {
    m_catalogue_path = std::move(path);
}

void MapModel::set_items(std::vector<geo::OfferItem> items) {
    m_items = std::make_shared<const std::vector<geo::OfferItem>>(std::move(items));
    m_item_weights.clear();
    m_audience_id.clear();
    m_selected.reset();
    m_hovered.reset();
    m_item_filter.reset();
    count_families();
    ++m_items_revision;
    ++m_style_revision;
    ++m_filter_revision;
}

void MapModel::set_territories(std::vector<geo::Territory> territories) {
    m_territories = std::make_shared<const std::vector<geo::Territory>>(std::move(territories));
    m_commune_names = geo::CommuneNames(*m_territories, m_places);
    ++m_territories_revision;
}

void MapModel::set_places(std::vector<geo::Place> places) {
    m_places = std::move(places);
    m_commune_names = geo::CommuneNames(*m_territories, m_places);
    ++m_places_revision;
}

void MapModel::set_item_filter(std::optional<std::vector<std::uint32_t>> shown) {
    if (shown == m_item_filter) return;
    m_item_filter = std::move(shown);
    count_families();
    ++m_filter_revision;
}

void MapModel::count_families() {
    m_family_counts.fill(0);
    const auto& items = *m_items;
    if (m_item_filter) {
        for (const std::uint32_t i : *m_item_filter)
            if (i < items.size()) ++m_family_counts[static_cast<std::size_t>(items[i].family)];
    } else {
        for (const auto& item : items) ++m_family_counts[static_cast<std::size_t>(item.family)];
    }
}

void MapModel::set_perimeters(std::vector<PerimeterOverlay> levels) {
    std::sort(levels.begin(), levels.end(),
              [](const PerimeterOverlay& a, const PerimeterOverlay& b) { return a.level > b.level; });
    m_perimeters = std::move(levels);
    ++m_perimeters_revision;
}

void MapModel::set_density(DensitySurface density) {
    m_density = std::move(density);
    ++m_density_revision;
}

void MapModel::set_gaps(std::shared_ptr<const geo::GapResult> gaps) {
    m_gaps = std::move(gaps);
    m_gap_cell.reset();
    m_gap_zone.reset();
    ++m_gaps_revision;
}

void MapModel::select_gap(std::optional<std::size_t> cell, std::optional<std::size_t> zone) {
    if (cell == m_gap_cell && zone == m_gap_zone) return;
    m_gap_cell = cell;
    m_gap_zone = zone;
    ++m_gaps_revision;
}

void MapModel::set_context(const std::string& layer_id, ContextGeometry geometry) {
    m_context[layer_id] = std::move(geometry);
    ++m_context_revision;
}

void MapModel::set_basemap(const std::string& layer_id, Basemap basemap) {
    m_basemaps[layer_id] = std::move(basemap);
    ++m_basemaps_revision;
}

void MapModel::remove_context(const std::string& layer_id) {
    const Layer* layer = m_layers.find(layer_id);
    if (layer != nullptr && layer->kind != LayerKind::context) layer = nullptr;  // built-in layers stay
    const auto geometry = m_context.find(layer_id);
    if (layer == nullptr && geometry == m_context.end()) return;
    RemovedContext removed;
    if (layer) removed.layer = *layer;
    removed.layer.id = layer_id;
    removed.layer.kind = LayerKind::context;
    if (geometry != m_context.end()) {
        removed.geometry = std::move(geometry->second);
        m_context.erase(geometry);
    }
    m_layers.remove_context(layer_id);
    m_removed_context.push_back(std::move(removed));
    if (m_removed_context.size() > kMaxRemovedContext) m_removed_context.erase(m_removed_context.begin());
    ++m_context_revision;
}

void MapModel::restore_layers(const std::vector<LayerLook>& looks) {
    const auto named = [&](const std::string& id) {
        return std::any_of(looks.begin(), looks.end(), [&](const LayerLook& l) { return l.id == id; });
    };
    std::vector<std::string> gone;
    for (const Layer& l : m_layers.layers())
        if (l.kind == LayerKind::context && !named(l.id)) gone.push_back(l.id);
    for (const std::string& id : gone) remove_context(id);
    for (const LayerLook& look : looks) {
        if (!look.id.starts_with("context:") || m_layers.find(look.id) != nullptr) continue;
        const auto removed = std::find_if(m_removed_context.rbegin(), m_removed_context.rend(),
                                          [&](const RemovedContext& r) { return r.layer.id == look.id; });
        if (removed == m_removed_context.rend() || !m_layers.insert_context(removed->layer)) continue;
        m_context[look.id] = std::move(removed->geometry);
        m_removed_context.erase(std::next(removed).base());
        ++m_context_revision;
    }
    m_layers.arrange(looks);
}

void MapModel::set_audience(std::string audience_id, std::vector<float> item_weights) {
    m_audience_id = std::move(audience_id);
    m_item_weights = std::move(item_weights);
    if (!m_item_weights.empty()) m_item_weights.resize(m_items->size(), 0.0f);
    ++m_style_revision;
    ++m_weights_revision;
}

void MapModel::select(std::optional<std::size_t> item_index) {
    if (item_index && *item_index >= m_items->size()) item_index.reset();
    if (item_index == m_selected) return;
    m_selected = item_index;
    ++m_style_revision;
}

void MapModel::hover(std::optional<std::size_t> item_index) {
    if (item_index && *item_index >= m_items->size()) item_index.reset();
    if (item_index == m_hovered) return;
    m_hovered = item_index;
    ++m_style_revision;
}

geo::LonLatBox MapModel::data_extent() const {
    geo::LonLatBox box;
    for (const auto& item : *m_items) box.extend(item.position);
    for (const auto& t : *m_territories) box.extend(t.geometry.bounds());
    for (const auto& p : m_perimeters) box.extend(p.geometry.bounds());
    return box;
}

geo::LonLatBox MapModel::focus_extent() const {
    geo::LonLatBox box;
    for (const auto& item : *m_items) box.extend(item.position);
    for (const auto& p : m_perimeters) box.extend(p.geometry.bounds());
    return box.empty() ? data_extent() : box;
}

}  // namespace app::gui
