#pragma once
// Douglas-Peucker simplification of the rings of a planar multipolygon, ring
// by ring, in metres of one metric CRS. Every vertex kept is an input vertex
// and every dropped one lies within `tolerance_m` of the chord replacing it,
// so a ring moves by at most the tolerance. Rings are treated independently:
// nothing here prevents two rings that pass within the tolerance of each
// other from crossing once simplified, so the caller checks the validity of
// the result (perimeter.cpp falls back to GEOS's topology-preserving
// simplifier when it is not valid). A ring that would keep fewer than four
// vertices is kept as it was. O(n log n) per ring on contour lines.
// Pure, thread-safe.
// Failures: none; a ring that would collapse is kept as it was.
#include "geo/analysis/planar_geometry.hpp"

namespace geo {

ProjectedMultiPolygon simplify_rings(const ProjectedMultiPolygon& mp, double tolerance_m);

}  // namespace geo
