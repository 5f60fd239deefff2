#pragma once
// Offer gaps: places inside a destination perimeter where a family that
// matters to an audience is absent or too far, as scored hexagonal cells and
// as ranked gap zones.
//
// Method:
//  1. The metric CRS is chosen for the perimeter (choose_metric_crs); the
//     perimeter is projected and covered by a hexagonal lattice (hex_grid.hpp)
//     of spacing cell_m; the cells are those whose centre lies inside it.
//  2. Items count when their audience weight is > 0 (item_weight: a family
//     weight of 0 or a season with no opening excludes them) and they lie
//     within reach_m of the perimeter's bounding box, reach_m = 3 × the largest
//     acceptable distance (the score saturates at 2 ×, see 3). Items outside
//     the perimeter count: a hotel over the border still serves.
//  3. Per cell and family f with audience weight w_f > 0: d = distance in
//     metres from the cell centre to the nearest counted item of f (k-d tree,
//     kd_tree.hpp; +∞ when none is within reach), d_ok = acceptable_m[f], and
//        score_f = w_f × min(1, (d − d_ok) / d_ok)   when d > d_ok, else 0.
//     So a family is a gap from d_ok on, reaching its full weight at 2·d_ok.
//     The cell's gap family is the one with the highest score (ties: higher
//     weight, then family order); the cell is a gap cell when that score is
//     > min_score.
//  4. Gap cells that are hex neighbours and share their gap family are merged
//     (union-find) into gap zones; a zone's polygon is the GEOS union of its
//     hexagons; its score is the mean score of its cells; zones are ranked by
//     score × area_km2 (descending). A zone is named after the commune holding
//     most of its cell centres, when communes are given.
// CRS / units: input and output geometry in WGS 84 lon/lat degrees (rings
//   closed, RFC 7946 orientation); distances in metres and cell geometry in
//   the metric CRS; areas in km² (geodesic for zones, planar cell area × count
//   for cells).
// Threads: per-cell distances and per-zone unions run in parallel (TBB, one
//   GEOS context per worker); the call is pure and may run on any thread.
// Failures: empty or unprojectable perimeter, cell_m or an acceptable distance
//   not a finite number > 0, min_score < 0, more than max_cells cells
//   (the message names cell_m and the count), GEOS errors.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "geo/analysis/audience.hpp"
#include "geo/analysis/hex_grid.hpp"
#include "geo/core/coords.hpp"
#include "geo/core/error.hpp"
#include "geo/core/geometry.hpp"
#include "geo/core/offer.hpp"

namespace geo {

struct GapParams {
    double cell_m = 2'000.0;                          // hex centre spacing, metres
    std::array<double, kFamilyCount> acceptable_m{};  // by Family index; see load_gap_defaults()
    double min_score = 0.0;                           // a cell is a gap when its score > this
    std::size_t max_cells = 2'000'000;                // refuse finer grids than this
    bool cell_polygons = true;                        // fill GapCell::hexagon (WGS 84)
};

struct GapCell {
    HexIndex hex;                                   // lattice index (GapResult::lattice)
    Projected centre;                               // metric CRS
    LonLat centre_lonlat;                           // WGS 84
    Ring hexagon;                                   // WGS 84, closed, counter-clockwise (empty unless cell_polygons)
    std::array<double, kFamilyCount> distance_m{};  // +∞ when no item within reach
    std::array<double, kFamilyCount> score{};       // 0 for families of weight 0
    std::optional<Family> gap_family;               // dominant gap; nullopt: no gap
    double gap_distance_m = 0.0;                    // distance for gap_family (0 when no gap)
    double gap_score = 0.0;                         // score of gap_family (0 when no gap)
    int zone = -1;                                  // index in GapResult::zones, -1 when no gap
};

struct GapZone {
    Family family = Family::services;
    MultiPolygon geometry;           // WGS 84, union of the cells' hexagons
    double area_km2 = 0.0;           // geodesic
    std::vector<std::size_t> cells;  // indices in GapResult::cells
    double score = 0.0;              // mean gap score of its cells
    double max_score = 0.0;
    double mean_distance_m = 0.0;  // mean distance to the family (finite ones)
    double max_distance_m = 0.0;   // +∞ when a cell has no item within reach
    double rank_value = 0.0;       // score × area_km2
    LonLat label_point;            // centre of the cell nearest to the zone's centroid
    std::string commune_name;      // "" when no communes were given or none holds it
    std::string commune_code;
    double commune_share = 0.0;  // share of the zone's cells in that commune
    int commune_count = 0;       // communes holding at least one of its cells
};

struct GapResult {
    std::string metric_crs;  // e.g. "EPSG:2154"
    double cell_m = 0.0;
    double cell_area_km2 = 0.0;  // planar, metric CRS
    HexLattice lattice{Projected{}, 1.0};
    std::array<double, kFamilyCount> acceptable_m{};
    std::array<double, kFamilyCount> family_weights{};  // the audience's
    double reach_m = 0.0;                               // item search reach beyond the perimeter's box
    std::size_t items_used = 0;                         // items counted (step 2)
    std::vector<GapCell> cells;                         // every cell of the perimeter, by row then column
    std::vector<GapZone> zones;                         // ranked, largest score × area first
};

// score_f of step 3 (exposed for tests and display).
double gap_score(double weight, double distance_m, double acceptable_m);

// Gaps of `items` for `audience` inside `perimeter` (WGS 84). `communes`
// (WGS 84 territories, any level) name the zones; may be empty.
Result<GapResult> compute_gaps(const MultiPolygon& perimeter, const std::vector<OfferItem>& items,
                               const Audience& audience, const GapParams& params,
                               const std::vector<Territory>& communes = {});

}  // namespace geo
