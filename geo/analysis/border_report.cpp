#include "geo/analysis/border_report.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "geo/analysis/metric_overlay.hpp"
#include "geo/detail/handles.hpp"

namespace geo {
namespace {

using detail::GeosContext;
using detail::GeosGeom;

bool wanted(const BorderReportParams& params, TerritoryLevel level) {
    return params.levels.empty() || std::find(params.levels.begin(), params.levels.end(), level) != params.levels.end();
}

std::string describe(const Territory& t) {
    return fmt::format("territory {} \"{}\" ({} {})", t.id, t.name, territory_level_id(t.level), t.code);
}

GeosGeom envelope(const GeosContext& ctx, const LonLatBox& box) {
    return GeosGeom(ctx.get(),
                    GEOSGeom_createRectangle_r(ctx.get(), box.west_deg, box.south_deg, box.east_deg, box.north_deg));
}

// Indices of the territories whose envelope meets one of the perimeter's
// component envelopes, ascending.
Result<std::vector<std::size_t>> candidates(const GeosContext& ctx, const MultiPolygon& perimeter,
                                            const std::vector<Territory>& territories,
                                            const BorderReportParams& params) {
    GEOSContextHandle_t h = ctx.get();
    std::vector<std::size_t> ids(territories.size());
    std::vector<GeosGeom> envelopes;  // outlive the tree
    envelopes.reserve(territories.size());
    detail::GeosSTRtree tree(GEOSSTRtree_create_r(h, 10), detail::GeosSTRtreeDeleter{h});
    if (!tree) return fail_fmt("border report: GEOS could not create an STRtree: {}", ctx.last_error());
    for (std::size_t i = 0; i < territories.size(); ++i) {
        ids[i] = i;
        if (!wanted(params, territories[i].level)) continue;
        const LonLatBox box = territories[i].geometry.bounds();
        if (box.empty()) continue;
        envelopes.push_back(envelope(ctx, box));
        if (!envelopes.back()) return fail_fmt("border report: GEOS envelope failed: {}", ctx.last_error());
        GEOSSTRtree_insert_r(h, tree.get(), envelopes.back().get(), &ids[i]);
    }
    std::vector<std::size_t> found;
    auto collect = [](void* item, void* user) {
        static_cast<std::vector<std::size_t>*>(user)->push_back(*static_cast<std::size_t*>(item));
    };
    for (const Polygon& poly : perimeter.polygons) {
        LonLatBox box;
        for (const Ring& ring : poly.rings)
            for (const LonLat& p : ring) box.extend(p);
        if (box.empty()) continue;
        const GeosGeom query = envelope(ctx, box);
        if (!query) return fail_fmt("border report: GEOS envelope failed: {}", ctx.last_error());
        GEOSSTRtree_query_r(h, tree.get(), query.get(), collect, &found);
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

// Intersected area (km²) and unit area (km²) of one territory, or nullopt
// when it does not meet the perimeter.
struct Overlap {
    double intersection_km2 = 0.0;
    double unit_area_km2 = 0.0;
};
Result<std::optional<Overlap>> overlap(const GeosContext& ctx, const Projector& projector,
                                       const GEOSGeometry* perimeter, const GEOSPreparedGeometry* prepared,
                                       const Territory& t) {
    GEOSContextHandle_t h = ctx.get();
    auto unit = metric_geos(ctx, projector, t.geometry);
    if (!unit) return tl::unexpected(unit.error().with_context(describe(t)));
    const char meets = GEOSPreparedIntersects_r(h, prepared, unit->get());
    if (meets == 2) return fail_fmt("{}: GEOS intersects failed: {}", describe(t), ctx.last_error());
    if (meets == 0) return std::optional<Overlap>{};
    Overlap o;
    o.unit_area_km2 = planar_area_km2(ctx, unit->get());
    const char inside = GEOSPreparedContainsProperly_r(h, prepared, unit->get());
    if (inside == 1) {
        o.intersection_km2 = o.unit_area_km2;
        return std::optional<Overlap>{o};
    }
    const GeosGeom common(h, GEOSIntersection_r(h, perimeter, unit->get()));
    if (!common) return fail_fmt("{}: GEOS intersection failed: {}", describe(t), ctx.last_error());
    o.intersection_km2 = planar_area_km2(ctx, common.get());
    return std::optional<Overlap>{o};
}

void summarise(const std::vector<Territory>& territories, const BorderReportParams& params, BorderReport& report) {
    std::map<TerritoryLevel, BorderLevelSummary> by_level;
    for (const Territory& t : territories)
        if (wanted(params, t.level)) {
            auto& s = by_level[t.level];
            s.level = t.level;
            ++s.units_given;
        }
    for (std::size_t i = 0; i < report.units.size(); ++i) {
        const BorderUnit& u = report.units[i];
        auto& s = by_level[u.level];
        ++s.units_crossed;
        s.covered_share += u.share_of_perimeter;
        if (!s.largest || u.share_of_perimeter > s.largest_share) {
            s.largest = i;
            s.largest_share = u.share_of_perimeter;
        }
    }
    for (auto& [level, s] : by_level) report.levels.push_back(s);
}

}  // namespace

Result<BorderReport> border_report(const MultiPolygon& perimeter, const std::vector<Territory>& territories,
                                   const BorderReportParams& params) {
    if (!std::isfinite(params.min_intersection_km2) || params.min_intersection_km2 < 0.0)
        return fail_fmt("border report: min_intersection_km2 {} must be a number >= 0", params.min_intersection_km2);
    BorderReport report;
    if (perimeter.empty() || perimeter.bounds().empty()) {
        summarise(territories, params, report);
        return report;
    }
    auto projector = metric_projector_for(perimeter.bounds());
    if (!projector) return tl::unexpected(projector.error().with_context_fmt("border report"));
    report.metric_crs = projector->crs();

    const GeosContext ctx;
    auto perim = metric_geos(ctx, *projector, perimeter);
    if (!perim) return tl::unexpected(perim.error().with_context_fmt("border report: perimeter"));
    report.perimeter_area_km2 = planar_area_km2(ctx, perim->get());
    auto prepared = prepare(ctx, perim->get(), "border report: perimeter");
    if (!prepared) return tl::unexpected(prepared.error());

    auto found = candidates(ctx, perimeter, territories, params);
    if (!found) return tl::unexpected(found.error());
    for (const std::size_t i : *found) {
        const Territory& t = territories[i];
        auto o = overlap(ctx, *projector, perim->get(), prepared->get(), t);
        if (!o) return tl::unexpected(o.error().with_context_fmt("border report"));
        if (!*o || (*o)->intersection_km2 < params.min_intersection_km2) continue;
        BorderUnit u;
        u.territory_id = t.id;
        u.name = t.name;
        u.code = t.code;
        u.level = t.level;
        u.intersection_km2 = (*o)->intersection_km2;
        u.unit_area_km2 = (*o)->unit_area_km2;
        u.share_of_perimeter = report.perimeter_area_km2 > 0.0 ? u.intersection_km2 / report.perimeter_area_km2 : 0.0;
        u.share_of_unit = u.unit_area_km2 > 0.0 ? u.intersection_km2 / u.unit_area_km2 : 0.0;
        report.units.push_back(std::move(u));
    }
    std::stable_sort(report.units.begin(), report.units.end(), [](const BorderUnit& a, const BorderUnit& b) {
        if (a.level != b.level) return a.level < b.level;
        if (a.intersection_km2 != b.intersection_km2) return a.intersection_km2 > b.intersection_km2;
        return a.name < b.name;
    });
    summarise(territories, params, report);
    return report;
}

}  // namespace geo
