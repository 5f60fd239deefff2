#pragma once
// Competitor benchmark: indicators per territory and family, our territory
// against the competitors' mean, strengths, weaknesses and competitive gaps
// as French and English sentences.
//
// Indicators per territory × family (items are assigned to a territory when
// their position intersects its polygon, tested in lon/lat as RFC 7946 draws
// edges, with GEOS prepared geometries; an item may count in several
// overlapping territories):
//   item_count            items of the family inside
//   density_per_100km2    item_count / area_km2 × 100
//   labelled_share        share of those items with at least one label, in [0, 1]
//   diversity_shannon     Shannon index H = −Σ p_s ln p_s over subtypes s (an item
//                         with k subtypes adds 1/k to each; items without one
//                         form one "unspecified" class); 0 for 0 or 1 class
//   audience_fit_per_km2  Σ item_weight(audience, item) / area_km2
//   priced_count, median_price_eur   items with a known price (min_price_eur)
//                         and the median of those prices (the mean of the two
//                         middle ones for an even count); nullopt without any.
//                         The same per subtype (an item counts in each of its
//                         subtypes) in TerritoryIndicators::subtype_prices.
// Areas are planar in the metric CRS chosen for all territories together
// (choose_metric_crs: Lambert-93 in metropolitan France, else UTM), km².
// Comparison per family: competitors' mean = unweighted mean of each
// competitor's density (prices: of the competitors' medians, those that have
// one; price_ratio = our median / that mean); ratio = our density / that mean (nullopt when the
// mean is 0). Strengths: families the audience weighs > 0 with ratio ≥
// strength_ratio (or ours > 0 and the competitors' 0); weaknesses: ratio ≤
// weakness_ratio; both ranked by what they mean to the audience, family
// weight × |ln ratio| (an offer absent at the competitors first); at most
// max_statements each. Competitive gaps: every family whose competitors' mean density exceeds
// ours, the largest audience-weighted shortfall first.
// Sentences: "Patrimoine : 2,1 × la moyenne des concurrents" /
// "Heritage: 2.1 × the competitors' average" (one decimal, French decimal comma);
// competitive gaps: "Hébergement : 3,2 éléments pour 100 km² chez les
// concurrents contre 2,1 chez nous" (two decimals when a density is below 1).
// Pure: inputs const&, result by value; thread-safe.
// Failures: no competitor, a territory with an empty or unprojectable polygon
// or a zero area (named), GEOS errors.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "geo/analysis/audience.hpp"
#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"

namespace geo {

struct BenchmarkParams {
    int max_statements = 3;
    double strength_ratio = 1.1;
    double weakness_ratio = 0.9;
};

struct FamilyIndicators {
    std::int64_t item_count = 0;
    double density_per_100km2 = 0.0;
    double labelled_share = 0.0;
    double diversity_shannon = 0.0;
    double audience_fit_per_km2 = 0.0;
    std::optional<double> density_ratio;  // density / competitors' mean density
    std::int64_t priced_count = 0;
    std::optional<double> median_price_eur;
};

// Prices of one subtype inside one territory.
struct SubtypePrices {
    Family family = Family::services;
    std::int64_t priced_count = 0;
    double median_price_eur = 0.0;
};

struct TerritoryIndicators {
    Territory territory;  // as given (geometry kept for export and display)
    bool ours = false;
    double area_km2 = 0.0;
    std::int64_t item_count = 0;                            // all families
    double audience_fit_per_km2 = 0.0;                      // all families
    std::array<FamilyIndicators, kFamilyCount> families{};  // by Family index
    std::map<std::string, SubtypePrices> subtype_prices;    // subtype id → prices (priced subtypes only)
};

struct FamilyComparison {
    Family family = Family::services;
    double audience_weight = 0.0;
    double our_density_per_100km2 = 0.0;
    double competitors_mean_density_per_100km2 = 0.0;
    std::optional<double> ratio;                         // ours / competitors' mean
    std::optional<double> fit_ratio;                     // same for audience_fit_per_km2
    int competitors_ahead = 0;                           // competitors with a higher density than ours
    bool competitive_gap = false;                        // competitors' mean density > ours
    std::optional<double> competitors_median_price_eur;  // mean of the competitors' medians
    std::optional<double> price_ratio;                   // our median / that mean
};

struct SubtypePriceComparison {
    std::string subtype;
    Family family = Family::services;
    std::optional<double> our_median_price_eur;
    std::optional<double> competitors_median_price_eur;  // mean of their medians
    std::optional<double> price_ratio;
};

struct BenchmarkStatement {
    Family family = Family::services;
    std::optional<double> ratio;
    std::string text_fr;
    std::string text_en;
};

struct BenchmarkResult {
    std::string metric_crs;  // where areas were measured, e.g. "EPSG:2154"
    std::string audience_id;
    std::vector<TerritoryIndicators> territories;           // [0] ours, then the competitors in order
    std::array<FamilyComparison, kFamilyCount> families{};  // by Family index
    std::vector<BenchmarkStatement> strengths;
    std::vector<BenchmarkStatement> weaknesses;
    std::vector<BenchmarkStatement> competitive_gaps;
    std::vector<SubtypePriceComparison> subtype_prices;  // every subtype priced somewhere, by family then id
};

// The median of `values` (sorted in place); nullopt when empty.
std::optional<double> median(std::vector<double>& values);

// Formats x with `decimals` decimals and a decimal comma: 2.14 → "2,1".
std::string format_decimal_fr(double x, int decimals);

Result<BenchmarkResult> compute_benchmark(const Territory& ours, const std::vector<Territory>& competitors,
                                          const std::vector<OfferItem>& items, const Audience& audience,
                                          const BenchmarkParams& params = {});

}  // namespace geo
