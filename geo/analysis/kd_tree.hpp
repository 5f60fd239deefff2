#pragma once
// A static 2-D k-d tree over projected points for exact nearest-neighbour
// queries (offer gaps: distance from a grid cell to the nearest item of a
// family).
//
// Units / CRS: Projected metres of one metric CRS; distances in metres
//   (Euclidean in that plane).
// Layout: implicit and balanced: the points are reordered so that the median
//   of each range [lo, hi) sits at mid = (lo + hi) / 2 and splits it on the
//   axis of larger spread; no node allocations. Build O(n log n), query
//   O(log n) expected.
// Ownership: the tree copies the points. Thread-safety: immutable after
//   construction; concurrent queries are safe.
// Failure modes: none; non-finite points are the caller's to filter out.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "geo/core/coords.hpp"

namespace geo {

class KdTree {
public:
    KdTree() = default;
    explicit KdTree(const std::vector<Projected>& points);

    struct Hit {
        std::size_t index = 0;  // index in the vector given to the constructor
        double distance_m = 0.0;
    };

    // The nearest point to `query` (ties: any of them); nullopt when empty.
    [[nodiscard]] std::optional<Hit> nearest(Projected query) const;

    [[nodiscard]] std::size_t size() const { return m_points.size(); }
    [[nodiscard]] bool empty() const { return m_points.empty(); }

private:
    void build(std::size_t lo, std::size_t hi);
    void search(std::size_t lo, std::size_t hi, Projected q, std::size_t& best, double& best_d2) const;

    struct Entry {
        Projected p;
        std::uint32_t index;  // in the constructor's vector
        std::uint8_t axis;    // split axis when this entry is a range's median (0 x, 1 y)
    };
    std::vector<Entry> m_points;  // reordered
};

}  // namespace geo
