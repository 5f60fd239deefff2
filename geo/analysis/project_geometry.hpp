#pragma once
// Polygons between WGS 84 (geo::MultiPolygon, degrees) and a metric CRS
// (geo::ProjectedMultiPolygon, metres) through a Projector: every vertex is
// transformed in one batch; the ring structure is kept as it is.
// Thread-safety: uses `projector`, which must not be in use on another thread.
// Failures: a vertex PROJ cannot transform (its index is named).
#include "geo/analysis/planar_geometry.hpp"
#include "geo/core/error.hpp"
#include "geo/core/geometry.hpp"
#include "geo/crs/metric_crs.hpp"

namespace geo {

Result<ProjectedMultiPolygon> project_multipolygon(const Projector& projector, const MultiPolygon& wgs84);
// Rings are closed explicitly in the result (first == last).
Result<MultiPolygon> unproject_multipolygon(const Projector& projector, const ProjectedMultiPolygon& metric);

}  // namespace geo
