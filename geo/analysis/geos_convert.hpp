#pragma once
// Conversions between geo's polygon types and GEOS geometries (C API, _r).
//
// to_geos: MultiPolygon (x = lon_deg, y = lat_deg) or ProjectedMultiPolygon
//   (x = x_m, y = y_m) -> a GEOS MultiPolygon, rings closed as GEOS requires.
//   No validity repair: call GEOSMakeValid_r on the result when needed.
// *_from_geos: Polygon, MultiPolygon or GeometryCollection -> polygons, rings
//   explicitly closed (first == last); points and lines in a collection are
//   dropped (they arise from overlay operations and have no area).
// Ownership: the returned GeosGeom belongs to the given context; a context and
//   everything made in it stay on one thread.
// Failures: a ring with fewer than 3 distinct positions or non-finite
//   coordinates (named by polygon and ring index), GEOS errors (its message).
#include "geo/analysis/planar_geometry.hpp"
#include "geo/core/error.hpp"
#include "geo/core/geometry.hpp"
#include "geo/detail/handles.hpp"

namespace geo {

Result<detail::GeosGeom> to_geos(const detail::GeosContext& ctx, const MultiPolygon& mp);
Result<detail::GeosGeom> to_geos(const detail::GeosContext& ctx, const ProjectedMultiPolygon& mp);

Result<MultiPolygon> multipolygon_from_geos(const detail::GeosContext& ctx, const GEOSGeometry* geom);
Result<ProjectedMultiPolygon> projected_multipolygon_from_geos(const detail::GeosContext& ctx,
                                                               const GEOSGeometry* geom);

}  // namespace geo
