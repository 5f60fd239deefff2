#include "geo/analysis/geos_convert.hpp"

#include <cmath>

#include <fmt/format.h>

namespace geo {
namespace {

// How to read and make a point of each coordinate type.
inline double px(const LonLat& p) {
    return p.lon_deg;
}
inline double py(const LonLat& p) {
    return p.lat_deg;
}
inline double px(const Projected& p) {
    return p.x_m;
}
inline double py(const Projected& p) {
    return p.y_m;
}
template <class P>
P make_point(double x, double y) {
    if constexpr (std::is_same_v<P, LonLat>)
        return LonLat{x, y};
    else
        return Projected{x, y};
}

// ": GEOS's last message", or nothing when GEOS said nothing.
std::string geos_detail(const detail::GeosContext& ctx) {
    return ctx.last_error().empty() ? std::string() : ": " + ctx.last_error();
}

template <class P>
Result<detail::GeosGeom> ring_to_geos(const detail::GeosContext& ctx, const std::vector<P>& ring, std::size_t poly,
                                      std::size_t index) {
    std::vector<double> xy;
    xy.reserve(2 * ring.size() + 2);
    std::size_t distinct = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const double x = px(ring[i]), y = py(ring[i]);
        if (!std::isfinite(x) || !std::isfinite(y))
            return fail_fmt(
                "polygon {} ring {}: vertex {} has coordinates ({}, {}), "
                "expected finite numbers",
                poly, index, i, x, y);
        if (i == 0 || x != xy[xy.size() - 2] || y != xy.back()) ++distinct;
        xy.push_back(x);
        xy.push_back(y);
    }
    const bool closed = !xy.empty() && xy[0] == xy[xy.size() - 2] && xy[1] == xy.back();
    if (closed && distinct > 0) --distinct;
    if (distinct < 3)
        return fail_fmt("polygon {} ring {}: {} distinct vertices, expected at least 3", poly, index, distinct);
    if (!closed) {
        xy.push_back(xy[0]);
        xy.push_back(xy[1]);
    }
    GEOSContextHandle_t h = ctx.get();
    GEOSCoordSequence* seq = GEOSCoordSeq_copyFromBuffer_r(h, xy.data(), xy.size() / 2, 0, 0);
    if (seq == nullptr) return fail_fmt("GEOS: cannot create a coordinate sequence{}", geos_detail(ctx));
    GEOSGeometry* lr = GEOSGeom_createLinearRing_r(h, seq);  // takes seq
    if (lr == nullptr) return fail_fmt("polygon {} ring {}: GEOS rejected the ring{}", poly, index, geos_detail(ctx));
    return detail::GeosGeom(h, lr);
}

template <class MP>
Result<detail::GeosGeom> mp_to_geos(const detail::GeosContext& ctx, const MP& mp) {
    GEOSContextHandle_t h = ctx.get();
    std::vector<detail::GeosGeom> polys;
    polys.reserve(mp.polygons.size());
    for (std::size_t pi = 0; pi < mp.polygons.size(); ++pi) {
        const auto& rings = mp.polygons[pi].rings;
        if (rings.empty()) continue;
        std::vector<detail::GeosGeom> owned;
        for (std::size_t ri = 0; ri < rings.size(); ++ri) {
            auto r = ring_to_geos(ctx, rings[ri], pi, ri);
            if (!r) return tl::unexpected(r.error());
            owned.push_back(std::move(*r));
        }
        std::vector<GEOSGeometry*> holes;
        for (std::size_t ri = 1; ri < owned.size(); ++ri) holes.push_back(owned[ri].release());
        GEOSGeometry* shell = owned[0].release();
        GEOSGeometry* poly = GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size()));
        if (poly == nullptr) return fail_fmt("polygon {}: GEOS rejected it{}", pi, geos_detail(ctx));
        polys.emplace_back(h, poly);
    }
    std::vector<GEOSGeometry*> raw;
    raw.reserve(polys.size());
    for (auto& p : polys) raw.push_back(p.release());
    GEOSGeometry* coll =
        GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, raw.data(), static_cast<unsigned>(raw.size()));
    if (coll == nullptr) return fail_fmt("GEOS: cannot create a multipolygon{}", geos_detail(ctx));
    return detail::GeosGeom(h, coll);
}

template <class P>
Result<std::vector<P>> ring_from_geos(const detail::GeosContext& ctx, const GEOSGeometry* ring) {
    GEOSContextHandle_t h = ctx.get();
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
    unsigned int n = 0;
    if (seq == nullptr || GEOSCoordSeq_getSize_r(h, seq, &n) == 0)
        return fail_fmt("GEOS: cannot read a ring{}", geos_detail(ctx));
    std::vector<double> xy(2 * static_cast<std::size_t>(n));
    if (n > 0 && GEOSCoordSeq_copyToBuffer_r(h, seq, xy.data(), 0, 0) == 0)
        return fail_fmt("GEOS: cannot copy a ring's coordinates{}", geos_detail(ctx));
    std::vector<P> out(n);
    for (unsigned i = 0; i < n; ++i) out[i] = make_point<P>(xy[2 * i], xy[2 * i + 1]);
    return out;
}

template <class MP, class P>
Result<void> append_from_geos(const detail::GeosContext& ctx, const GEOSGeometry* g, MP& out) {
    GEOSContextHandle_t h = ctx.get();
    const int type = GEOSGeomTypeId_r(h, g);
    if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(h, g);
        for (int i = 0; i < n; ++i)
            if (auto r = append_from_geos<MP, P>(ctx, GEOSGetGeometryN_r(h, g, i), out); !r) return r;
        return {};
    }
    if (type != GEOS_POLYGON || GEOSisEmpty_r(h, g) == 1) return {};
    typename decltype(out.polygons)::value_type poly;
    auto shell = ring_from_geos<P>(ctx, GEOSGetExteriorRing_r(h, g));
    if (!shell) return tl::unexpected(shell.error());
    poly.rings.push_back(std::move(*shell));
    const int holes = GEOSGetNumInteriorRings_r(h, g);
    for (int i = 0; i < holes; ++i) {
        auto hole = ring_from_geos<P>(ctx, GEOSGetInteriorRingN_r(h, g, i));
        if (!hole) return tl::unexpected(hole.error());
        poly.rings.push_back(std::move(*hole));
    }
    out.polygons.push_back(std::move(poly));
    return {};
}

}  // namespace

Result<detail::GeosGeom> to_geos(const detail::GeosContext& ctx, const MultiPolygon& mp) {
    return mp_to_geos(ctx, mp);
}

Result<detail::GeosGeom> to_geos(const detail::GeosContext& ctx, const ProjectedMultiPolygon& mp) {
    return mp_to_geos(ctx, mp);
}

Result<MultiPolygon> multipolygon_from_geos(const detail::GeosContext& ctx, const GEOSGeometry* geom) {
    MultiPolygon out;
    if (geom == nullptr) return out;
    if (auto r = append_from_geos<MultiPolygon, LonLat>(ctx, geom, out); !r) return tl::unexpected(r.error());
    return out;
}

Result<ProjectedMultiPolygon> projected_multipolygon_from_geos(const detail::GeosContext& ctx,
                                                               const GEOSGeometry* geom) {
    ProjectedMultiPolygon out;
    if (geom == nullptr) return out;
    if (auto r = append_from_geos<ProjectedMultiPolygon, Projected>(ctx, geom, out); !r)
        return tl::unexpected(r.error());
    return out;
}

}  // namespace geo
