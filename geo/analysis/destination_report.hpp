#pragma once
// The destination report (contrat de destination / plateforme de marque):
// everything the office's deliverable states, computed on one item set —
// the ranked target segments, and for each target the office chose its
// destination perimeter, key figures, partners to federate, strengths and
// weaknesses against the competitors (with the radar's ratios), the top offer
// gaps, then the sources and parameters. The document (report_document.hpp)
// lays this out; report_html.hpp and the PDF writer (app/print) draw it.
//
// Per target (an audience id given in ReportRequest::targets, in that order):
//   segment     its row of compute_segments (all audiences ranked)
//   perimeter   AudiencePerimeter::run at segments.level, first level: its
//               polygons (WGS 84), geodesic area and statistics
//   benchmark   compute_benchmark(ours, competitors, items, audience)
//   gaps        compute_gaps in that perimeter (communes name the zones):
//               the gap-zone count and the first max_gap_zones zones (ranked)
//   actors      compute_actors on the same run: territories crossed,
//               producers and labelled operators (lists cut to max_partners;
//               labelled groups by items weighted for the audience first)
//   attractions the positions of the items that shaped the perimeter (for
//               the map), the max_map_points heaviest when there are more
// Sources: the keys of the sources that contributed (items of positive weight
//   for a target, our territory, the competitors); report_document.hpp looks
//   up their licences and import dates in the catalogue's sources.
// Threads: uses `use_case` (its PROJ context) on the calling thread, like
//   AudiencePerimeter::run; everything else is pure.
// Failures: no target, a target id that is not among `audiences`, and the
//   errors of compute_segments, run, compute_benchmark, compute_gaps and
//   compute_actors, each prefixed with the target's id.
#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "geo/analysis/actors.hpp"
#include "geo/analysis/audience_perimeter.hpp"
#include "geo/analysis/benchmark.hpp"
#include "geo/analysis/gaps.hpp"
#include "geo/analysis/segments.hpp"

namespace geo {

// What the user writes on the cover: the destination's brand.
struct ReportCover {
    std::string destination;  // empty: our territory's name
    std::string slogan;       // optional
    std::string promise;      // optional
};

struct ReportRequest {
    ReportCover cover;
    std::vector<std::string> targets;  // audience ids detailed, in this order (≥ 1)
    SegmentParams segments;            // level and gap parameters (segment_defaults())
    BenchmarkParams benchmark;
    std::size_t max_gap_zones = 5;
    std::size_t max_partners = 8;       // producers and labelled groups listed per target
    std::size_t max_map_points = 4000;  // attraction dots per map
    std::string date;                   // "2026-12-07" (the caller's clock)
    std::string catalogue_name;         // as the provenance shows it
};

struct ReportTarget {
    SegmentScore segment;
    Audience audience;
    PerimeterLevel perimeter;  // at segments.level
    PerimeterLevelStats stats;
    double bandwidth_m = 0.0;        // the kernel's own unit (quartic radius or Gaussian σ)
    double sigma_m = 0.0;            // the equivalent Gaussian σ
    std::string bandwidth_selector;  // "plugin", …
    BenchmarkResult benchmark;
    std::size_t gap_zone_count = 0;
    std::vector<GapZone> gap_zones;  // the first max_gap_zones, ranked
    ActorsResult actors;             // producers and labelled cut to max_partners
    std::size_t producer_count = 0;  // before the cut
    std::vector<LonLat> attractions;
    std::vector<double> attraction_weights;
};

struct DestinationReport {
    ReportCover cover;  // destination filled
    std::string date;
    std::string catalogue_name;
    Territory ours;
    std::vector<Territory> competitors;
    SegmentsResult segments;
    std::vector<ReportTarget> targets;
    std::set<std::string> used_sources;  // source keys
    PerimeterParams perimeter_params;
    GapParams gap_params;
};

// `use_case` must hold the catalogue's territories (the border report and the
// actors read them); `communes` name the gap zones (may be empty).
Result<DestinationReport> compute_destination_report(const AudiencePerimeter& use_case, const Territory& ours,
                                                     const std::vector<Territory>& competitors,
                                                     const std::vector<SegmentAudience>& audiences,
                                                     const std::vector<Territory>& communes,
                                                     const ReportRequest& request);

}  // namespace geo
