#pragma once
// Comparison of two destination perimeters A and B (two audiences, or two
// parameter sets): areas, overlap and the offer items one holds and the other
// does not.
//
// Units and CRS: inputs are WGS 84; areas are planar km² in the metric CRS
//   chosen for the union of both perimeters (metric_overlay.hpp), so that
//   intersection, union and Jaccard = intersection / union are consistent.
// Items: an item counts when its weight is positive for A or for B (an item
//   neither audience values is not part of either offer). "Gained" items lie
//   inside B and not inside A, "lost" items inside A and not inside B
//   (offer_inside.hpp: boundary counts as inside); lists are sorted by
//   descending max(weight_a, weight_b), then name.
// captured_share_a/_b: share of each audience's weighted offer inside its own
//   perimeter; b_offer_in_a / a_offer_in_b: share of one audience's weighted
//   offer that the other perimeter holds.
// Pure: inputs const&, result by value; thread-safe (own GEOS context).
// Failures: sizes differ, weights negative or not finite, polygons GEOS or PROJ
//   reject. Two empty perimeters compare with Jaccard 1 (identical).
#include <cstdint>
#include <string>
#include <vector>

#include "geo/analysis/offer_inside.hpp"
#include "geo/core/error.hpp"
#include "geo/core/geometry.hpp"
#include "geo/core/offer.hpp"

namespace geo {

struct ComparedItem {
    std::int64_t id = 0;  // catalogue row id
    std::string name;
    Family family = Family::services;
    LonLat position;
    double weight_a = 0.0;
    double weight_b = 0.0;
};

struct PerimeterComparison {
    std::string metric_crs;
    double area_a_km2 = 0.0;
    double area_b_km2 = 0.0;
    double intersection_km2 = 0.0;
    double union_km2 = 0.0;
    double jaccard = 0.0;               // intersection / union, in [0, 1]
    std::int64_t items_considered = 0;  // positive weight for A or B
    std::int64_t items_in_a = 0;
    std::int64_t items_in_b = 0;
    std::int64_t items_in_both = 0;
    double captured_share_a = 0.0;     // A's weighted offer inside A
    double captured_share_b = 0.0;     // B's weighted offer inside B
    double a_offer_in_b = 0.0;         // A's weighted offer inside B
    double b_offer_in_a = 0.0;         // B's weighted offer inside A
    FamilyCounts gained_per_family{};  // inside B, not A
    FamilyCounts lost_per_family{};    // inside A, not B
    std::vector<ComparedItem> gained;
    std::vector<ComparedItem> lost;
};

Result<PerimeterComparison> compare_perimeters(const MultiPolygon& a, const MultiPolygon& b,
                                               const std::vector<OfferItem>& items,
                                               const std::vector<double>& weights_a,
                                               const std::vector<double>& weights_b);

}  // namespace geo
