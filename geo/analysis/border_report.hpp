#pragma once
// Border report: which territories (communes, EPCI, départements, regions,
// reference areas such as a Parc naturel régional…) a destination perimeter
// spans, i.e. which partners must be federated under one destination brand.
//
// For every territory the perimeter intersects: the intersected area, its
// share of the perimeter and its share of the territory; per territory level:
// the units crossed and the largest single-unit share of the perimeter.
// Units and CRS: inputs are WGS 84; areas are planar km² in the metric CRS
//   chosen for the perimeter (metric_overlay.hpp: Lambert-93 in metropolitan
//   France, else UTM), so that shares compare like with like; shares in [0, 1].
// Speed: territories are filtered by a GEOS STRtree over their lon/lat
//   envelopes, queried with each perimeter component's envelope; only those
//   candidates are projected and tested against the prepared perimeter, and a
//   unit lying wholly inside it skips the overlay. Hundreds of communes take a
//   few tens of milliseconds.
// Invalid territory polygons are made valid (GEOSMakeValid) before overlay.
// Pure: inputs const&, result by value; thread-safe (own GEOS context).
// Failures: a negative or non-finite min_intersection_km2, polygons GEOS or
//   PROJ reject (the message names the territory). An empty perimeter gives a
//   report with no unit.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/core/error.hpp"
#include "geo/core/geometry.hpp"
#include "geo/core/offer.hpp"

namespace geo {

struct BorderReportParams {
    std::vector<TerritoryLevel> levels;  // only these levels; empty: all
    // Intersections smaller than this are slivers (a perimeter running along a
    // boundary that two simplified layers draw slightly apart), not crossings.
    double min_intersection_km2 = 0.01;
};

struct BorderUnit {
    std::int64_t territory_id = 0;
    std::string name;
    std::string code;
    TerritoryLevel level = TerritoryLevel::reference;
    double intersection_km2 = 0.0;
    double unit_area_km2 = 0.0;
    double share_of_perimeter = 0.0;  // intersection / perimeter area
    double share_of_unit = 0.0;       // intersection / unit area
};

struct BorderLevelSummary {
    TerritoryLevel level = TerritoryLevel::reference;
    int units_given = 0;                 // territories of this level in the input
    int units_crossed = 0;               // of which the perimeter intersects
    double covered_share = 0.0;          // Σ shares of the perimeter (1 when the level tiles it)
    std::optional<std::size_t> largest;  // index in BorderReport::units
    double largest_share = 0.0;          // its share of the perimeter
};

struct BorderReport {
    std::string metric_crs;                  // where areas were measured
    double perimeter_area_km2 = 0.0;         // planar, metric CRS
    std::vector<BorderUnit> units;           // by level (enum order), then intersection descending
    std::vector<BorderLevelSummary> levels;  // each level present in the input, enum order
};

Result<BorderReport> border_report(const MultiPolygon& perimeter, const std::vector<Territory>& territories,
                                   const BorderReportParams& params = {});

}  // namespace geo
