#include "geo/analysis/benchmark.hpp"

#include <cmath>
#include <map>

#include <fmt/format.h>

#include "geo/analysis/benchmark_prices.hpp"
#include "geo/analysis/benchmark_text.hpp"
#include "geo/analysis/geos_convert.hpp"
#include "geo/analysis/project_geometry.hpp"
#include "geo/crs/metric_crs.hpp"

namespace geo {
namespace {

std::string describe(const Territory& t) {
    return fmt::format("territory \"{}\" ({}{}{})", t.name, territory_level_id(t.level), t.code.empty() ? "" : ":",
                       t.code);
}

// Per family: what is summed over the items inside one territory.
struct FamilyTally {
    std::int64_t count = 0;
    std::int64_t labelled = 0;
    double weight = 0.0;
    std::map<std::string, double> subtypes;  // "" = unspecified
    std::vector<double> prices;
    std::map<std::string, std::vector<double>> subtype_prices;
};

double shannon(const std::map<std::string, double>& classes) {
    double total = 0.0;
    for (const auto& [name, n] : classes) total += n;
    double h = 0.0;
    for (const auto& [name, n] : classes)
        if (n > 0.0) h -= n / total * std::log(n / total);
    return h;
}

// Tallies the items intersecting `territory` (lon/lat, GEOS prepared).
Result<std::array<FamilyTally, kFamilyCount>> tally(const Territory& territory, const std::vector<OfferItem>& items,
                                                    const std::vector<double>& weights) {
    detail::GeosContext ctx;
    GEOSContextHandle_t h = ctx.get();
    auto geom = to_geos(ctx, territory.geometry);
    if (!geom) return tl::unexpected(geom.error().with_context(describe(territory)));
    if (GEOSisValid_r(h, geom->get()) != 1) {
        detail::GeosGeom valid(h, GEOSMakeValid_r(h, geom->get()));
        if (!valid) return fail_fmt("{}: GEOS cannot repair it: {}", describe(territory), ctx.last_error());
        *geom = std::move(valid);
    }
    detail::GeosPrepared prepared(GEOSPrepare_r(h, geom->get()), detail::GeosPreparedDeleter{h});
    if (!prepared) return fail_fmt("{}: GEOS cannot prepare it: {}", describe(territory), ctx.last_error());
    const LonLatBox box = territory.geometry.bounds();

    std::array<FamilyTally, kFamilyCount> out{};
    for (std::size_t i = 0; i < items.size(); ++i) {
        const OfferItem& item = items[i];
        if (!box.contains(item.position)) continue;
        detail::GeosGeom point(h, GEOSGeom_createPointFromXY_r(h, item.position.lon_deg, item.position.lat_deg));
        const char hit = GEOSPreparedIntersects_r(h, prepared.get(), point.get());
        if (hit == 2) return fail_fmt("{}: GEOS point test failed: {}", describe(territory), ctx.last_error());
        if (hit != 1) continue;
        FamilyTally& t = out[static_cast<std::size_t>(item.family)];
        ++t.count;
        if (!item.labels.empty()) ++t.labelled;
        t.weight += weights[i];
        if (item.min_price_eur) {
            t.prices.push_back(*item.min_price_eur);
            for (const std::string& s : item.subtypes) t.subtype_prices[s].push_back(*item.min_price_eur);
        }
        if (item.subtypes.empty()) {
            t.subtypes[""] += 1.0;
        } else {
            for (const std::string& s : item.subtypes) t.subtypes[s] += 1.0 / static_cast<double>(item.subtypes.size());
        }
    }
    return out;
}

Result<TerritoryIndicators> indicators(const Territory& territory, bool ours, const Projector& projector,
                                       const std::vector<OfferItem>& items, const std::vector<double>& weights) {
    if (territory.geometry.empty()) return fail_fmt("{}: no polygon", describe(territory));
    auto planar = project_multipolygon(projector, territory.geometry);
    if (!planar) return tl::unexpected(planar.error().with_context(describe(territory)));
    TerritoryIndicators out;
    out.territory = territory;
    out.ours = ours;
    out.area_km2 = area_m2(*planar) * 1e-6;
    if (!(out.area_km2 > 0.0)) return fail_fmt("{}: area {} km², expected > 0", describe(territory), out.area_km2);
    auto tallies = tally(territory, items, weights);
    if (!tallies) return tl::unexpected(tallies.error());
    double weight = 0.0;
    for (Family f : kAllFamilies) {
        FamilyTally& t = (*tallies)[static_cast<std::size_t>(f)];
        FamilyIndicators& fi = out.families[static_cast<std::size_t>(f)];
        fi.item_count = t.count;
        fi.density_per_100km2 = static_cast<double>(t.count) / out.area_km2 * 100.0;
        fi.labelled_share = t.count > 0 ? static_cast<double>(t.labelled) / static_cast<double>(t.count) : 0.0;
        fi.diversity_shannon = shannon(t.subtypes);
        fi.audience_fit_per_km2 = t.weight / out.area_km2;
        fi.priced_count = static_cast<std::int64_t>(t.prices.size());
        fi.median_price_eur = median(t.prices);
        for (auto& [subtype, prices] : t.subtype_prices)
            out.subtype_prices[subtype] = {f, static_cast<std::int64_t>(prices.size()), *median(prices)};
        out.item_count += t.count;
        weight += t.weight;
    }
    out.audience_fit_per_km2 = weight / out.area_km2;
    return out;
}

// a > b beyond rounding noise (areas measured through a projection round trip).
bool clearly_greater(double a, double b) {
    return a > b * (1.0 + 1e-9);
}

std::optional<double> ratio(double ours, double mean) {
    if (mean > 0.0) return ours / mean;
    return std::nullopt;
}

void compare(BenchmarkResult& res, const Audience& audience) {
    const auto n = static_cast<double>(res.territories.size() - 1);
    for (Family f : kAllFamilies) {
        const auto k = static_cast<std::size_t>(f);
        FamilyComparison& c = res.families[k];
        c.family = f;
        c.audience_weight = audience.family_weight(f);
        const FamilyIndicators& ours = res.territories[0].families[k];
        double density_sum = 0.0, fit_sum = 0.0;
        for (std::size_t t = 1; t < res.territories.size(); ++t) {
            const FamilyIndicators& theirs = res.territories[t].families[k];
            density_sum += theirs.density_per_100km2;
            fit_sum += theirs.audience_fit_per_km2;
            if (clearly_greater(theirs.density_per_100km2, ours.density_per_100km2)) ++c.competitors_ahead;
        }
        c.our_density_per_100km2 = ours.density_per_100km2;
        c.competitors_mean_density_per_100km2 = density_sum / n;
        c.ratio = ratio(ours.density_per_100km2, c.competitors_mean_density_per_100km2);
        c.fit_ratio = ratio(ours.audience_fit_per_km2, fit_sum / n);
        c.competitive_gap = clearly_greater(c.competitors_mean_density_per_100km2, ours.density_per_100km2);
        for (TerritoryIndicators& t : res.territories)
            t.families[k].density_ratio =
                ratio(t.families[k].density_per_100km2, c.competitors_mean_density_per_100km2);
    }
}

}  // namespace

Result<BenchmarkResult> compute_benchmark(const Territory& ours, const std::vector<Territory>& competitors,
                                          const std::vector<OfferItem>& items, const Audience& audience,
                                          const BenchmarkParams& params) {
    if (competitors.empty()) return fail_fmt("benchmark: no competitor territory to compare with");
    LonLatBox box = ours.geometry.bounds();
    for (const Territory& t : competitors) box.extend(t.geometry.bounds());
    if (box.empty()) return fail_fmt("benchmark: the territories have no polygon");
    auto crs = choose_metric_crs(box);
    if (!crs) return tl::unexpected(crs.error().with_context_fmt("benchmark"));
    auto projector = Projector::create(crs->code);
    if (!projector) return tl::unexpected(projector.error());

    const std::vector<double> weights = item_weights(audience, items);
    BenchmarkResult res;
    res.metric_crs = crs->code;
    res.audience_id = audience.id;
    for (std::size_t i = 0; i <= competitors.size(); ++i) {
        const Territory& t = i == 0 ? ours : competitors[i - 1];
        auto ind = indicators(t, i == 0, *projector, items, weights);
        if (!ind) return tl::unexpected(ind.error().with_context_fmt("benchmark"));
        res.territories.push_back(std::move(*ind));
    }
    compare(res, audience);
    compare_prices(res);
    res.strengths = strength_statements(res.families, params);
    res.weaknesses = weakness_statements(res.families, params);
    res.competitive_gaps = competitive_gap_statements(res.families);
    return res;
}

}  // namespace geo
