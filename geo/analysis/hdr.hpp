#pragma once
// Highest-density regions of a density grid, and the grid mass inside polygons.
//
// The highest-density region (HDR) at `level` is the smallest set of cells
// holding at least `level` of the grid's mass: the cells whose value is >= the
// threshold returned here. Thresholds decrease as levels grow, so regions of
// the same grid are nested. Units: thresholds in the grid's value unit (weight
// per km²); polygons in the grid's metric CRS (metres). Pure, thread-safe.
// Failures: none reported; throws std::bad_alloc only. A grid with no positive value gives +inf for every
//   level; a level above 1 gives the smallest positive value, a level <= 0 the largest.
#include <vector>

#include "geo/analysis/density.hpp"
#include "geo/analysis/planar_geometry.hpp"

namespace geo {

// One threshold per level (same order). Preconditions: each level in (0, 1],
// the grid holds some positive value. O(cells) per level: a histogram on a log
// scale finds the bin of the threshold, then only that bin is sorted.
std::vector<double> hdr_thresholds(const DensityGrid& grid, const std::vector<double>& levels);

// Σ value × cell area over the cells whose centre lies inside `mp` (even-odd
// rule over all rings, so `mp` must be valid: non-overlapping polygons).
double mass_inside(const DensityGrid& grid, const ProjectedMultiPolygon& mp);

}  // namespace geo
