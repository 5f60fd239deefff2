#pragma once
// Synthetic polygons with known areas for the overlay tests: rectangles and
// discs drawn in Lambert-93 (EPSG:2154) kilometres around an origin near
// Tours, returned in WGS 84 with their edges sampled every 250 m, so that
// areas measured back in Lambert-93 equal the drawn ones to well under
// 1e-6 km²; and bare offer items placed on them.
#include <cstdint>
#include <string>

#include "geo/core/geometry.hpp"
#include "geo/core/offer.hpp"

namespace test {

// Origin of the kilometre frame, Lambert-93 metres (near Tours).
inline constexpr double kOriginX_m = 525'000.0;
inline constexpr double kOriginY_m = 6'700'000.0;

// [x0, x1] × [y0, y1] km from the origin, counter-clockwise, as one polygon.
geo::MultiPolygon l93_rect_km(double x0_km, double y0_km, double x1_km, double y1_km);
// Disc of radius r_km around (cx_km, cy_km) as a regular polygon of n vertices
// (its area is n/2 · r² · sin(2π/n)).
geo::MultiPolygon l93_disc_km(double cx_km, double cy_km, double r_km, int n = 256);
// The polygons of both.
geo::MultiPolygon merged(geo::MultiPolygon a, const geo::MultiPolygon& b);
// A WGS 84 point at (x_km, y_km) from the origin.
geo::LonLat l93_point_km(double x_km, double y_km);

// A bare offer item (id, name, family, position) for the overlay tests.
geo::OfferItem synthetic_item(std::int64_t id, std::string name, geo::Family family, geo::LonLat at);

}  // namespace test
