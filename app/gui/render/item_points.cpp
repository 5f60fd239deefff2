#include "app/gui/render/item_points.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace app::gui {
namespace {

constexpr double kMaxDiscPx = 24.0;            // margin so discs at the edge are not cut
constexpr std::size_t kPyramidItems = 20'000;  // below, aggregating item by item is cheap

PointVertex vertex(double x, double y, Mercator origin, float size_px, float ring_px, Rgba8 fill, Rgba8 ring) {
    return {static_cast<float>(x - origin.x_m), static_cast<float>(y - origin.y_m), size_px, ring_px, fill, ring};
}

// An aggregated disc: the dominant family's colour, sized by the count.
PointVertex cell_vertex(double x, double y, Mercator origin, std::uint32_t count,
                        const std::array<float, geo::kFamilyCount>& mass, double cell_px) {
    const auto best = std::max_element(mass.begin(), mass.end());
    const bool faded = *best <= 0.0f;
    Rgba8 fill = family_colour(static_cast<geo::Family>(best - mass.begin()));
    fill = with_alpha(fill, faded ? 80 : 225);
    const float size = static_cast<float>(std::clamp(3.0 + 1.6 * std::log2(1.0 + count), 3.0, cell_px * 1.4));
    return vertex(x, y, origin, size, 1.0f, fill, with_alpha(darker(fill, 0.6f), fill.a));
}

}  // namespace

float ItemPointIndex::base_size_px(double zoom) {
    return static_cast<float>(std::clamp(0.9 * zoom - 2.5, 3.0, 11.0));  // 3 px France-wide, 9 px in a town
}

void ItemPointIndex::rebuild(const std::vector<geo::OfferItem>& items, std::span<const float> weights,
                             const std::vector<std::uint32_t>* shown) {
    const std::size_t n = items.size();
    m_shown.clear();
    if (shown != nullptr) {
        m_shown.assign(n, 0);
        for (const std::uint32_t i : *shown)
            if (i < n) m_shown[i] = 1;
    }
    m_x.resize(n);
    m_y.resize(n);
    m_family.resize(n);
    m_min = {std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
    m_max = {-m_min.x_m, -m_min.y_m};
    for (std::size_t i = 0; i < n; ++i) {
        const Mercator m = mercator_from_lonlat(items[i].position);
        m_x[i] = m.x_m;
        m_y[i] = m.y_m;
        m_family[i] = items[i].family;
        m_min = {std::min(m_min.x_m, m.x_m), std::min(m_min.y_m, m.y_m)};
        m_max = {std::max(m_max.x_m, m.x_m), std::max(m_max.y_m, m.y_m)};
    }
    set_weights(weights);

    m_cols = m_rows = 0;
    m_cell_start.assign(1, 0);
    m_order.clear();
    if (n == 0) return;
    // About 16 items per cell, the grid following the extent's aspect.
    const double w = std::max(m_max.x_m - m_min.x_m, 1.0);
    const double h = std::max(m_max.y_m - m_min.y_m, 1.0);
    const double cells = std::max(1.0, static_cast<double>(n) / 16.0);
    m_cols = std::clamp(static_cast<int>(std::ceil(std::sqrt(cells * w / h))), 1, 2048);
    m_rows = std::clamp(static_cast<int>(std::ceil(cells / m_cols)), 1, 2048);
    m_cell_w = w / m_cols;
    m_cell_h = h / m_rows;

    auto cell_of = [&](std::size_t i) {
        const int cx = std::min(static_cast<int>((m_x[i] - m_min.x_m) / m_cell_w), m_cols - 1);
        const int cy = std::min(static_cast<int>((m_y[i] - m_min.y_m) / m_cell_h), m_rows - 1);
        return static_cast<std::size_t>(cy) * static_cast<std::size_t>(m_cols) + static_cast<std::size_t>(cx);
    };
    const std::size_t cell_count = static_cast<std::size_t>(m_cols) * static_cast<std::size_t>(m_rows);
    m_cell_start.assign(cell_count + 1, 0);
    for (std::size_t i = 0; i < n; ++i)
        if (is_shown(i)) ++m_cell_start[cell_of(i) + 1];
    for (std::size_t c = 0; c < cell_count; ++c) m_cell_start[c + 1] += m_cell_start[c];
    std::vector<std::uint32_t> fill(m_cell_start.begin(), m_cell_start.end() - 1);
    m_order.resize(m_cell_start.back());
    for (std::size_t i = 0; i < n; ++i)
        if (is_shown(i)) m_order[fill[cell_of(i)]++] = static_cast<std::uint32_t>(i);
}

void ItemPointIndex::set_weights(std::span<const float> weights) {
    m_max_weight = 0.0f;
    if (weights.size() != m_x.size()) {
        m_weight.clear();
    } else {
        m_weight.assign(weights.begin(), weights.end());
        for (float w : m_weight) m_max_weight = std::max(m_max_weight, w);
    }
    rebuild_pyramid();
}

void ItemPointIndex::rebuild_pyramid() {
    if (m_x.size() <= kPyramidItems) {
        m_pyramid.clear();
        return;
    }
    if (m_shown.empty()) {
        m_pyramid.rebuild(m_x, m_y, m_family, m_weight);
        return;
    }
    // Only the items shown make the aggregates.
    std::vector<double> x, y;
    std::vector<geo::Family> family;
    std::vector<float> weight;
    for (std::size_t i = 0; i < m_x.size(); ++i) {
        if (!m_shown[i]) continue;
        x.push_back(m_x[i]);
        y.push_back(m_y[i]);
        family.push_back(m_family[i]);
        if (!m_weight.empty()) weight.push_back(m_weight[i]);
    }
    m_pyramid.rebuild(x, y, family, weight);
}

template <class Fn>
void ItemPointIndex::for_each_in(Mercator lo, Mercator hi, Fn&& fn) const {
    if (m_cols == 0 || hi.x_m < m_min.x_m || hi.y_m < m_min.y_m || lo.x_m > m_max.x_m || lo.y_m > m_max.y_m) return;
    const int c0 = std::clamp(static_cast<int>(std::floor((lo.x_m - m_min.x_m) / m_cell_w)), 0, m_cols - 1);
    const int c1 = std::clamp(static_cast<int>(std::floor((hi.x_m - m_min.x_m) / m_cell_w)), 0, m_cols - 1);
    const int r0 = std::clamp(static_cast<int>(std::floor((lo.y_m - m_min.y_m) / m_cell_h)), 0, m_rows - 1);
    const int r1 = std::clamp(static_cast<int>(std::floor((hi.y_m - m_min.y_m) / m_cell_h)), 0, m_rows - 1);
    for (int r = r0; r <= r1; ++r) {
        const std::size_t row = static_cast<std::size_t>(r) * static_cast<std::size_t>(m_cols);
        const std::uint32_t begin = m_cell_start[row + static_cast<std::size_t>(c0)];
        const std::uint32_t end = m_cell_start[row + static_cast<std::size_t>(c1) + 1];
        for (std::uint32_t k = begin; k < end; ++k) {
            const std::uint32_t i = m_order[k];
            if (m_x[i] >= lo.x_m && m_x[i] <= hi.x_m && m_y[i] >= lo.y_m && m_y[i] <= hi.y_m) fn(i);
        }
    }
}

float item_size_px(float base, float weight, float max_weight) {
    if (max_weight <= 0.0f) return base;
    if (weight <= 0.0f) return base * 0.6f;
    return base * (0.75f + 0.9f * std::sqrt(weight / max_weight));
}

float ItemPointIndex::size_of(std::size_t i, float base) const {
    if (m_weight.empty()) return base;
    return item_size_px(base, m_weight[i], m_max_weight);
}

void ItemPointIndex::build(const Camera& camera, const PointStyle& style, PointBatch& out) const {
    out.origin = camera.center();
    out.vertices.clear();
    out.visible_items = 0;
    out.aggregated = false;
    const double mpp = camera.metres_per_px();
    const double margin_m = kMaxDiscPx * mpp;
    Mercator lo = camera.visible_min();
    Mercator hi = camera.visible_max();
    lo = {lo.x_m - margin_m, lo.y_m - margin_m};
    hi = {hi.x_m + margin_m, hi.y_m + margin_m};

    const std::size_t visible = count_in(lo, hi);
    out.visible_items = visible;
    const float base = base_size_px(camera.zoom());
    const bool weighted = !m_weight.empty() && m_max_weight > 0.0f;

    auto emit_item = [&](std::size_t i, bool emphasised) {
        Rgba8 fill = family_colour(m_family[i]);
        const bool faded = weighted && m_weight[i] <= 0.0f;
        if (faded) fill = with_alpha(fill, 90);
        Rgba8 ring = faded ? with_alpha(darker(fill, 0.6f), 90) : darker(fill, 0.6f);
        float size = size_of(i, base);
        float ring_px = 1.0f;
        if (emphasised) {
            size += 6.0f;
            ring_px = 2.5f;
            fill.a = 255;
            ring = kSelectionRing;
        }
        out.vertices.push_back(vertex(m_x[i], m_y[i], out.origin, size, ring_px, fill, ring));
    };

    if (visible > style.aggregate_above) {
        out.aggregated = true;
        const double cell_px = std::max(style.aggregate_cell_px, 2.0);
        if (build_from_pyramid(camera, lo, hi, cell_px, out)) {
            for (const auto& emphasised : {style.hovered, style.selected})
                if (emphasised && *emphasised < m_x.size() && is_shown(*emphasised)) emit_item(*emphasised, true);
            return;
        }
        const int gcols = static_cast<int>(std::ceil((hi.x_m - lo.x_m) / mpp / cell_px)) + 1;
        const int grows = static_cast<int>(std::ceil((hi.y_m - lo.y_m) / mpp / cell_px)) + 1;
        const std::size_t ncells = static_cast<std::size_t>(gcols) * static_cast<std::size_t>(grows);
        struct Cell {
            double sx = 0, sy = 0;
            std::uint32_t count = 0;
            std::array<float, geo::kFamilyCount> mass{};
        };
        std::vector<Cell> cells(ncells);
        const double inv = 1.0 / (mpp * cell_px);
        for_each_in(lo, hi, [&](std::uint32_t i) {
            const int cx = std::min(static_cast<int>((m_x[i] - lo.x_m) * inv), gcols - 1);
            const int cy = std::min(static_cast<int>((m_y[i] - lo.y_m) * inv), grows - 1);
            Cell& c =
                cells[static_cast<std::size_t>(cy) * static_cast<std::size_t>(gcols) + static_cast<std::size_t>(cx)];
            c.sx += m_x[i];
            c.sy += m_y[i];
            ++c.count;
            c.mass[static_cast<std::size_t>(m_family[i])] += weighted ? m_weight[i] : 1.0f;
        });
        for (const Cell& c : cells)
            if (c.count > 0)
                out.vertices.push_back(
                    cell_vertex(c.sx / c.count, c.sy / c.count, out.origin, c.count, c.mass, cell_px));
    } else {
        out.vertices.reserve(visible + 2);
        // Faded (zero-weight) items underneath, then the others.
        if (weighted)
            for_each_in(lo, hi, [&](std::uint32_t i) {
                if (m_weight[i] <= 0.0f) emit_item(i, false);
            });
        for_each_in(lo, hi, [&](std::uint32_t i) {
            if (!weighted || m_weight[i] > 0.0f) emit_item(i, false);
        });
    }
    // Hovered and selected items on top, even when aggregated or off-grid.
    for (const auto& emphasised : {style.hovered, style.selected})
        if (emphasised && *emphasised < m_x.size() && is_shown(*emphasised)) emit_item(*emphasised, true);
}

std::size_t ItemPointIndex::count_in(Mercator lo, Mercator hi) const {
    if (m_cols == 0 || hi.x_m < m_min.x_m || hi.y_m < m_min.y_m || lo.x_m > m_max.x_m || lo.y_m > m_max.y_m) return 0;
    const int c0 = std::clamp(static_cast<int>(std::floor((lo.x_m - m_min.x_m) / m_cell_w)), 0, m_cols - 1);
    const int c1 = std::clamp(static_cast<int>(std::floor((hi.x_m - m_min.x_m) / m_cell_w)), 0, m_cols - 1);
    const int r0 = std::clamp(static_cast<int>(std::floor((lo.y_m - m_min.y_m) / m_cell_h)), 0, m_rows - 1);
    const int r1 = std::clamp(static_cast<int>(std::floor((hi.y_m - m_min.y_m) / m_cell_h)), 0, m_rows - 1);
    std::size_t n = 0;
    const auto exact = [&](std::uint32_t begin, std::uint32_t end) {
        for (std::uint32_t k = begin; k < end; ++k) {
            const std::uint32_t i = m_order[k];
            if (m_x[i] >= lo.x_m && m_x[i] <= hi.x_m && m_y[i] >= lo.y_m && m_y[i] <= hi.y_m) ++n;
        }
    };
    for (int r = r0; r <= r1; ++r) {
        const std::size_t row = static_cast<std::size_t>(r) * static_cast<std::size_t>(m_cols);
        const auto start = [&](int c) { return m_cell_start[row + static_cast<std::size_t>(c)]; };
        if (r == r0 || r == r1 || c1 - c0 < 2) {
            exact(start(c0), start(c1 + 1));
            continue;
        }
        // Cells strictly between the border columns lie inside the box.
        exact(start(c0), start(c0 + 1));
        n += start(c1) - start(c0 + 1);
        exact(start(c1), start(c1 + 1));
    }
    return n;
}

bool ItemPointIndex::build_from_pyramid(const Camera& camera, Mercator lo, Mercator hi, double cell_px,
                                        PointBatch& out) const {
    if (m_pyramid.empty()) return false;
    const double mpp = camera.metres_per_px();
    const int level = PointPyramid::level_for(cell_px * mpp);
    if (level < 0) return false;
    const double size_m = std::ldexp(1.0, level);
    const double level_px = size_m / mpp;
    for (const PointPyramid::Cell& c : m_pyramid.cells(level)) {
        // Cell box against the view, then its centroid.
        if ((c.cx + 1) * size_m < lo.x_m || c.cx * size_m > hi.x_m || (c.cy + 1) * size_m < lo.y_m ||
            c.cy * size_m > hi.y_m)
            continue;
        const double x = c.sx / c.count, y = c.sy / c.count;
        if (x < lo.x_m || x > hi.x_m || y < lo.y_m || y > hi.y_m) continue;
        out.vertices.push_back(cell_vertex(x, y, out.origin, c.count, c.mass, level_px));
    }
    return true;
}

std::optional<std::size_t> ItemPointIndex::pick(const Camera& camera, ScreenPx cursor, double radius_px) const {
    const Mercator at = camera.to_mercator(cursor);
    const double r_m = radius_px * camera.metres_per_px();
    std::optional<std::size_t> best;
    double best_d2 = r_m * r_m;
    for_each_in({at.x_m - r_m, at.y_m - r_m}, {at.x_m + r_m, at.y_m + r_m}, [&](std::uint32_t i) {
        const double dx = m_x[i] - at.x_m, dy = m_y[i] - at.y_m;
        const double d2 = dx * dx + dy * dy;
        if (d2 <= best_d2) {
            best_d2 = d2;
            best = i;
        }
    });
    return best;
}

}  // namespace app::gui
