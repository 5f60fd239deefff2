#pragma once
// Iso-contours of a density grid: the region {density >= threshold} as
// polygons in the grid's metric CRS (metres).
//
// Marching squares on the lattice of cell centres, with the crossing point on
// each lattice edge placed by linear interpolation between the two centres.
// Outside the grid the density counts as 0, so every ring is closed. Saddle
// squares are resolved by the mean of their four corners (joined when the mean
// is >= threshold), which keeps contours of higher thresholds nested inside
// those of lower ones. A cell centre lies inside the polygons exactly when its
// value is >= threshold.
// Output: outer rings counter-clockwise, holes clockwise, each hole attached to
// the smallest outer ring around it; rings implicitly closed. Pure, thread-safe.
// Precondition: threshold > 0.
// Failures: none reported; throws std::bad_alloc only. No cell >= threshold (or threshold <= 0 on a
//   non-negative grid: every lattice node inside) gives no rings.
#include <vector>

#include "geo/analysis/density.hpp"
#include "geo/analysis/planar_geometry.hpp"

namespace geo {

// The closed rings of the contour, oriented with the region on their left.
std::vector<ProjectedRing> contour_rings(const DensityGrid& grid, double threshold);

// Groups oriented rings (CCW outer, CW holes, non-crossing) into polygons.
ProjectedMultiPolygon assemble_polygons(std::vector<ProjectedRing> rings);

// assemble_polygons(contour_rings(grid, threshold)).
ProjectedMultiPolygon contour_region(const DensityGrid& grid, double threshold);

}  // namespace geo
