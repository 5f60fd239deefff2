#pragma once
// Gap zones from scored gap cells (steps 4 of gaps.hpp): union-find of hex
// neighbours sharing a gap family, GEOS union of their hexagons, statistics,
// ranking, and naming after communes. Used by compute_gaps(); exposed for
// tests.
// CRS: cells and lattice in the metric CRS of `projector`; zone geometry
//   returned in WGS 84 (closed rings, RFC 7946 orientation).
// Threads: zone unions run in parallel (TBB, one GEOS context per worker);
//   `projector` is used on the calling thread only.
// Failures: GEOS or PROJ errors (with their message).
#include <vector>

#include "geo/analysis/gaps.hpp"
#include "geo/crs/metric_crs.hpp"

namespace geo {

// Zones of `cells` (gap_family set), ranked by score × area, largest first;
// sets each cell's `zone`. Cells must lie in [0, cols) x [0, rows).
Result<std::vector<GapZone>> build_gap_zones(const Projector& projector, const HexLattice& lattice, int cols, int rows,
                                             std::vector<GapCell>& cells);

// Names each zone after the commune holding most of its cell centres (even-odd
// point in polygon in the metric CRS). Communes whose box misses `box`
// (WGS 84, the perimeter's) are skipped.
Result<void> name_gap_zones(const Projector& projector, const std::vector<Territory>& communes, const LonLatBox& box,
                            const std::vector<GapCell>& cells, std::vector<GapZone>& zones);

}  // namespace geo
