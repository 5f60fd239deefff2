#pragma once
// Offer items pre-aggregated on world-anchored square grids of Web Mercator
// cells, one grid per power-of-two cell size (2^level metres), so that a view
// showing hundreds of thousands of items visits a few thousand cells instead
// of every item, whatever the pan or zoom (cells do not move with the view:
// no flicker while panning). Each cell keeps the sum of its items' positions
// (for the centroid), their count and the mass per family (audience weight,
// or 1 without audience). Built in O(n) per level from the level below.
// Not thread-safe; rebuilt by its owner (ItemPointIndex) when items or
// weights change.
// Failures: none; a level outside [kMinLevel, kMaxLevel] (or an empty pyramid) has no cells; rebuild()
//   does not check that its spans have one entry per item (weight: one per item or none).
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "geo/core/offer.hpp"

namespace app::gui {

class PointPyramid {
public:
    static constexpr int kMinLevel = 8;   // 256 m cells
    static constexpr int kMaxLevel = 22;  // about 4,200 km cells

    struct Cell {
        std::int32_t cx = 0, cy = 0;  // cell index: floor(x / 2^level)
        std::uint32_t count = 0;
        double sx = 0, sy = 0;  // sums of Mercator positions
        std::array<float, geo::kFamilyCount> mass{};
    };

    // `weight`: one per item, or empty (every item weighs 1).
    void rebuild(std::span<const double> x, std::span<const double> y, std::span<const geo::Family> family,
                 std::span<const float> weight);
    void clear() { m_levels.clear(); }
    [[nodiscard]] bool empty() const { return m_levels.empty(); }

    // The finest level whose cells are at least `cell_m` wide, or -1 when
    // that is finer than kMinLevel.
    [[nodiscard]] static int level_for(double cell_m);
    [[nodiscard]] const std::vector<Cell>& cells(int level) const;

private:
    std::vector<std::vector<Cell>> m_levels;  // [level - kMinLevel]
};

}  // namespace app::gui
