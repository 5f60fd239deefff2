#pragma once
// Which offer items lie inside a polygon, and counts per family.
//
// points_inside(): for each position, 1 when it lies inside `area` or on its
//   boundary, else 0. The test runs in the lon/lat plane of `area` (WGS 84
//   degrees) with a GEOS prepared geometry, after a bounding-box check; the
//   polygons of geo/ are densely sampled, so lon/lat and metric edges agree to
//   well under a metre. Invalid polygons are made valid first (GEOSMakeValid).
//   An empty `area` contains nothing.
// Thread-safety: pure; each call uses its own GEOS context.
// Failures: a ring with fewer than 3 distinct positions or non-finite
//   coordinates, GEOS errors. Positions that are not finite are outside.
#include <array>
#include <cstdint>
#include <vector>

#include "geo/core/error.hpp"
#include "geo/core/geometry.hpp"
#include "geo/core/offer.hpp"

namespace geo {

// Item counts by Family index (kAllFamilies order).
using FamilyCounts = std::array<std::int64_t, kFamilyCount>;

Result<std::vector<std::uint8_t>> points_inside(const MultiPolygon& area, const std::vector<LonLat>& positions);

// The positions of `items`, in order.
std::vector<LonLat> item_positions(const std::vector<OfferItem>& items);

// Counts per family of the items whose `mask` entry is non-zero.
// Precondition: mask.size() == items.size().
FamilyCounts count_per_family(const std::vector<OfferItem>& items, const std::vector<std::uint8_t>& mask);

}  // namespace geo
