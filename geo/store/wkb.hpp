#pragma once
// Well-Known Binary for the polygon geometry the catalogue stores
// (OGC simple features, little-endian on write; both byte orders on read).
// Coordinates are lon/lat degrees, x = longitude. Rings are written closed.
#include <cstdint>
#include <vector>

#include "geo/core/error.hpp"
#include "geo/core/geometry.hpp"

namespace geo::store {

std::vector<std::uint8_t> multipolygon_to_wkb(const MultiPolygon& geometry);
// Accepts WKB Polygon (3) or MultiPolygon (6), 2D (ISO Z/M variants are
// rejected with a message). Fails on truncated input.
Result<MultiPolygon> multipolygon_from_wkb(const std::uint8_t* data, std::size_t size_bytes);

}  // namespace geo::store
