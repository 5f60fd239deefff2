#pragma once
// Overlay of WGS 84 polygons measured in a metric CRS: the shared plumbing of
// the border report and the perimeter comparison.
//
// What: metric_projector_for() picks the metric CRS of a lon/lat box
//   (choose_metric_crs: Lambert-93 in metropolitan France, else UTM) and
//   builds its Projector; project_multipolygon() projects every vertex (edges
//   stay straight in the metric plane, which for the densely sampled polygons
//   of geo/ differs from the lon/lat edges by far less than a metre);
//   metric_geos() returns a valid GEOS geometry of the projected polygons
//   (GEOSMakeValid_r when GEOSisValid_r says no), ready for intersection and
//   union; planar_area_km2() is GEOSArea_r in km² (metres of the CRS squared).
// Ownership: geometries belong to the GeosContext passed in; one context per
//   thread. The Projector is used on the calling thread only.
// Failures: an empty box, PROJ failing on a vertex, a ring with fewer than 3
//   distinct positions, GEOS errors; messages name the polygon and ring.
#include "geo/analysis/planar_geometry.hpp"
#include "geo/analysis/project_geometry.hpp"
#include "geo/core/error.hpp"
#include "geo/core/geometry.hpp"
#include "geo/crs/metric_crs.hpp"
#include "geo/detail/handles.hpp"

namespace geo {

Result<Projector> metric_projector_for(const LonLatBox& box);

// project_multipolygon() is declared in project_geometry.hpp.

Result<detail::GeosGeom> metric_geos(const detail::GeosContext& ctx, const Projector& projector,
                                     const MultiPolygon& wgs84);

// Makes `geom` valid in place when it is not.
Result<void> make_valid(const detail::GeosContext& ctx, detail::GeosGeom& geom);

// A prepared geometry of `geom` (which must outlive it), for repeated
// predicates; `what` names it in the error.
Result<detail::GeosPrepared> prepare(const detail::GeosContext& ctx, const GEOSGeometry* geom, const char* what);

// Planar area of a GEOS geometry whose coordinates are metres, in km²
// (0 for a null or empty geometry).
double planar_area_km2(const detail::GeosContext& ctx, const GEOSGeometry* geom);

}  // namespace geo
