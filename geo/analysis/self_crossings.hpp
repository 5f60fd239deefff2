#pragma once
// Counts the proper crossings between the edges of a set of rings, stopping
// once `limit` is passed: a budget check before a validity repair (GEOS
// MakeValid on a 1,001-vertex star with 250,000 crossings runs for minutes
// and takes gigabytes). Coordinates in any planar units (degrees are fine:
// only signs of cross products matter). Edges that share an endpoint in the
// same ring (neighbours) are not compared. Uniform-grid buckets, so a
// polygon with few crossings costs about O(n); the work is capped too (at
// most kMaxCellEntries bucket entries), and a polygon over the cap counts
// as over the limit. Pure, thread-safe.
// Failures: none; empty rings count no crossing.
#include <cstddef>
#include <vector>

#include "geo/core/coords.hpp"

namespace geo {

inline constexpr std::size_t kMaxCellEntries = std::size_t{4} << 20;

// Rings are closed or not (a closing edge is added when last != first).
// Returns min(crossings, limit + 1).
std::size_t count_self_crossings(const std::vector<std::vector<LonLat>>& rings, std::size_t limit);

}  // namespace geo
