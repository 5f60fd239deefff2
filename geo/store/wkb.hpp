#pragma once
// Well-Known Binary for the polygon geometry the catalogue stores
// (OGC simple features, little-endian on write; both byte orders on read).
// Coordinates are lon/lat degrees, x = longitude. Rings are written closed.
// Threads: pure functions, safe on any thread.
// Failures: multipolygon_to_wkb cannot fail (it writes host byte order under
//   the little-endian flag: x86_64 and arm64 only). multipolygon_from_wkb fails
//   on a truncated header, ring or part ("truncated WKB ring"), a type other
//   than 3 or 6, a multipolygon part that is not a polygon; messages name no
//   row: the caller adds it with with_context(). Ring closure and coordinate
//   ranges are not checked. A damaged ring count is reserved before it is
//   read, so a corrupt blob may throw std::bad_alloc rather than fail.
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
