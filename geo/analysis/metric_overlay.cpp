#include "geo/analysis/metric_overlay.hpp"

#include "geo/analysis/geos_convert.hpp"

namespace geo {

Result<Projector> metric_projector_for(const LonLatBox& box) {
    auto crs = choose_metric_crs(box);
    if (!crs) return tl::unexpected(crs.error());
    return Projector::create(crs->code);
}

Result<void> make_valid(const detail::GeosContext& ctx, detail::GeosGeom& geom) {
    GEOSContextHandle_t h = ctx.get();
    if (GEOSisValid_r(h, geom.get()) == 1) return {};
    detail::GeosGeom valid(h, GEOSMakeValid_r(h, geom.get()));
    if (!valid) return fail_fmt("GEOS could not make the polygons valid: {}", ctx.last_error());
    geom = std::move(valid);
    return {};
}

Result<detail::GeosGeom> metric_geos(const detail::GeosContext& ctx, const Projector& projector,
                                     const MultiPolygon& wgs84) {
    auto planar = project_multipolygon(projector, wgs84);
    if (!planar) return tl::unexpected(planar.error());
    auto geom = to_geos(ctx, *planar);
    if (!geom) return tl::unexpected(geom.error());
    if (auto v = make_valid(ctx, *geom); !v) return tl::unexpected(v.error());
    return std::move(*geom);
}

Result<detail::GeosPrepared> prepare(const detail::GeosContext& ctx, const GEOSGeometry* geom, const char* what) {
    detail::GeosPrepared prepared(GEOSPrepare_r(ctx.get(), geom), detail::GeosPreparedDeleter{ctx.get()});
    if (!prepared) return fail_fmt("{}: GEOS could not prepare the polygons: {}", what, ctx.last_error());
    return prepared;
}

double planar_area_km2(const detail::GeosContext& ctx, const GEOSGeometry* geom) {
    if (geom == nullptr || GEOSisEmpty_r(ctx.get(), geom) == 1) return 0.0;
    double area_m2 = 0.0;
    if (GEOSArea_r(ctx.get(), geom, &area_m2) == 0) return 0.0;
    return area_m2 * 1e-6;
}

}  // namespace geo
