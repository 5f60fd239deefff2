#include "geo/analysis/contour.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace geo {
namespace {

// Lattice of cell centres with a ring of zero nodes around the grid: node
// (I, J), I in [0, W+1], J in [0, H+1], is cell (I-1, J-1).
class Lattice {
public:
    Lattice(const DensityGrid& g, double threshold) : m_g(g), m_t(threshold), m_nw(g.width + 2), m_nh(g.height + 2) {}

    [[nodiscard]] int nodes_x() const { return m_nw; }
    [[nodiscard]] int nodes_y() const { return m_nh; }
    [[nodiscard]] double value(int i, int j) const {
        if (i < 1 || j < 1 || i > m_g.width || j > m_g.height) return 0.0;
        return m_g.at(i - 1, j - 1);
    }
    [[nodiscard]] bool inside(int i, int j) const { return value(i, j) >= m_t; }
    [[nodiscard]] Projected node(int i, int j) const {
        return {m_g.origin.x_m + (i - 0.5) * m_g.cell_m, m_g.origin.y_m + (j - 0.5) * m_g.cell_m};
    }
    // Edge ids: horizontal edge from node (i, j) to (i+1, j) is even, vertical
    // edge from (i, j) to (i, j+1) odd.
    [[nodiscard]] std::int64_t h_edge(int i, int j) const { return 2 * (static_cast<std::int64_t>(j) * m_nw + i); }
    [[nodiscard]] std::int64_t v_edge(int i, int j) const { return h_edge(i, j) + 1; }

    // Where the contour crosses an edge: linear interpolation between the two
    // centres, kept off the nodes themselves so that rings never touch.
    [[nodiscard]] Projected crossing(std::int64_t edge) const {
        const std::int64_t k = edge / 2;
        const int i = static_cast<int>(k % m_nw), j = static_cast<int>(k / m_nw);
        const int i1 = (edge % 2 == 0) ? i + 1 : i, j1 = (edge % 2 == 0) ? j : j + 1;
        const double v0 = value(i, j), v1 = value(i1, j1);
        constexpr double kOffNode = 1e-3;
        const double f = std::clamp((m_t - v0) / (v1 - v0), kOffNode, 1.0 - kOffNode);
        const Projected a = node(i, j), b = node(i1, j1);
        return {a.x_m + f * (b.x_m - a.x_m), a.y_m + f * (b.y_m - a.y_m)};
    }

private:
    const DensityGrid& m_g;
    double m_t;
    int m_nw, m_nh;
};

enum Side : std::uint8_t { B, R, T, L, None };
struct Segments {
    std::array<Side, 4> s;  // up to two (from, to) pairs
};
// Segments per case (bit 1 bottom-left, 2 bottom-right, 4 top-right, 8
// top-left inside), oriented with the inside on the left. Saddles 5 and 10
// list the "separated" form; the "joined" form is chosen in the loop.
constexpr std::array<Segments, 16> kCases{{
    {{None, None, None, None}},  // 0
    {{B, L, None, None}},        // 1
    {{R, B, None, None}},        // 2
    {{R, L, None, None}},        // 3
    {{T, R, None, None}},        // 4
    {{B, L, T, R}},              // 5 separated
    {{T, B, None, None}},        // 6
    {{T, L, None, None}},        // 7
    {{L, T, None, None}},        // 8
    {{B, T, None, None}},        // 9
    {{R, B, L, T}},              // 10 separated
    {{R, T, None, None}},        // 11
    {{L, R, None, None}},        // 12
    {{B, R, None, None}},        // 13
    {{L, B, None, None}},        // 14
    {{None, None, None, None}},  // 15
}};
constexpr Segments kJoined5{{B, R, T, L}};
constexpr Segments kJoined10{{L, B, R, T}};

struct Box {
    double x0, y0, x1, y1;
    [[nodiscard]] bool contains(Projected p) const { return p.x_m >= x0 && p.x_m <= x1 && p.y_m >= y0 && p.y_m <= y1; }
};
Box bounds(const ProjectedRing& r) {
    Box b{r[0].x_m, r[0].y_m, r[0].x_m, r[0].y_m};
    for (const auto& p : r) {
        b.x0 = std::min(b.x0, p.x_m);
        b.y0 = std::min(b.y0, p.y_m);
        b.x1 = std::max(b.x1, p.x_m);
        b.y1 = std::max(b.y1, p.y_m);
    }
    return b;
}

}  // namespace

std::vector<ProjectedRing> contour_rings(const DensityGrid& grid, double threshold) {
    const Lattice lat(grid, threshold);
    // Which nodes of a lattice row are inside, two rows at a time (each node
    // is compared once, not four times).
    const auto nw = static_cast<std::size_t>(lat.nodes_x());
    std::vector<std::uint8_t> below(nw, 0), above(nw, 0);
    auto fill_row = [&](int j, std::vector<std::uint8_t>& row) {
        for (std::size_t i = 0; i < nw; ++i) row[i] = lat.inside(static_cast<int>(i), j) ? 1 : 0;
    };
    fill_row(0, above);
    // The crossed edges only (a few per boundary cell, not one slot per edge
    // of the lattice): (from, to) pairs in scan order, each edge the start
    // of exactly one segment.
    struct Link {
        std::int64_t from, to;
    };
    std::vector<Link> links;
    for (int j = 0; j + 1 < lat.nodes_y(); ++j) {
        std::swap(below, above);
        fill_row(j + 1, above);
        for (int i = 0; i + 1 < lat.nodes_x(); ++i) {
            const auto u = static_cast<std::size_t>(i);
            const int c = below[u] | (below[u + 1] << 1) | (above[u + 1] << 2) | (above[u] << 3);
            if (c == 0 || c == 15) continue;
            Segments seg = kCases[static_cast<std::size_t>(c)];
            if (c == 5 || c == 10) {
                const double mean =
                    (lat.value(i, j) + lat.value(i + 1, j) + lat.value(i + 1, j + 1) + lat.value(i, j + 1)) / 4.0;
                if (mean >= threshold) seg = c == 5 ? kJoined5 : kJoined10;
            }
            const std::array<std::int64_t, 4> edge{lat.h_edge(i, j), lat.v_edge(i + 1, j), lat.h_edge(i, j + 1),
                                                   lat.v_edge(i, j)};
            for (std::size_t k = 0; k < 4 && seg.s[k] != None; k += 2)
                links.push_back({edge[seg.s[k]], edge[seg.s[k + 1]]});
        }
    }
    // Looked up by their start edge; traced from each link in scan order.
    std::vector<std::size_t> by_from(links.size());
    for (std::size_t k = 0; k < by_from.size(); ++k) by_from[k] = k;
    std::sort(by_from.begin(), by_from.end(),
              [&](std::size_t a, std::size_t b) { return links[a].from < links[b].from; });
    auto link_from = [&](std::int64_t edge) -> std::size_t {
        const auto it = std::lower_bound(by_from.begin(), by_from.end(), edge,
                                         [&](std::size_t k, std::int64_t e) { return links[k].from < e; });
        return it != by_from.end() && links[*it].from == edge ? *it : links.size();
    };
    std::vector<bool> traced(links.size(), false);
    std::vector<ProjectedRing> rings;
    for (std::size_t first = 0; first < links.size(); ++first) {
        if (traced[first]) continue;
        ProjectedRing ring;
        std::size_t k = first;
        do {
            traced[k] = true;
            ring.push_back(lat.crossing(links[k].from));
            k = link_from(links[k].to);
        } while (k < links.size() && !traced[k]);
        if (ring.size() >= 3) rings.push_back(std::move(ring));
    }
    return rings;
}

ProjectedMultiPolygon assemble_polygons(std::vector<ProjectedRing> rings) {
    struct Outer {
        ProjectedRing ring;
        double area;
        Box box;
        std::vector<ProjectedRing> holes;
    };
    std::vector<Outer> outers;
    std::vector<ProjectedRing> holes;
    for (auto& r : rings) {
        const double a = signed_area_m2(r);
        if (a > 0.0) {
            Box b = bounds(r);
            outers.push_back({std::move(r), a, b, {}});
        } else if (a < 0.0) {
            holes.push_back(std::move(r));
        }
    }
    std::sort(outers.begin(), outers.end(), [](const Outer& a, const Outer& b) { return a.area < b.area; });
    for (auto& h : holes) {
        const Projected probe = h[0];
        for (auto& o : outers) {  // smallest first
            if (o.box.contains(probe) && ring_contains(o.ring, probe)) {
                o.holes.push_back(std::move(h));
                break;
            }
        }
    }
    ProjectedMultiPolygon mp;
    // Largest first reads better in exports.
    for (auto it = outers.rbegin(); it != outers.rend(); ++it) {
        ProjectedPolygon p;
        p.rings.push_back(std::move(it->ring));
        for (auto& h : it->holes) p.rings.push_back(std::move(h));
        mp.polygons.push_back(std::move(p));
    }
    return mp;
}

ProjectedMultiPolygon contour_region(const DensityGrid& grid, double threshold) {
    return assemble_polygons(contour_rings(grid, threshold));
}

}  // namespace geo
