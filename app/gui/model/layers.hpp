#pragma once
// The layer stack of the map: which layers exist, in which order they are
// drawn (index 0 at the bottom), whether they show and how opaque they are.
// Pure model (no GL, no ImGui); the renderer and the layers panel read it.
// Not thread-safe: main thread only.
// Failures: none; an unknown id is ignored by the setters and reported as false, nullptr or -1 elsewhere;
//   opacities are clamped to [0, 1].
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace app::gui {

enum class LayerKind : std::uint8_t {
    basemap,      // a raster or OpenStreetMap basemap, one layer per file (basemaps.hpp)
    context,      // any vector file (countries, rivers…), one layer per file
    territories,  // administrative units, competitors, reference areas
    density,      // the audience-weighted density surface, as a colour ramp
    perimeters,   // destination perimeter(s), nested levels
    gaps,         // offer gaps (later)
    items,        // offer items, coloured by family
    places,       // place names (towns, villages), drawn with the labels over the map
};

struct Layer {
    LayerKind kind = LayerKind::items;
    std::string id;    // stable: "items", "perimeters", "context:1"…
    std::string path;  // context layers and basemaps: the file shown
    bool visible = true;
    float opacity = 1.0f;  // [0, 1]
};

// One layer as the undo history and projects remember it (not its data).
struct LayerLook {
    std::string id;
    bool visible = true;
    float opacity = 1.0f;
    [[nodiscard]] bool operator==(const LayerLook&) const = default;
};

class LayerStack {
public:
    // territories, density (hidden), perimeters, gaps (hidden), items, places — bottom to top.
    LayerStack();

    [[nodiscard]] const std::vector<Layer>& layers() const { return m_layers; }  // bottom → top
    [[nodiscard]] const Layer* find(std::string_view id) const;
    [[nodiscard]] const Layer* find(LayerKind kind) const;             // the first of that kind
    [[nodiscard]] std::ptrdiff_t index_of(std::string_view id) const;  // -1 when absent

    // Towards the top (drawn later) / the bottom. False when already there;
    // the places layer stays on top (its labels are drawn over everything).
    bool move_up(std::string_view id);
    bool move_down(std::string_view id);
    void set_visible(std::string_view id, bool visible);
    void set_opacity(std::string_view id, float opacity);  // clamped to [0, 1]

    // Adds a context layer at the bottom, above the basemaps; returns its id.
    std::string add_context(const std::string& path);
    // Adds a basemap layer above the basemaps already there, under every
    // other layer; returns its id ("basemap:1"…).
    std::string add_basemap(const std::string& path);
    // The layers' looks, bottom to top.
    [[nodiscard]] std::vector<LayerLook> looks() const;
    // Order, visibility and opacity from `looks` (bottom to top) for the
    // layers it names; a layer it does not name keeps its place among the
    // others, and the places layer stays on top.
    void arrange(const std::vector<LayerLook>& looks);

    // Removes a context layer (the built-in layers stay). False when absent.
    bool remove_context(std::string_view id);
    // Puts a context layer back as it was (id, file, look), right above the
    // basemaps (arrange() then gives it its place): undo of a removal
    // (MapModel::restore_layers). False when it is not a context layer or
    // its id is present.
    bool insert_context(const Layer& layer);

    [[nodiscard]] unsigned revision() const { return m_revision; }

private:
    Layer* find_mutable(std::string_view id);
    std::string add_bottom(LayerKind kind, std::string id, const std::string& path);

    std::vector<Layer> m_layers;
    unsigned m_next_context = 1;
    unsigned m_next_basemap = 1;
    unsigned m_revision = 0;
};

}  // namespace app::gui
