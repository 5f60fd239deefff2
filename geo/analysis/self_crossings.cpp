#include "geo/analysis/self_crossings.hpp"

#include <algorithm>
#include <cmath>

namespace geo {
namespace {

struct Edge {
    LonLat a, b;
    std::size_t ring, index, ring_size;  // position in its ring, for the neighbour rule
};

double cross(const LonLat& o, const LonLat& p, const LonLat& q) {
    return (p.lon_deg - o.lon_deg) * (q.lat_deg - o.lat_deg) - (p.lat_deg - o.lat_deg) * (q.lon_deg - o.lon_deg);
}

// Proper crossing: each edge's endpoints strictly on both sides of the other.
bool properly_cross(const Edge& e, const Edge& f) {
    const double d1 = cross(e.a, e.b, f.a), d2 = cross(e.a, e.b, f.b);
    const double d3 = cross(f.a, f.b, e.a), d4 = cross(f.a, f.b, e.b);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

bool neighbours(const Edge& e, const Edge& f) {
    if (e.ring != f.ring) return false;
    const std::size_t d = e.index > f.index ? e.index - f.index : f.index - e.index;
    return d <= 1 || d == e.ring_size - 1;
}

// The crossing point of two properly crossing edges.
LonLat crossing_point(const Edge& e, const Edge& f) {
    const double d1 = cross(f.a, f.b, e.a), d2 = cross(f.a, f.b, e.b);
    const double t = d1 / (d1 - d2);
    return {e.a.lon_deg + t * (e.b.lon_deg - e.a.lon_deg), e.a.lat_deg + t * (e.b.lat_deg - e.a.lat_deg)};
}

}  // namespace

std::size_t count_self_crossings(const std::vector<std::vector<LonLat>>& rings, std::size_t limit) {
    std::vector<Edge> edges;
    LonLatBox box;
    for (std::size_t r = 0; r < rings.size(); ++r) {
        std::vector<LonLat> ring = rings[r];
        if (ring.size() > 1 &&
            (ring.front().lon_deg != ring.back().lon_deg || ring.front().lat_deg != ring.back().lat_deg))
            ring.push_back(ring.front());
        if (ring.size() < 4) continue;  // fewer than three edges cannot cross
        const std::size_t n = ring.size() - 1;
        for (std::size_t i = 0; i < n; ++i) {
            edges.push_back({ring[i], ring[i + 1], r, i, n});
            box.extend(ring[i]);
        }
    }
    if (edges.size() < 4 || box.empty()) return 0;
    const double width = std::max(box.east_deg - box.west_deg, 1e-12);
    const double height = std::max(box.north_deg - box.south_deg, 1e-12);
    const int side = std::clamp(static_cast<int>(std::sqrt(static_cast<double>(edges.size()))), 1, 1024);
    auto column = [&](double lon) {
        return std::clamp(static_cast<int>((lon - box.west_deg) / width * side), 0, side - 1);
    };
    auto row = [&](double lat) {
        return std::clamp(static_cast<int>((lat - box.south_deg) / height * side), 0, side - 1);
    };

    std::vector<std::vector<std::size_t>> cells(static_cast<std::size_t>(side) * static_cast<std::size_t>(side));
    std::size_t entries = 0;
    for (std::size_t k = 0; k < edges.size(); ++k) {
        const Edge& e = edges[k];
        const int c0 = column(std::min(e.a.lon_deg, e.b.lon_deg)), c1 = column(std::max(e.a.lon_deg, e.b.lon_deg));
        const int r0 = row(std::min(e.a.lat_deg, e.b.lat_deg)), r1 = row(std::max(e.a.lat_deg, e.b.lat_deg));
        entries += static_cast<std::size_t>(c1 - c0 + 1) * static_cast<std::size_t>(r1 - r0 + 1);
        if (entries > kMaxCellEntries) return limit + 1;
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c)
                cells[static_cast<std::size_t>(r) * static_cast<std::size_t>(side) + static_cast<std::size_t>(c)]
                    .push_back(k);
    }
    std::size_t crossings = 0;
    for (std::size_t cell = 0; cell < cells.size(); ++cell) {
        const auto& in = cells[cell];
        const int cell_row = static_cast<int>(cell / static_cast<std::size_t>(side));
        const int cell_col = static_cast<int>(cell % static_cast<std::size_t>(side));
        for (std::size_t i = 0; i < in.size(); ++i)
            for (std::size_t j = i + 1; j < in.size(); ++j) {
                const Edge& e = edges[in[i]];
                const Edge& f = edges[in[j]];
                if (neighbours(e, f) || !properly_cross(e, f)) continue;
                // Counted once: in the cell that holds the crossing point.
                const LonLat p = crossing_point(e, f);
                if (row(p.lat_deg) != cell_row || column(p.lon_deg) != cell_col) continue;
                if (++crossings > limit) return limit + 1;
            }
    }
    return crossings;
}

}  // namespace geo
