#include "geo/analysis/perimeter.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "geo/analysis/contour.hpp"
#include "geo/analysis/geometry_measure.hpp"
#include "geo/analysis/geos_convert.hpp"
#include "geo/analysis/grid_integral.hpp"
#include "geo/analysis/hdr.hpp"
#include "geo/analysis/kernel_mass.hpp"
#include "geo/analysis/metric_overlay.hpp"
#include "geo/analysis/planar_geometry.hpp"
#include "geo/analysis/ring_simplify.hpp"

namespace geo {
namespace {

using detail::GeosContext;
using detail::GeosGeom;

constexpr double kM2PerKm2 = 1e6;
constexpr double kMaxSimplifyMassShift = 0.002;
// Threshold corrections per level at most (each one contour and one share).
constexpr int kMaxLevelCorrections = 3;

Result<std::vector<double>> checked_levels(const PerimeterParams& p) {
    if (p.levels.empty()) return fail_fmt("perimeter: no level given, expected at least one in [0.01, 1]");
    for (double l : p.levels)
        if (!std::isfinite(l) || l < kMinLevel || l > 1.0)
            return fail_fmt("perimeter: level {} outside [{}, 1] (under 1 % of the mass the perimeter is a point)", l,
                            kMinLevel);
    auto checked = [](const char* name, double v) -> Result<void> {
        if (!std::isfinite(v) || v < 0.0) return fail_fmt("perimeter: {} {} must be a number >= 0", name, v);
        return {};
    };
    if (auto r = checked("min_area_km2", p.min_area_km2); !r) return tl::unexpected(r.error());
    if (auto r = checked("min_hole_km2", p.min_hole_km2); !r) return tl::unexpected(r.error());
    if (p.simplify_m)
        if (auto r = checked("simplify_m", *p.simplify_m); !r) return tl::unexpected(r.error());
    std::vector<double> levels = p.levels;
    std::sort(levels.begin(), levels.end());
    levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
    return levels;
}

// Fills holes under min_hole_m2, drops polygons under min_area_m2, and drops
// islands that stood in a hole now filled (they are covered by its polygon).
ProjectedMultiPolygon drop_small_parts(ProjectedMultiPolygon mp, double min_area_m2, double min_hole_m2) {
    ProjectedMultiPolygon sized;
    for (auto& poly : mp.polygons) {
        if (poly.rings.empty()) continue;
        ProjectedPolygon kept;
        kept.rings.push_back(std::move(poly.rings[0]));
        for (std::size_t i = 1; i < poly.rings.size(); ++i)
            if (std::abs(signed_area_m2(poly.rings[i])) >= min_hole_m2) kept.rings.push_back(std::move(poly.rings[i]));
        if (area_m2(kept) >= min_area_m2) sized.polygons.push_back(std::move(kept));
    }
    // Contour rings never cross, so one vertex tells where an island lies;
    // outer-ring boxes rule out most candidates before the ring test.
    struct Box {
        double xmin = INFINITY, ymin = INFINITY, xmax = -INFINITY, ymax = -INFINITY;
    };
    std::vector<Box> boxes(sized.polygons.size());
    for (std::size_t i = 0; i < sized.polygons.size(); ++i)
        for (const Projected& v : sized.polygons[i].rings[0]) {
            boxes[i].xmin = std::min(boxes[i].xmin, v.x_m), boxes[i].xmax = std::max(boxes[i].xmax, v.x_m);
            boxes[i].ymin = std::min(boxes[i].ymin, v.y_m), boxes[i].ymax = std::max(boxes[i].ymax, v.y_m);
        }
    auto covered = [&](const ProjectedPolygon& island) {
        const Projected probe = island.rings[0][0];
        for (std::size_t i = 0; i < sized.polygons.size(); ++i) {
            const auto& other = sized.polygons[i];
            const Box& b = boxes[i];
            if (&other == &island || probe.x_m < b.xmin || probe.x_m > b.xmax || probe.y_m < b.ymin ||
                probe.y_m > b.ymax || !ring_contains(other.rings[0], probe))
                continue;
            bool in_hole = false;
            for (std::size_t k = 1; k < other.rings.size() && !in_hole; ++k)
                in_hole = ring_contains(other.rings[k], probe);
            if (!in_hole) return true;
        }
        return false;
    };
    ProjectedMultiPolygon out;
    for (const auto& poly : sized.polygons)
        if (!covered(poly)) out.polygons.push_back(poly);
    return out;
}

Result<GeosGeom> make_valid(const GeosContext& ctx, GeosGeom geom) {
    GEOSContextHandle_t h = ctx.get();
    if (GEOSisValid_r(h, geom.get()) == 1) return geom;
    GeosGeom v(h, GEOSMakeValid_r(h, geom.get()));
    if (!v) return fail_fmt("GEOS could not make the perimeter valid: {}", ctx.last_error());
    return v;
}

struct Simplified {
    GeosGeom geom;
    ProjectedMultiPolygon planar;  // the same polygons
    double tolerance_m;
};

// Simplification that may not move the captured mass by more than
// kMaxSimplifyMassShift of the total (mass measured on the grid's bilinear
// surface, grid_integral.hpp): Douglas-Peucker ring by ring
// (ring_simplify.hpp), or GEOS's topology-preserving simplifier where that
// leaves an invalid polygon (rings that came within the tolerance of each
// other). The tolerance is halved until the shift is small enough (three
// times at most, then no simplification).
Result<Simplified> simplify_region(const GeosContext& ctx, const GridIntegrator& grid,
                                   const ProjectedMultiPolygon& region, double tolerance_m, double total_mass) {
    GEOSContextHandle_t h = ctx.get();
    const double raw_mass = grid.integrate(region);
    for (int attempt = 0; attempt < 4 && tolerance_m > 0.0; ++attempt, tolerance_m /= 2.0) {
        ProjectedMultiPolygon planar = simplify_rings(region, tolerance_m);
        auto geom = to_geos(ctx, planar);
        if (!geom) return tl::unexpected(geom.error());
        if (GEOSisValid_r(h, geom->get()) != 1) {
            auto raw = to_geos(ctx, region);
            if (!raw) return tl::unexpected(raw.error());
            GeosGeom s(h, GEOSTopologyPreserveSimplify_r(h, raw->get(), tolerance_m));
            if (!s) return fail_fmt("GEOS simplification failed: {}", ctx.last_error());
            auto valid = make_valid(ctx, std::move(s));
            if (!valid) return tl::unexpected(valid.error());
            auto back = projected_multipolygon_from_geos(ctx, valid->get());
            if (!back) return tl::unexpected(back.error());
            geom = std::move(*valid);
            planar = std::move(*back);
        }
        if (std::abs(grid.integrate(planar) - raw_mass) <= kMaxSimplifyMassShift * total_mass)
            return Simplified{std::move(*geom), std::move(planar), tolerance_m};
    }
    auto raw = to_geos(ctx, region);
    if (!raw) return tl::unexpected(raw.error());
    auto valid = make_valid(ctx, std::move(*raw));
    if (!valid) return tl::unexpected(valid.error());
    auto back = projected_multipolygon_from_geos(ctx, valid->get());
    if (!back) return tl::unexpected(back.error());
    return Simplified{std::move(*valid), std::move(*back), 0.0};
}

// Clips each level to the next larger one where it is not already covered by
// it (simplification moves boundaries by up to its tolerance). Says which
// levels it clipped.
Result<std::vector<bool>> nest_levels(const GeosContext& ctx, std::vector<GeosGeom>& geoms) {
    GEOSContextHandle_t h = ctx.get();
    std::vector<bool> was_clipped(geoms.size(), false);
    for (std::size_t k = geoms.size(); k-- > 1;) {
        GeosGeom& inner = geoms[k - 1];
        const GeosGeom& outer = geoms[k];
        if (GEOSisEmpty_r(h, inner.get()) == 1) continue;
        if (GEOSCovers_r(h, outer.get(), inner.get()) == 1) continue;
        GeosGeom clipped(h, GEOSIntersection_r(h, inner.get(), outer.get()));
        if (!clipped) return fail_fmt("GEOS intersection of nested levels failed: {}", ctx.last_error());
        inner = std::move(clipped);
        was_clipped[k - 1] = true;
    }
    return was_clipped;
}

Result<MultiPolygon> to_wgs84(const Projector& projector, const ProjectedMultiPolygon& mp) {
    std::vector<Projected> all;
    for (const auto& poly : mp.polygons)
        for (const auto& ring : poly.rings) all.insert(all.end(), ring.begin(), ring.end());
    auto lonlat = projector.inverse(all);
    if (!lonlat) return tl::unexpected(lonlat.error().with_context_fmt("perimeter to WGS 84"));
    MultiPolygon out;
    std::size_t k = 0;
    for (const auto& poly : mp.polygons) {
        Polygon p;
        for (const auto& ring : poly.rings) {
            Ring r(lonlat->begin() + static_cast<std::ptrdiff_t>(k),
                   lonlat->begin() + static_cast<std::ptrdiff_t>(k + ring.size()));
            k += ring.size();
            if (!r.empty() && r.front() != r.back()) r.push_back(r.front());
            p.rings.push_back(std::move(r));
        }
        out.polygons.push_back(std::move(p));
    }
    return out;
}

}  // namespace

Result<PerimeterResult> compute_perimeter(const Projector& projector, const std::vector<Projected>& points,
                                          const std::vector<double>& weights, const PerimeterParams& params) {
    auto levels = checked_levels(params);
    if (!levels) return tl::unexpected(levels.error());

    DensityParams dp;
    dp.bandwidth_m = params.bandwidth_m;
    dp.selector = params.bandwidth_selector;
    dp.cell_m = params.cell_m;
    dp.kernel = params.kernel;
    dp.max_cells = params.max_cells;
    auto grid = compute_density(points, weights, dp);
    if (!grid) return tl::unexpected(grid.error().with_context_fmt("perimeter"));

    PerimeterResult res;
    res.metric_crs = projector.crs();
    res.kernel = params.kernel;
    res.bandwidth_m = grid->bandwidth_m;
    res.bandwidth_from_data = grid->bandwidth_from_data;
    res.bandwidth = grid->selection;
    res.cell_m = grid->cell_m;
    res.simplify_m = params.simplify_m.value_or(grid->cell_m * kDefaultSimplifyCells);
    for (double w : weights)
        if (w > 0.0) {
            res.total_weight += w;
            ++res.items_used;
        }

    const double total_mass = grid->total_mass();
    const GridIntegrator integrator(*grid);
    // The share of the kernel density inside a region: the integral of the
    // grid's bilinear surface where the cell is fine enough for it to be
    // within ~0.1 % of the kernel density's (grid_integral.hpp), else each
    // item's kernel integrated exactly (kernel_mass.hpp).
    // Fine enough: the default cell or finer (with room for rounding).
    const bool fine_cell = grid->cell_m <= grid->default_cell_m * 1.001;
    auto share_of = [&](const ProjectedMultiPolygon& mp) {
        if (fine_cell) return integrator.integrate(mp) / res.total_weight;
        return kernel_mass_inside(points, weights, grid->bandwidth_factors, grid->kernel, grid->bandwidth_m, mp,
                                  grid->x_stretch) /
               res.total_weight;
    };
    GeosContext ctx;
    std::vector<GeosGeom> geoms;
    std::vector<double> simplify_used, thresholds, shares;
    for (double level : *levels) {
        // Grid levels tried: the level, then secant corrections on the share.
        double grid_level = level, prev_level = 0.0, prev_share = 0.0;
        for (int attempt = 0;; ++attempt) {
            const double t = hdr_thresholds(*grid, {grid_level}).front();
            ProjectedMultiPolygon region = drop_small_parts(contour_region(*grid, t), params.min_area_km2 * kM2PerKm2,
                                                            params.min_hole_km2 * kM2PerKm2);
            auto g = simplify_region(ctx, integrator, region, res.simplify_m, total_mass);
            if (!g) return tl::unexpected(g.error().with_context_fmt("perimeter"));
            const double share = share_of(g->planar);
            const bool last =
                attempt == kMaxLevelCorrections || std::abs(share - level) <= kLevelTolerance / 2 || level >= 1.0;
            if (last || g->planar.empty()) {
                shares.push_back(share);
                geoms.push_back(std::move(g->geom));
                simplify_used.push_back(g->tolerance_m);
                thresholds.push_back(t);
                break;
            }
            double next = grid_level + (level - share);
            if (attempt > 0 && std::abs(share - prev_share) > 1e-9)
                next = grid_level + (level - share) * (grid_level - prev_level) / (share - prev_share);
            prev_level = grid_level;
            prev_share = share;
            grid_level = std::clamp(next, 1e-6, 1.0);
        }
    }
    auto clipped = nest_levels(ctx, geoms);
    if (!clipped) return tl::unexpected(clipped.error());

    for (std::size_t k = 0; k < levels->size(); ++k) {
        auto planar = projected_multipolygon_from_geos(ctx, geoms[k].get());
        if (!planar) return tl::unexpected(planar.error().with_context_fmt("perimeter"));
        orient_rfc7946(*planar);
        PerimeterLevel lv;
        lv.level = (*levels)[k];
        lv.density_threshold = thresholds[k];
        lv.simplify_m = simplify_used[k];
        lv.components = static_cast<int>(planar->polygons.size());
        // Measured again only where nesting clipped the level.
        lv.captured_mass_share = (*clipped)[k] ? share_of(*planar) : shares[k];
        lv.compactness = polsby_popper(*planar);
        auto wgs = to_wgs84(projector, *planar);
        if (!wgs) return tl::unexpected(wgs.error());
        lv.geometry = std::move(*wgs);
        lv.area_km2 = geometry_area_km2(lv.geometry);
        res.levels.push_back(std::move(lv));
    }
    res.grid = std::move(*grid);
    return res;
}

Result<PerimeterResult> compute_perimeter(const std::vector<LonLat>& positions, const std::vector<double>& weights,
                                          const PerimeterParams& params) {
    if (positions.size() != weights.size())
        return fail_fmt("perimeter: {} positions but {} weights", positions.size(), weights.size());
    std::vector<LonLat> kept;
    std::vector<double> kept_w;
    kept.reserve(positions.size());
    kept_w.reserve(positions.size());
    LonLatBox box;
    for (std::size_t i = 0; i < positions.size(); ++i) {
        const double w = weights[i];
        if (!std::isfinite(w) || w < 0.0)
            return fail_fmt(
                "perimeter: weight of item {} is {}, expected a finite "
                "number >= 0",
                i, w);
        if (w == 0.0) continue;
        if (!is_valid_lonlat(positions[i]))
            return fail_fmt(
                "perimeter: item {} at lon {} lat {}, expected lon in "
                "[-180, 180] and lat in [-90, 90]",
                i, positions[i].lon_deg, positions[i].lat_deg);
        kept.push_back(positions[i]);
        kept_w.push_back(w);
        box.extend(positions[i]);
    }
    if (kept.empty()) return fail_fmt("perimeter: no offer item with a positive weight");
    if (auto l = checked_levels(params); !l) return tl::unexpected(l.error());

    auto projector = metric_projector_for(box);
    if (!projector) return tl::unexpected(projector.error());
    auto points = project_all(*projector, kept);
    if (!points) return tl::unexpected(points.error().with_context_fmt("perimeter (items with a positive weight)"));
    return compute_perimeter(*projector, *points, kept_w, params);
}

}  // namespace geo
