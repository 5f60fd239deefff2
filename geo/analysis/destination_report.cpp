#include "geo/analysis/destination_report.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

namespace geo {
namespace {

const SegmentAudience* find_audience(const std::vector<SegmentAudience>& audiences, const std::string& id) {
    for (const SegmentAudience& a : audiences)
        if (a.audience.id == id) return &a;
    return nullptr;
}

// The heaviest `max_points` items that shaped the perimeter (all when fewer).
void keep_attractions(const AudiencePerimeterRun& run, const std::vector<OfferItem>& items, std::size_t max_points,
                      ReportTarget& target) {
    std::vector<std::size_t> shaping;
    for (std::size_t i = 0; i < run.perimeter_weights.size(); ++i)
        if (run.perimeter_weights[i] > 0.0) shaping.push_back(i);
    if (shaping.size() > max_points) {
        std::stable_sort(shaping.begin(), shaping.end(), [&](std::size_t a, std::size_t b) {
            return run.perimeter_weights[a] > run.perimeter_weights[b];
        });
        shaping.resize(max_points);
        std::sort(shaping.begin(), shaping.end());
    }
    for (std::size_t i : shaping) {
        target.attractions.push_back(items[i].position);
        target.attraction_weights.push_back(run.perimeter_weights[i]);
    }
}

Result<ReportTarget> detail_target(const AudiencePerimeter& use_case, const DestinationReport& report,
                                   const Audience& audience, const std::vector<Territory>& communes,
                                   const ReportRequest& request) {
    const std::vector<OfferItem>& items = use_case.items();
    ReportTarget target;
    target.audience = audience;
    for (const SegmentScore& s : report.segments.segments)
        if (s.audience_id == audience.id) target.segment = s;
    auto run = use_case.run(audience, report.perimeter_params, true);
    if (!run) return tl::unexpected(run.error());
    if (run->result.levels.empty() || run->stats.levels.empty()) return fail_fmt("the perimeter has no level");
    target.perimeter = run->result.levels.front();
    target.stats = run->stats.levels.front();
    target.bandwidth_m = run->result.bandwidth_m;
    target.sigma_m = run->result.bandwidth.sigma_m;
    target.bandwidth_selector = std::string(bandwidth_selector_id(run->result.bandwidth.selector));

    auto benchmark = compute_benchmark(report.ours, report.competitors, items, audience, request.benchmark);
    if (!benchmark) return tl::unexpected(benchmark.error());
    target.benchmark = std::move(*benchmark);

    auto gaps = compute_gaps(target.perimeter.geometry, items, audience, report.gap_params, communes);
    if (!gaps) return tl::unexpected(gaps.error());
    target.gap_zone_count = gaps->zones.size();
    const std::size_t zones = std::min(request.max_gap_zones, gaps->zones.size());
    target.gap_zones.assign(std::make_move_iterator(gaps->zones.begin()),
                            std::make_move_iterator(gaps->zones.begin() + static_cast<std::ptrdiff_t>(zones)));

    auto actors = compute_actors(*run, items);
    if (!actors) return tl::unexpected(actors.error());
    target.producer_count = actors->producers.size();
    if (actors->producers.size() > request.max_partners) actors->producers.resize(request.max_partners);
    // The labelled operators that matter to this audience first.
    std::stable_sort(actors->labelled.begin(), actors->labelled.end(),
                     [](const LabelledOperators& a, const LabelledOperators& b) {
                         return a.weighted_item_count > b.weighted_item_count;
                     });
    if (actors->labelled.size() > request.max_partners) actors->labelled.resize(request.max_partners);
    target.actors = std::move(*actors);

    keep_attractions(*run, items, request.max_map_points, target);
    return target;
}

void add_sources(const std::vector<OfferItem>& items, const std::vector<double>& weights, std::set<std::string>& used) {
    for (std::size_t i = 0; i < items.size() && i < weights.size(); ++i)
        if (weights[i] > 0.0) used.insert(items[i].source);
}

}  // namespace

Result<DestinationReport> compute_destination_report(const AudiencePerimeter& use_case, const Territory& ours,
                                                     const std::vector<Territory>& competitors,
                                                     const std::vector<SegmentAudience>& audiences,
                                                     const std::vector<Territory>& communes,
                                                     const ReportRequest& request) {
    if (request.targets.empty()) return fail_fmt("report: give at least one target audience");
    std::vector<const Audience*> targets;
    for (const std::string& id : request.targets) {
        const SegmentAudience* a = find_audience(audiences, id);
        if (a == nullptr) return fail_fmt("report: target \"{}\" is not among the audiences scored", id);
        targets.push_back(&a->audience);
    }
    DestinationReport report;
    report.cover = request.cover;
    if (report.cover.destination.empty()) report.cover.destination = ours.name;
    report.date = request.date;
    report.catalogue_name = request.catalogue_name;
    report.ours = ours;
    report.competitors = competitors;
    report.perimeter_params.levels = {request.segments.level};
    report.gap_params = request.segments.gaps;
    report.gap_params.cell_polygons = true;

    auto segments = compute_segments(use_case, ours, competitors, audiences, request.segments);
    if (!segments) return tl::unexpected(segments.error());
    report.segments = std::move(*segments);

    for (const Audience* audience : targets) {
        auto target = detail_target(use_case, report, *audience, communes, request);
        if (!target) return fail_fmt("report: target {}: {}", audience->id, target.error().message);
        add_sources(use_case.items(), item_weights(*audience, use_case.items()), report.used_sources);
        report.targets.push_back(std::move(*target));
    }
    report.used_sources.insert(ours.source);
    for (const Territory& t : competitors) report.used_sources.insert(t.source);
    report.used_sources.erase("");
    return report;
}

}  // namespace geo
