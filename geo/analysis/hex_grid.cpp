#include "geo/analysis/hex_grid.hpp"

#include <algorithm>
#include <cmath>

namespace geo {
namespace {

constexpr double kSqrt3 = 1.7320508075688772;

// 0 for even rows, 1 for odd ones, negative rows included (two's complement: -1 & 1 == 1).
inline int parity(int row) {
    return row & 1;
}

struct Edge {
    Projected a, b;
};

// Every edge of every ring (implicitly closed; a repeated closing vertex adds
// a zero-length edge, which never crosses a scan line).
std::vector<Edge> all_edges(const ProjectedMultiPolygon& area) {
    std::vector<Edge> edges;
    for (const auto& poly : area.polygons)
        for (const auto& ring : poly.rings)
            for (std::size_t i = 0; i < ring.size(); ++i) edges.push_back(Edge{ring[i], ring[(i + 1) % ring.size()]});
    return edges;
}

}  // namespace

HexLattice::HexLattice(Projected origin, double cell_m)
    : m_origin(origin), m_cell_m(cell_m), m_side_m(cell_m / kSqrt3) {}

HexLattice HexLattice::covering(Projected box_min, double cell_m) {
    const double row_pair_m = 2.0 * 1.5 * (cell_m / kSqrt3);  // keeps row parity global
    return HexLattice({std::floor(box_min.x_m / cell_m) * cell_m - cell_m,
                       std::floor(box_min.y_m / row_pair_m) * row_pair_m - row_pair_m},
                      cell_m);
}

double HexLattice::cell_area_m2() const {
    return kSqrt3 / 2.0 * m_cell_m * m_cell_m;
}

Projected HexLattice::centre(HexIndex h) const {
    const double half_w = m_cell_m / 2.0, half_s = m_side_m / 2.0;
    return {m_origin.x_m + (2 * h.col + parity(h.row)) * half_w, m_origin.y_m + (3 * h.row) * half_s};
}

std::array<Projected, 6> HexLattice::vertices(HexIndex h) const {
    const double half_w = m_cell_m / 2.0, half_s = m_side_m / 2.0;
    const int i = 2 * h.col + parity(h.row), j = 3 * h.row;
    auto at = [&](int di, int dj) {
        return Projected{m_origin.x_m + (i + di) * half_w, m_origin.y_m + (j + dj) * half_s};
    };
    return {at(1, 1), at(0, 2), at(-1, 1), at(-1, -1), at(0, -2), at(1, -1)};
}

std::array<HexIndex, 6> HexLattice::neighbours(HexIndex h) const {
    const int c = h.col, r = h.row;
    if (parity(r) == 0)
        return {HexIndex{c + 1, r}, HexIndex{c, r + 1},     HexIndex{c - 1, r + 1},
                HexIndex{c - 1, r}, HexIndex{c - 1, r - 1}, HexIndex{c, r - 1}};
    return {HexIndex{c + 1, r}, HexIndex{c + 1, r + 1}, HexIndex{c, r + 1},
            HexIndex{c - 1, r}, HexIndex{c, r - 1},     HexIndex{c + 1, r - 1}};
}

HexIndex HexLattice::cell_at(Projected p) const {
    // Axial coordinates (pointy-top), rounded in cube space, then odd-r offset.
    const double x = p.x_m - m_origin.x_m, y = p.y_m - m_origin.y_m;
    const double q = (kSqrt3 / 3.0 * x - y / 3.0) / m_side_m;
    const double r = (2.0 / 3.0 * y) / m_side_m;
    const double s = -q - r;
    double rq = std::round(q), rr = std::round(r);
    const double rs = std::round(s);
    const double dq = std::abs(rq - q), dr = std::abs(rr - r), ds = std::abs(rs - s);
    if (dq > dr && dq > ds)
        rq = -rr - rs;
    else if (dr > ds)
        rr = -rq - rs;
    const int row = static_cast<int>(rr);
    const int col = static_cast<int>(rq) + (row - parity(row)) / 2;
    return {col, row};
}

std::vector<HexIndex> hex_cells_inside(const HexLattice& lattice, const ProjectedMultiPolygon& area, int max_cols,
                                       int max_rows) {
    std::vector<HexIndex> out;
    if (max_cols <= 0 || max_rows <= 0) return out;
    const std::vector<Edge> edges = all_edges(area);
    const double oy = lattice.origin().y_m, ox = lattice.origin().x_m;
    const double row_step = lattice.row_step_m(), half_w = lattice.cell_m() / 2.0;

    // Bucket the edges by the rows whose scan line they may cross.
    std::vector<std::vector<std::size_t>> by_row(static_cast<std::size_t>(max_rows));
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const double lo = std::min(edges[e].a.y_m, edges[e].b.y_m);
        const double hi = std::max(edges[e].a.y_m, edges[e].b.y_m);
        const int r0 = std::max(0, static_cast<int>(std::floor((lo - oy) / row_step)));
        const int r1 = std::min(max_rows - 1, static_cast<int>(std::ceil((hi - oy) / row_step)));
        for (int r = r0; r <= r1; ++r) by_row[static_cast<std::size_t>(r)].push_back(e);
    }

    std::vector<double> xs;
    for (int row = 0; row < max_rows; ++row) {
        const double y = lattice.centre({0, row}).y_m;
        xs.clear();
        for (std::size_t e : by_row[static_cast<std::size_t>(row)]) {
            const Projected& a = edges[e].a;
            const Projected& b = edges[e].b;
            if ((a.y_m > y) == (b.y_m > y)) continue;  // half-open: each crossing counted once
            xs.push_back(a.x_m + (y - a.y_m) * (b.x_m - a.x_m) / (b.y_m - a.y_m));
        }
        std::sort(xs.begin(), xs.end());
        const int odd = parity(row);
        for (std::size_t k = 0; k + 1 < xs.size(); k += 2) {
            // Centres x = ox + (2·col + odd)·half_w inside [xs[k], xs[k+1]).
            int c0 = static_cast<int>(std::ceil(((xs[k] - ox) / half_w - odd) / 2.0));
            int c1 = static_cast<int>(std::ceil(((xs[k + 1] - ox) / half_w - odd) / 2.0));
            c0 = std::max(c0, 0);
            c1 = std::min(c1, max_cols);
            for (int col = c0; col < c1; ++col) {
                const double cx = lattice.centre({col, row}).x_m;
                if (cx >= xs[k] && cx < xs[k + 1]) out.push_back({col, row});
            }
        }
    }
    return out;
}

}  // namespace geo
