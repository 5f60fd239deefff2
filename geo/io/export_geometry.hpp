#pragma once
// Geometry preparation shared by the exporters: WGS 84 range checks and ring
// normalisation to the RFC 7946 right-hand rule.
// Units: degrees, WGS 84 lon/lat. Pure functions, thread-safe.
#include "geo/core/error.hpp"
#include "geo/core/geometry.hpp"

namespace geo {

// Fails when p is not finite or outside [-180, 180] x [-90, 90]; the message
// gives the bad value and the expected range.
Result<void> check_wgs84(LonLat p);
// Same for every position; the message names polygon, ring and position.
Result<void> check_wgs84(const MultiPolygon& geometry);

// Returns the geometry ready to write: coordinates optionally rounded to
// kExportDecimals, consecutive duplicate positions removed, every ring closed
// (first == last), outer rings counter-clockwise and holes clockwise (planar
// signed area in lon/lat). Rings left with fewer than 4 positions or zero
// area are dropped; a polygon whose outer ring is dropped is dropped whole.
MultiPolygon oriented_for_export(const MultiPolygon& geometry, bool round_coordinates);

}  // namespace geo
