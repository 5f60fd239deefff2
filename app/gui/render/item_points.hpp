#pragma once
// Offer items as point vertices for the current view (CPU side, no GL).
//
// ItemPointIndex keeps the items' Web Mercator positions (double) in a
// uniform grid over their extent, so that a view only visits the cells it
// overlaps. build() writes one vertex per visible item — or, above
// `aggregate_above` visible items, one disc per occupied cell of a
// screen-space grid (coloured by the dominant family, sized by the count),
// which bounds the points drawn whatever the catalogue size; large catalogues
// aggregate from a PointPyramid (world-anchored cells prepared once per item
// set), so a view costs a few thousand cells, not every item. Vertex
// positions are float Mercator metres relative to the camera centre.
// Also answers "which item is under the cursor" with the same grid.
// Not thread-safe; rebuilt by the owner when items change.
// Failures: none (CPU arithmetic); weights whose count is not the items' are ignored (drawn as without an
//   audience), and indices out of range (shown, hovered, selected) are skipped.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "app/gui/model/camera.hpp"
#include "app/gui/render/palette.hpp"
#include "app/gui/render/point_pyramid.hpp"
#include "geo/core/offer.hpp"

namespace app::gui {

// The disc size of an item: `base` without audience weights (max_weight ≤ 0);
// with them, 0.6 × base for a weight of 0, base × (0.75 + 0.9 √(w / max)) else.
float item_size_px(float base, float weight, float max_weight);

struct PointVertex {
    float x_m = 0.0f;  // relative to the batch origin
    float y_m = 0.0f;
    float size_px = 0.0f;
    float ring_px = 0.0f;
    Rgba8 fill;
    Rgba8 ring;
};
static_assert(sizeof(PointVertex) == 24);

struct PointStyle {
    std::optional<std::size_t> selected;
    std::optional<std::size_t> hovered;
    std::size_t aggregate_above = 50'000;  // visible items
    double aggregate_cell_px = 8.0;
};

struct PointBatch {
    Mercator origin;  // vertex positions are relative to it
    std::vector<PointVertex> vertices;
    std::size_t visible_items = 0;
    bool aggregated = false;
};

class ItemPointIndex {
public:
    ItemPointIndex() = default;
    // `weights`: one per item (audience weights) or empty for none.
    // `shown`: the sorted indices of the items to draw and pick (the
    // catalogue's filters), or null for all; the others are left out of
    // the grid and the aggregates.
    void rebuild(const std::vector<geo::OfferItem>& items, std::span<const float> weights,
                 const std::vector<std::uint32_t>* shown = nullptr);
    void set_weights(std::span<const float> weights);

    [[nodiscard]] std::size_t size() const { return m_x.size(); }
    [[nodiscard]] std::size_t shown() const { return m_order.size(); }

    // Vertices for what `camera` shows.
    void build(const Camera& camera, const PointStyle& style, PointBatch& out) const;

    // The item whose disc is nearest to `cursor`, within `radius_px`.
    [[nodiscard]] std::optional<std::size_t> pick(const Camera& camera, ScreenPx cursor, double radius_px) const;

    // Disc diameter of an unweighted item at a zoom level.
    [[nodiscard]] static float base_size_px(double zoom);

private:
    template <class Fn>
    void for_each_in(Mercator lo, Mercator hi, Fn&& fn) const;
    [[nodiscard]] float size_of(std::size_t i, float base) const;
    [[nodiscard]] bool is_shown(std::size_t i) const { return m_shown.empty() || m_shown[i] != 0; }
    void rebuild_pyramid();
    // Items inside [lo, hi]: whole grid cells counted at once, only the
    // border cells item by item.
    [[nodiscard]] std::size_t count_in(Mercator lo, Mercator hi) const;
    // Aggregated discs from the pyramid; false when no level fits.
    bool build_from_pyramid(const Camera& camera, Mercator lo, Mercator hi, double cell_px, PointBatch& out) const;

    std::vector<double> m_x, m_y;  // Mercator metres, by item index
    std::vector<geo::Family> m_family;
    std::vector<float> m_weight;        // empty when no audience
    std::vector<std::uint8_t> m_shown;  // by item index; empty: all shown
    float m_max_weight = 0.0f;
    // Grid: cell (cx, cy) holds m_order[m_cell_start[c] .. m_cell_start[c+1]).
    Mercator m_min, m_max;
    int m_cols = 0, m_rows = 0;
    double m_cell_w = 1.0, m_cell_h = 1.0;
    std::vector<std::uint32_t> m_cell_start;
    std::vector<std::uint32_t> m_order;
    PointPyramid m_pyramid;  // built above kPyramidItems items
};

}  // namespace app::gui
