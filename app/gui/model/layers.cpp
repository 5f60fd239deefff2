#include "app/gui/model/layers.hpp"

#include <algorithm>
#include <utility>

namespace app::gui {

LayerStack::LayerStack() {
    m_layers = {
        {LayerKind::territories, "territories", "", true, 1.0f},
        {LayerKind::density, "density", "", false, 0.7f},
        {LayerKind::perimeters, "perimeters", "", true, 1.0f},
        {LayerKind::gaps, "gaps", "", false, 0.8f},
        {LayerKind::items, "items", "", true, 1.0f},
        {LayerKind::places, "places", "", true, 1.0f},
    };
}

const Layer* LayerStack::find(std::string_view id) const {
    for (const auto& layer : m_layers)
        if (layer.id == id) return &layer;
    return nullptr;
}

const Layer* LayerStack::find(LayerKind kind) const {
    for (const auto& layer : m_layers)
        if (layer.kind == kind) return &layer;
    return nullptr;
}

Layer* LayerStack::find_mutable(std::string_view id) {
    return const_cast<Layer*>(std::as_const(*this).find(id));
}

std::ptrdiff_t LayerStack::index_of(std::string_view id) const {
    for (size_t i = 0; i < m_layers.size(); ++i)
        if (m_layers[i].id == id) return static_cast<std::ptrdiff_t>(i);
    return -1;
}

bool LayerStack::move_up(std::string_view id) {
    const auto i = index_of(id);
    if (i < 0 || i + 1 >= static_cast<std::ptrdiff_t>(m_layers.size())) return false;
    // The place names stay on top: labels are drawn over the whole map.
    if (m_layers[static_cast<size_t>(i)].kind == LayerKind::places ||
        m_layers[static_cast<size_t>(i + 1)].kind == LayerKind::places)
        return false;
    std::swap(m_layers[static_cast<size_t>(i)], m_layers[static_cast<size_t>(i + 1)]);
    ++m_revision;
    return true;
}

bool LayerStack::move_down(std::string_view id) {
    const auto i = index_of(id);
    if (i <= 0 || m_layers[static_cast<size_t>(i)].kind == LayerKind::places) return false;
    std::swap(m_layers[static_cast<size_t>(i)], m_layers[static_cast<size_t>(i - 1)]);
    ++m_revision;
    return true;
}

void LayerStack::set_visible(std::string_view id, bool visible) {
    if (Layer* layer = find_mutable(id); layer && layer->visible != visible) {
        layer->visible = visible;
        ++m_revision;
    }
}

void LayerStack::set_opacity(std::string_view id, float opacity) {
    opacity = std::clamp(opacity, 0.0f, 1.0f);
    if (Layer* layer = find_mutable(id); layer && layer->opacity != opacity) {
        layer->opacity = opacity;
        ++m_revision;
    }
}

std::string LayerStack::add_bottom(LayerKind kind, std::string id, const std::string& path) {
    // Basemaps stay under everything, in the order they were added (the
    // first at the bottom); a new context layer goes right above them.
    auto at = m_layers.begin();
    while (at != m_layers.end() && at->kind == LayerKind::basemap) ++at;
    m_layers.insert(at, Layer{kind, id, path, true, 1.0f});
    ++m_revision;
    return id;
}

std::string LayerStack::add_context(const std::string& path) {
    return add_bottom(LayerKind::context, "context:" + std::to_string(m_next_context++), path);
}

std::string LayerStack::add_basemap(const std::string& path) {
    return add_bottom(LayerKind::basemap, "basemap:" + std::to_string(m_next_basemap++), path);
}

std::vector<LayerLook> LayerStack::looks() const {
    std::vector<LayerLook> out;
    out.reserve(m_layers.size());
    for (const Layer& l : m_layers) out.push_back({l.id, l.visible, l.opacity});
    return out;
}

void LayerStack::arrange(const std::vector<LayerLook>& looks) {
    const auto rank = [&](const Layer& l) -> std::ptrdiff_t {
        for (std::size_t i = 0; i < looks.size(); ++i)
            if (looks[i].id == l.id) return static_cast<std::ptrdiff_t>(i);
        return -1;
    };
    // The named layers take the slots the named layers held, in the new order.
    std::vector<std::size_t> slots;
    std::vector<Layer> named;
    for (std::size_t i = 0; i < m_layers.size(); ++i)
        if (rank(m_layers[i]) >= 0 && m_layers[i].kind != LayerKind::places) {
            slots.push_back(i);
            named.push_back(m_layers[i]);
        }
    std::stable_sort(named.begin(), named.end(), [&](const Layer& a, const Layer& b) { return rank(a) < rank(b); });
    std::vector<Layer> next = m_layers;
    for (std::size_t k = 0; k < slots.size(); ++k) next[slots[k]] = named[k];
    for (Layer& l : next)
        if (const auto r = rank(l); r >= 0) {
            l.visible = looks[static_cast<std::size_t>(r)].visible;
            l.opacity = std::clamp(looks[static_cast<std::size_t>(r)].opacity, 0.0f, 1.0f);
        }
    const bool same =
        std::equal(next.begin(), next.end(), m_layers.begin(), m_layers.end(), [](const Layer& a, const Layer& b) {
            return a.id == b.id && a.visible == b.visible && a.opacity == b.opacity;
        });
    if (same) return;
    m_layers = std::move(next);
    ++m_revision;
}

bool LayerStack::remove_context(std::string_view id) {
    const auto it = std::find_if(m_layers.begin(), m_layers.end(),
                                 [&](const Layer& l) { return l.id == id && l.kind == LayerKind::context; });
    if (it == m_layers.end()) return false;
    m_layers.erase(it);
    ++m_revision;
    return true;
}

bool LayerStack::insert_context(const Layer& layer) {
    if (layer.kind != LayerKind::context || find(layer.id) != nullptr) return false;
    add_bottom(LayerKind::context, layer.id, layer.path);
    set_visible(layer.id, layer.visible);
    set_opacity(layer.id, layer.opacity);
    return true;
}

}  // namespace app::gui
