#pragma once
// Measures of WGS 84 polygons on the ellipsoid (geodesic, PROJ's geodesic.h,
// Karney's algorithm): exact to about a square metre whatever the location,
// unlike a planar area in a projected CRS (Lambert-93 distorts areas by up to
// about 0.5 % at the edges of France). Pure functions, thread-safe.
// Failures: none; an empty geometry measures 0.
// Rings may be closed implicitly or explicitly; holes are subtracted whatever
// their winding. Non-finite coordinates give NaN.
#include "geo/core/geometry.hpp"

namespace geo {

// Unsigned geodesic area of one ring, km².
double ring_area_km2(const Ring& ring);
// |outer| − Σ |holes| summed over polygons, km² (>= 0 for valid input).
double geometry_area_km2(const MultiPolygon& wgs84);
// Geodesic length of all rings (outer and holes), km.
double geometry_boundary_km(const MultiPolygon& wgs84);

}  // namespace geo
