#pragma once
// Ranked target segments: every audience (cible) scored for our territory
// against competing territories on the same offer, and ranked, with the
// reasons as French and English sentences — the office "segments and ranks
// its markets" and keeps the ones where its offer is strongest.
//
// Per audience A (weights w = item_weight(A, item), audience.hpp):
//   our_fit_per_km2         Σ w of the items inside our territory / its area
//                           (compute_benchmark's audience_fit_per_km2)
//   competitors_fit_per_km2 unweighted mean of the competitors' same figure
//   fit_ratio               ours / that mean (nullopt when the mean is 0)
//   perimeter_area_km2,     the audience's destination perimeter at `level`
//   perimeter_share_inside  (AudiencePerimeter::run over every item given) and
//                           the share of its area inside our territory
//                           (border_report: planar km² in the metric CRS)
//   label_share             Σ w of our labelled items / Σ w of our items
//                           (items inside our territory, all roles)
//   gap_share               share of the perimeter's hexagonal cells that are
//                           gap cells (compute_gaps with `gaps`)
//   month_open_share[m]     Σ w of our attractions open in month m (unknown
//                           opening = all year) / Σ w of our attractions
//   months_covered          months of the audience's season (all 12 when it
//                           has none) whose open share ≥ season_open_share
//   score                   fit_index × (1 − gap_share)
//                           × (0.5 + 0.5 × perimeter_share_inside)
//                           × (0.5 + 0.5 × label_share)
//                           × (0.5 + 0.5 × months_covered / season_months)
//                           where fit_index = fit_ratio, or kFitIndexCap when
//                           the competitors have none and we have some, or 0.
// The offer density against the competitors drives the score; gaps cut it;
// a destination that lies outside our territory, an unlabelled offer or one
// closed for most of the season halve it at worst.
// Ranking: score descending, then priority (1 first), then id; rank from 1.
// Sentences: "Œnotourisme : 1,8 × l'adéquation des concurrents, 12 % de
//   manques, 64 % du périmètre chez nous, 35 % labellisé, 9 mois sur 12" /
//   "Wine tourism: 1.8 × the competitors' fit, 12% gaps, 64% of the perimeter
//   in our territory, 35% labelled, 9 of 12 months"; then the audience's first
//   benchmark strength and weakness (benchmark_text.hpp), when there are some.
// Threads: reads the use case's items and inverse-projects with its PROJ
//   context: call from the thread that owns `use_case` (like run()).
// Failures: no audience, no competitor, a territory without polygon or area
//   (compute_benchmark), perimeter or gap errors — each prefixed with the
//   audience id. An audience with no attraction of positive weight fails its
//   perimeter and so fails the call (the message names it).
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "geo/analysis/audience.hpp"
#include "geo/analysis/audience_perimeter.hpp"
#include "geo/analysis/gaps.hpp"
#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"

namespace geo {

inline constexpr double kFitIndexCap = 10.0;

struct SegmentParams {
    double level = 0.8;  // perimeter level (share of the weighted offer)
    GapParams gaps;      // cell_m and acceptable_m (load_gap_defaults()); cell_polygons is ignored
    double season_open_share = 0.5;
};

// One audience to score, and where it came from.
struct SegmentAudience {
    Audience audience;
    std::string origin = "preset";  // "preset" | "catalogue"
};

struct SegmentScore {
    std::string audience_id;
    std::string name_fr;
    std::string name_en;
    std::string origin;
    int priority = 0;
    double our_fit_per_km2 = 0.0;
    double competitors_fit_per_km2 = 0.0;
    std::optional<double> fit_ratio;
    double perimeter_area_km2 = 0.0;
    double perimeter_share_inside = 0.0;
    double label_share = 0.0;
    double gap_share = 0.0;
    std::size_t gap_cells = 0;
    std::size_t perimeter_cells = 0;
    std::size_t gap_zones = 0;
    std::array<double, 12> month_open_share{};
    int months_covered = 0;
    int season_months = 12;
    double score = 0.0;
    int rank = 0;
    std::string text_fr;  // the summary sentence
    std::string text_en;
    std::vector<std::string> reasons_fr;  // summary, then strength and weakness
    std::vector<std::string> reasons_en;
};

struct SegmentsResult {
    std::string metric_crs;  // of the territories' areas
    std::string territory;   // our territory's name
    std::vector<std::string> competitors;
    double level = 0.8;
    std::vector<SegmentScore> segments;  // ranked
};

Result<SegmentsResult> compute_segments(const AudiencePerimeter& use_case, const Territory& ours,
                                        const std::vector<Territory>& competitors,
                                        const std::vector<SegmentAudience>& audiences, const SegmentParams& params);

// The score formula of the header comment (exposed for tests and display).
double segment_score(const SegmentScore& s);

}  // namespace geo
