#pragma once
// Statistics of a destination perimeter against the offer it was drawn from:
// per level, the items inside per family and the share of the audience-weighted
// offer captured, next to what compute_perimeter() measured (area, components,
// compactness, captured kernel-density mass) and the parameters it used.
//
// Units: areas in km² (geodesic, from compute_perimeter), bandwidth_m, cell_m
//   and simplify_m in metres of result.metric_crs; shares in [0, 1].
// Inside: an item lies inside a level when its position is inside the level's
//   WGS 84 polygons or on their boundary (offer_inside.hpp). Every item is
//   counted, whatever its weight; captured_offer_share weighs them:
//   Σ weights of the items inside / Σ weights of all items. It differs from
//   captured_mass_share (kernel-density mass) because kernels spread each item's
//   weight over a disc of radius bandwidth_m that the perimeter cuts.
// Pure: inputs const&, result by value; thread-safe.
// Failures: items and weights of different sizes, a weight negative or not
//   finite, a level geometry GEOS rejects.
#include <cstdint>
#include <string>
#include <vector>

#include "geo/analysis/offer_inside.hpp"
#include "geo/analysis/perimeter.hpp"
#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"

namespace geo {

struct PerimeterLevelStats {
    double level = 0.0;
    double area_km2 = 0.0;
    int components = 0;
    double compactness = 0.0;           // Polsby-Popper, 1 for a disc
    double simplify_m = 0.0;            // simplification tolerance applied
    double captured_mass_share = 0.0;   // of the density grid
    double captured_offer_share = 0.0;  // of the audience-weighted offer
    double weight_inside = 0.0;
    std::int64_t items_inside = 0;           // all items, whatever their weight
    std::int64_t weighted_items_inside = 0;  // items with a positive weight
    FamilyCounts items_inside_per_family{};
};

struct PerimeterStats {
    std::string metric_crs;
    Kernel kernel = Kernel::quartic;
    double bandwidth_m = 0.0;  // used
    bool bandwidth_from_data = false;
    BandwidthSelection bandwidth;  // how it was chosen (bandwidth.hpp)
    double cell_m = 0.0;           // used
    double simplify_m = 0.0;       // asked for (or its default); per level: what was applied
    double total_weight = 0.0;
    std::int64_t items_total = 0;
    std::int64_t weighted_items = 0;  // items with a positive weight
    FamilyCounts items_per_family{};
    std::vector<PerimeterLevelStats> levels;  // ascending level, as in the result
};

// `items` and `weights` are those the perimeter was computed from (same
// order); zero weights are allowed.
Result<PerimeterStats> perimeter_stats(const PerimeterResult& perimeter, const std::vector<OfferItem>& items,
                                       const std::vector<double>& weights);

}  // namespace geo
