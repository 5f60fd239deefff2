#include "geo/analysis/kd_tree.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace geo {
namespace {

// Below this many points a range is scanned linearly: cheaper than recursing.
constexpr std::size_t kLeafSize = 8;

inline double coord(const Projected& p, int axis) {
    return axis == 0 ? p.x_m : p.y_m;
}

}  // namespace

KdTree::KdTree(const std::vector<Projected>& points) {
    m_points.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i)
        m_points.push_back(Entry{points[i], static_cast<std::uint32_t>(i), 0});
    build(0, m_points.size());
}

void KdTree::build(std::size_t lo, std::size_t hi) {
    if (hi - lo <= kLeafSize) return;
    double min_x = std::numeric_limits<double>::infinity(), max_x = -min_x;
    double min_y = min_x, max_y = -min_x;
    for (std::size_t i = lo; i < hi; ++i) {
        min_x = std::min(min_x, m_points[i].p.x_m);
        max_x = std::max(max_x, m_points[i].p.x_m);
        min_y = std::min(min_y, m_points[i].p.y_m);
        max_y = std::max(max_y, m_points[i].p.y_m);
    }
    const int axis = (max_x - min_x) >= (max_y - min_y) ? 0 : 1;
    const std::size_t mid = lo + (hi - lo) / 2;
    const auto first = m_points.begin();
    std::nth_element(first + static_cast<std::ptrdiff_t>(lo), first + static_cast<std::ptrdiff_t>(mid),
                     first + static_cast<std::ptrdiff_t>(hi),
                     [axis](const Entry& a, const Entry& b) { return coord(a.p, axis) < coord(b.p, axis); });
    m_points[mid].axis = static_cast<std::uint8_t>(axis);
    build(lo, mid);
    build(mid + 1, hi);
}

void KdTree::search(std::size_t lo, std::size_t hi, Projected q, std::size_t& best, double& best_d2) const {
    if (hi - lo <= kLeafSize) {
        for (std::size_t i = lo; i < hi; ++i) {
            const double dx = m_points[i].p.x_m - q.x_m, dy = m_points[i].p.y_m - q.y_m;
            const double d2 = dx * dx + dy * dy;
            if (d2 < best_d2) {
                best_d2 = d2;
                best = i;
            }
        }
        return;
    }
    const std::size_t mid = lo + (hi - lo) / 2;
    const Entry& e = m_points[mid];
    const double dx = e.p.x_m - q.x_m, dy = e.p.y_m - q.y_m;
    if (const double d2 = dx * dx + dy * dy; d2 < best_d2) {
        best_d2 = d2;
        best = mid;
    }
    const double delta = coord(q, e.axis) - coord(e.p, e.axis);
    // Near side first; the far side only when the splitting line is closer than the best.
    if (delta < 0.0) {
        search(lo, mid, q, best, best_d2);
        if (delta * delta < best_d2) search(mid + 1, hi, q, best, best_d2);
    } else {
        search(mid + 1, hi, q, best, best_d2);
        if (delta * delta < best_d2) search(lo, mid, q, best, best_d2);
    }
}

std::optional<KdTree::Hit> KdTree::nearest(Projected query) const {
    if (m_points.empty()) return std::nullopt;
    std::size_t best = 0;
    double best_d2 = std::numeric_limits<double>::infinity();
    search(0, m_points.size(), query, best, best_d2);
    return Hit{m_points[best].index, std::sqrt(best_d2)};
}

}  // namespace geo
