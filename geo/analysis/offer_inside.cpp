#include "geo/analysis/offer_inside.hpp"

#include <cmath>

#include "geo/analysis/geos_convert.hpp"
#include "geo/analysis/metric_overlay.hpp"
#include "geo/detail/handles.hpp"

namespace geo {

Result<std::vector<std::uint8_t>> points_inside(const MultiPolygon& area, const std::vector<LonLat>& positions) {
    std::vector<std::uint8_t> inside(positions.size(), 0);
    if (area.empty() || positions.empty()) return inside;
    const detail::GeosContext ctx;
    GEOSContextHandle_t h = ctx.get();
    auto geom = to_geos(ctx, area);
    if (!geom) return tl::unexpected(geom.error().with_context_fmt("points inside polygons"));
    if (auto v = make_valid(ctx, *geom); !v)
        return tl::unexpected(v.error().with_context_fmt("points inside polygons"));
    auto prepared = prepare(ctx, geom->get(), "points inside polygons");
    if (!prepared) return tl::unexpected(prepared.error());
    const LonLatBox box = area.bounds();
    for (std::size_t i = 0; i < positions.size(); ++i) {
        const LonLat p = positions[i];
        if (!std::isfinite(p.lon_deg) || !std::isfinite(p.lat_deg) || !box.contains(p)) continue;
        const detail::GeosGeom point(h, GEOSGeom_createPointFromXY_r(h, p.lon_deg, p.lat_deg));
        if (!point) return fail_fmt("points inside polygons: GEOS could not make a point: {}", ctx.last_error());
        const char r = GEOSPreparedIntersects_r(h, prepared->get(), point.get());
        if (r == 2)
            return fail_fmt("points inside polygons: GEOS failed on item {}: {}", std::to_string(i), ctx.last_error());
        inside[i] = r == 1 ? 1 : 0;
    }
    return inside;
}

std::vector<LonLat> item_positions(const std::vector<OfferItem>& items) {
    std::vector<LonLat> out;
    out.reserve(items.size());
    for (const OfferItem& item : items) out.push_back(item.position);
    return out;
}

FamilyCounts count_per_family(const std::vector<OfferItem>& items, const std::vector<std::uint8_t>& mask) {
    FamilyCounts counts{};
    for (std::size_t i = 0; i < items.size() && i < mask.size(); ++i)
        if (mask[i] != 0) ++counts[static_cast<std::size_t>(items[i].family)];
    return counts;
}

}  // namespace geo
