#pragma once
// A lattice of pointy-top hexagons in a metric CRS, and the cells of it whose
// centre lies inside an area (offer gaps are computed per cell).
//
//        /\      /\          cell_m: distance between the centres of two
//       /  \    /  \           neighbours (= width across flats); side
//      | 0,0|  | 1,0|          s = cell_m / √3; rows are 1.5·s apart; odd
//       \  / \/ \  / \         rows are shifted east by cell_m / 2 ("odd-r").
//        \/ 0,1| 1,1 |       Area of a cell: √3/2 · cell_m².
//           \  /\  /         (col, row) grow east and north; cell (0, 0) is
//            \/  \/          centred on `origin`.
//
// Exactness: every vertex is computed as origin + (i·cell_m/2, j·s/2) from
//   integers i, j, so two neighbours share bit-identical vertices and a GEOS
//   union of cells has no slivers.
// Units / CRS: metres of one metric CRS. Pure values; thread-safe.
// Failures: none reported; throws std::bad_alloc only. max_cols or max_rows <= 0 gives no cells;
//   cell_m > 0 is not checked.
#include <array>
#include <cstddef>
#include <vector>

#include "geo/analysis/planar_geometry.hpp"
#include "geo/core/coords.hpp"

namespace geo {

struct HexIndex {
    int col = 0;
    int row = 0;
    friend bool operator==(const HexIndex&, const HexIndex&) = default;
};

class HexLattice {
public:
    HexLattice(Projected origin, double cell_m);

    // A lattice whose cell (0, 0) lies south-west of `box_min` by at least one
    // cell, with origin on multiples of the lattice periods (stable under
    // small changes of the box). Precondition: cell_m > 0.
    static HexLattice covering(Projected box_min, double cell_m);

    [[nodiscard]] double cell_m() const { return m_cell_m; }
    [[nodiscard]] double side_m() const { return m_side_m; }
    [[nodiscard]] double row_step_m() const { return 1.5 * m_side_m; }
    [[nodiscard]] double cell_area_m2() const;
    [[nodiscard]] Projected origin() const { return m_origin; }

    [[nodiscard]] Projected centre(HexIndex h) const;
    // Counter-clockwise, starting with the east-north-east vertex; open ring.
    [[nodiscard]] std::array<Projected, 6> vertices(HexIndex h) const;
    // The six neighbours: east, north-east, north-west, west, south-west, south-east.
    [[nodiscard]] std::array<HexIndex, 6> neighbours(HexIndex h) const;
    // The cell containing p (on an edge, either cell).
    [[nodiscard]] HexIndex cell_at(Projected p) const;

private:
    Projected m_origin;
    double m_cell_m;
    double m_side_m;
};

// Cells of `lattice` whose centre lies inside `area` (even-odd rule over all
// rings, so holes are excluded), ordered by row then column; only cells with
// col, row in [0, max_cols) x [0, max_rows) are considered.
std::vector<HexIndex> hex_cells_inside(const HexLattice& lattice, const ProjectedMultiPolygon& area, int max_cols,
                                       int max_rows);

}  // namespace geo
