#include "app/gui/render/point_pyramid.hpp"

#include <cmath>
#include <unordered_map>

namespace app::gui {
namespace {

std::uint64_t key_of(std::int32_t cx, std::int32_t cy) {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(cx)) << 32) | static_cast<std::uint32_t>(cy);
}

// Merges `cells` into cells twice as large.
std::vector<PointPyramid::Cell> coarser(const std::vector<PointPyramid::Cell>& cells) {
    std::unordered_map<std::uint64_t, std::size_t> index;
    index.reserve(cells.size() / 2 + 1);
    std::vector<PointPyramid::Cell> out;
    for (const auto& c : cells) {
        const std::int32_t cx = c.cx >> 1, cy = c.cy >> 1;  // floor division for negatives too
        auto [it, added] = index.try_emplace(key_of(cx, cy), out.size());
        if (added) out.push_back({cx, cy, 0, 0, 0, {}});
        PointPyramid::Cell& d = out[it->second];
        d.count += c.count;
        d.sx += c.sx;
        d.sy += c.sy;
        for (std::size_t f = 0; f < d.mass.size(); ++f) d.mass[f] += c.mass[f];
    }
    return out;
}

}  // namespace

void PointPyramid::rebuild(std::span<const double> x, std::span<const double> y, std::span<const geo::Family> family,
                           std::span<const float> weight) {
    m_levels.clear();
    const double size = std::ldexp(1.0, kMinLevel);
    std::unordered_map<std::uint64_t, std::size_t> index;
    index.reserve(x.size() / 4 + 1);
    std::vector<Cell> base;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const auto cx = static_cast<std::int32_t>(std::floor(x[i] / size));
        const auto cy = static_cast<std::int32_t>(std::floor(y[i] / size));
        auto [it, added] = index.try_emplace(key_of(cx, cy), base.size());
        if (added) base.push_back({cx, cy, 0, 0, 0, {}});
        Cell& c = base[it->second];
        ++c.count;
        c.sx += x[i];
        c.sy += y[i];
        c.mass[static_cast<std::size_t>(family[i])] += weight.empty() ? 1.0f : weight[i];
    }
    m_levels.push_back(std::move(base));
    for (int level = kMinLevel + 1; level <= kMaxLevel; ++level) m_levels.push_back(coarser(m_levels.back()));
}

int PointPyramid::level_for(double cell_m) {
    if (!(cell_m > 0.0)) return -1;
    const int level = static_cast<int>(std::ceil(std::log2(cell_m) - 1e-9));
    if (level < kMinLevel) return -1;
    return std::min(level, kMaxLevel);
}

const std::vector<PointPyramid::Cell>& PointPyramid::cells(int level) const {
    static const std::vector<Cell> kNone;
    const int i = level - kMinLevel;
    if (i < 0 || i >= static_cast<int>(m_levels.size())) return kNone;
    return m_levels[static_cast<std::size_t>(i)];
}

}  // namespace app::gui
