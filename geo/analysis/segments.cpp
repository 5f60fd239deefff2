#include "geo/analysis/segments.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include <fmt/format.h>

#include "geo/analysis/benchmark.hpp"
#include "geo/analysis/border_report.hpp"
#include "geo/analysis/offer_inside.hpp"

namespace geo {
namespace {

int percent(double share) {
    return static_cast<int>(std::lround(share * 100.0));
}

// Σ w of our items (label share) and of our attractions per month (seasonality).
void weigh_our_offer(const Audience& audience, const std::vector<OfferItem>& items, const std::vector<double>& weights,
                     const std::vector<std::uint8_t>& ours, const SegmentParams& params, SegmentScore& s) {
    double all = 0.0, labelled = 0.0, attractions = 0.0;
    std::array<double, 12> open{};
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (ours[i] == 0 || !(weights[i] > 0.0)) continue;
        all += weights[i];
        if (!items[i].labels.empty()) labelled += weights[i];
        if (item_role(audience, items[i]) != OfferRole::attraction) continue;
        attractions += weights[i];
        const MonthMask months = items[i].opening_months == 0 ? kAllMonths : items[i].opening_months;
        for (int m = 0; m < 12; ++m)
            if ((months & (1U << m)) != 0) open[static_cast<std::size_t>(m)] += weights[i];
    }
    s.label_share = all > 0.0 ? labelled / all : 0.0;
    const MonthMask season = audience.season == 0 ? kAllMonths : audience.season;
    s.season_months = std::popcount(static_cast<unsigned>(season));
    s.months_covered = 0;
    for (int m = 0; m < 12; ++m) {
        const auto k = static_cast<std::size_t>(m);
        s.month_open_share[k] = attractions > 0.0 ? open[k] / attractions : 0.0;
        if ((season & (1U << m)) != 0 && attractions > 0.0 && s.month_open_share[k] >= params.season_open_share)
            ++s.months_covered;
    }
}

void write_sentences(const BenchmarkResult& bench, SegmentScore& s) {
    const std::string fit_fr = s.fit_ratio ? format_decimal_fr(*s.fit_ratio, 1) + " × l'adéquation des concurrents"
                                           : std::string("offre absente chez les concurrents");
    const std::string fit_en =
        s.fit_ratio ? fmt::format("{:.1f} × the competitors' fit", *s.fit_ratio) : "no such offer at the competitors";
    s.text_fr = fmt::format("{} : {}, {} % de manques, {} % du périmètre chez nous, {} % labellisé, {} mois sur {}",
                            s.name_fr, fit_fr, percent(s.gap_share), percent(s.perimeter_share_inside),
                            percent(s.label_share), s.months_covered, s.season_months);
    s.text_en = fmt::format("{}: {}, {}% gaps, {}% of the perimeter in our territory, {}% labelled, {} of {} months",
                            s.name_en, fit_en, percent(s.gap_share), percent(s.perimeter_share_inside),
                            percent(s.label_share), s.months_covered, s.season_months);
    s.reasons_fr = {s.text_fr};
    s.reasons_en = {s.text_en};
    for (const auto* list : {&bench.strengths, &bench.weaknesses})
        if (!list->empty()) {
            const char* kind_fr = list == &bench.strengths ? "Force" : "Faiblesse";
            const char* kind_en = list == &bench.strengths ? "Strength" : "Weakness";
            s.reasons_fr.push_back(fmt::format("{} — {}", kind_fr, list->front().text_fr));
            s.reasons_en.push_back(fmt::format("{} — {}", kind_en, list->front().text_en));
        }
}

Result<SegmentScore> score_audience(const AudiencePerimeter& use_case, const Territory& ours,
                                    const std::vector<Territory>& competitors, const SegmentAudience& input,
                                    const std::vector<std::uint8_t>& inside_ours, const SegmentParams& params,
                                    std::string& metric_crs) {
    const Audience& audience = input.audience;
    const std::vector<OfferItem>& items = use_case.items();
    SegmentScore s;
    s.audience_id = audience.id;
    s.name_fr = audience.name_fr;
    s.name_en = audience.name_en;
    s.origin = input.origin;
    s.priority = audience.priority;

    auto bench = compute_benchmark(ours, competitors, items, audience);
    if (!bench) return tl::unexpected(bench.error());
    metric_crs = bench->metric_crs;
    s.our_fit_per_km2 = bench->territories.front().audience_fit_per_km2;
    double sum = 0.0;
    for (std::size_t t = 1; t < bench->territories.size(); ++t) sum += bench->territories[t].audience_fit_per_km2;
    s.competitors_fit_per_km2 = sum / static_cast<double>(bench->territories.size() - 1);
    if (s.competitors_fit_per_km2 > 0.0) s.fit_ratio = s.our_fit_per_km2 / s.competitors_fit_per_km2;

    PerimeterParams pp;
    pp.levels = {params.level};
    auto run = use_case.run(audience, pp, false);
    if (!run) return tl::unexpected(run.error());
    const MultiPolygon& perimeter = run->result.levels.front().geometry;
    auto borders = border_report(perimeter, {ours});
    if (!borders) return tl::unexpected(borders.error());
    s.perimeter_area_km2 = borders->perimeter_area_km2;
    for (const BorderUnit& u : borders->units) s.perimeter_share_inside += u.share_of_perimeter;
    s.perimeter_share_inside = std::min(1.0, s.perimeter_share_inside);

    GapParams gp = params.gaps;
    gp.cell_polygons = false;
    auto gaps = compute_gaps(perimeter, items, audience, gp);
    if (!gaps) return tl::unexpected(gaps.error());
    s.perimeter_cells = gaps->cells.size();
    s.gap_cells = static_cast<std::size_t>(std::count_if(gaps->cells.begin(), gaps->cells.end(),
                                                         [](const GapCell& c) { return c.gap_family.has_value(); }));
    s.gap_share =
        s.perimeter_cells > 0 ? static_cast<double>(s.gap_cells) / static_cast<double>(s.perimeter_cells) : 0.0;
    s.gap_zones = gaps->zones.size();

    weigh_our_offer(audience, items, run->offer_weights, inside_ours, params, s);
    s.score = segment_score(s);
    write_sentences(*bench, s);
    return s;
}

}  // namespace

double segment_score(const SegmentScore& s) {
    const double fit_index = s.fit_ratio ? *s.fit_ratio : (s.our_fit_per_km2 > 0.0 ? kFitIndexCap : 0.0);
    const double season = s.season_months > 0 ? static_cast<double>(s.months_covered) / s.season_months : 0.0;
    return fit_index * (1.0 - s.gap_share) * (0.5 + 0.5 * s.perimeter_share_inside) * (0.5 + 0.5 * s.label_share) *
           (0.5 + 0.5 * season);
}

Result<SegmentsResult> compute_segments(const AudiencePerimeter& use_case, const Territory& ours,
                                        const std::vector<Territory>& competitors,
                                        const std::vector<SegmentAudience>& audiences, const SegmentParams& params) {
    if (audiences.empty()) return fail_fmt("segments: no audience to score");
    if (competitors.empty()) return fail_fmt("segments: no competitor territory to compare with");
    auto inside = points_inside(ours.geometry, item_positions(use_case.items()));
    if (!inside) return tl::unexpected(inside.error().with_context_fmt("segments: territory \"{}\"", ours.name));

    SegmentsResult out;
    out.territory = ours.name;
    for (const Territory& t : competitors) out.competitors.push_back(t.name);
    out.level = params.level;
    for (const SegmentAudience& a : audiences) {
        auto s = score_audience(use_case, ours, competitors, a, *inside, params, out.metric_crs);
        if (!s) return tl::unexpected(s.error().with_context_fmt("segments: audience {}", a.audience.id));
        out.segments.push_back(std::move(*s));
    }
    std::stable_sort(out.segments.begin(), out.segments.end(), [](const SegmentScore& a, const SegmentScore& b) {
        if (a.score != b.score) return a.score > b.score;
        if (a.priority != b.priority) return a.priority < b.priority;
        return a.audience_id < b.audience_id;
    });
    for (std::size_t i = 0; i < out.segments.size(); ++i) out.segments[i].rank = static_cast<int>(i) + 1;
    return out;
}

}  // namespace geo
