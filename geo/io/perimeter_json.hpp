#pragma once
// JSON forms of perimeter results, shared by the command line (--json, GeoJSON
// properties) and the catalogue (StoredPerimeter::stats_json / params_json).
//
// Field names carry their units (area_km2, bandwidth_m); shares are in [0, 1];
// per-family counts are objects keyed by family id ("heritage", …) in
// kAllFamilies order. Numbers are rounded for display: km² to 0.001, shares
// to 1e-6, metres to 0.1 (well inside the accuracy of the analyses).
// Pure functions, thread-safe; no failure modes.
#include <cstddef>

#include <nlohmann/json.hpp>

#include "geo/analysis/audience.hpp"
#include "geo/analysis/border_report.hpp"
#include "geo/analysis/offer_inside.hpp"
#include "geo/analysis/perimeter.hpp"
#include "geo/analysis/perimeter_compare.hpp"
#include "geo/analysis/perimeter_stats.hpp"

namespace geo {

nlohmann::json family_counts_json(const FamilyCounts& counts);

// What was computed and how: metric CRS, kernel, bandwidth and cell actually
// used (and whether the bandwidth came from the data), simplification, the
// requested levels and cleaning thresholds.
nlohmann::json perimeter_parameters_json(const PerimeterParams& requested, const PerimeterStats& used);

// One level's statistics.
nlohmann::json level_stats_json(const PerimeterLevelStats& level);

// The audience as provenance: id, names, priority, family weights, label and
// theme multipliers, season (the audience_to_json form).
nlohmann::json audience_provenance_json(const Audience& audience);

// Units with areas and shares, and per-level summaries (largest unit by name).
nlohmann::json border_report_json(const BorderReport& report);
// Units crossed per territory level: {"commune": 87, "departement": 2, …}.
nlohmann::json units_crossed_json(const BorderReport& report);

// Areas, overlap, counts and the gained / lost lists (at most max_listed
// items each; the counts always cover all of them).
nlohmann::json comparison_json(const PerimeterComparison& comparison, std::size_t max_listed = 1000);

}  // namespace geo
