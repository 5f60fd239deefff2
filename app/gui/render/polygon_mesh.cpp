#include "app/gui/render/polygon_mesh.hpp"

#include <cmath>
#include <utility>

namespace app::gui {
namespace {

using geo::detail::GeosGeom;

// A GEOS ring from lon/lat positions, mapped through `to_xy`; closed as GEOS
// requires. Null when fewer than 3 distinct positions.
template <class ToXY>
GEOSGeometry* make_ring(GEOSContextHandle_t ctx, const geo::Ring& ring, ToXY&& to_xy) {
    std::size_t n = ring.size();
    if (n >= 2 && ring.front() == ring.back()) --n;
    if (n < 3) return nullptr;
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx, static_cast<unsigned>(n + 1), 2);
    if (seq == nullptr) return nullptr;
    for (std::size_t i = 0; i <= n; ++i) {
        const auto [x, y] = to_xy(ring[i % n]);
        GEOSCoordSeq_setXY_r(ctx, seq, static_cast<unsigned>(i), x, y);
    }
    return GEOSGeom_createLinearRing_r(ctx, seq);  // takes the sequence, even on failure
}

// A GEOS polygon (outer ring and holes); null when the outer ring is unusable.
template <class ToXY>
GeosGeom make_polygon(GEOSContextHandle_t ctx, const geo::Polygon& poly, ToXY&& to_xy) {
    if (poly.rings.empty()) return {};
    GEOSGeometry* shell = make_ring(ctx, poly.rings[0], to_xy);
    if (shell == nullptr) return {};
    std::vector<GEOSGeometry*> holes;
    for (std::size_t r = 1; r < poly.rings.size(); ++r)
        if (GEOSGeometry* hole = make_ring(ctx, poly.rings[r], to_xy)) holes.push_back(hole);
    return GeosGeom(ctx, GEOSGeom_createPolygon_r(ctx, shell, holes.data(),
                                                  static_cast<unsigned>(holes.size())));
}

}  // namespace

MeshBuilder::MeshBuilder(Mercator origin) { m_mesh.origin = origin; }

geo::Result<void> MeshBuilder::add_fill(const geo::MultiPolygon& polygons, Rgba8 colour) {
    GEOSContextHandle_t ctx = m_ctx.get();
    const std::size_t errors_before = m_errors.size();
    const Mercator origin = m_mesh.origin;
    auto to_xy = [origin](geo::LonLat p) {
        const Mercator m = mercator_from_lonlat(p);
        return std::pair{m.x_m - origin.x_m, m.y_m - origin.y_m};
    };
    for (std::size_t k = 0; k < polygons.polygons.size(); ++k) {
        GeosGeom poly = make_polygon(ctx, polygons.polygons[k], to_xy);
        if (!poly) continue;
        if (GEOSisValid_r(ctx, poly.get()) != 1) {
            GeosGeom valid(ctx, GEOSMakeValid_r(ctx, poly.get()));
            if (!valid) {
                m_errors.push_back("polygon " + std::to_string(k) + ": " + m_ctx.last_error());
                continue;
            }
            poly = std::move(valid);
        }
        GeosGeom tris(ctx, GEOSConstrainedDelaunayTriangulation_r(ctx, poly.get()));
        if (!tris) {
            m_errors.push_back("polygon " + std::to_string(k) + ": triangulation failed: " +
                               m_ctx.last_error());
            continue;
        }
        const int count = GEOSGetNumGeometries_r(ctx, tris.get());
        for (int t = 0; t < count; ++t) {
            const GEOSGeometry* tri = GEOSGetGeometryN_r(ctx, tris.get(), t);
            const GEOSGeometry* ring = GEOSGetExteriorRing_r(ctx, tri);
            const GEOSCoordSequence* seq = ring ? GEOSGeom_getCoordSeq_r(ctx, ring) : nullptr;
            unsigned size = 0;
            if (seq == nullptr || GEOSCoordSeq_getSize_r(ctx, seq, &size) == 0 || size < 3) continue;
            for (unsigned v = 0; v < 3; ++v) {
                double x = 0, y = 0;
                GEOSCoordSeq_getXY_r(ctx, seq, v, &x, &y);
                m_mesh.fill.push_back({static_cast<float>(x), static_cast<float>(y), colour});
            }
        }
    }
    if (m_errors.size() > errors_before) return geo::fail(m_errors.back());
    return {};
}

void MeshBuilder::add_outline(const geo::MultiPolygon& polygons, Rgba8 colour, LineStyle style) {
    for (const auto& poly : polygons.polygons)
        for (const auto& ring : poly.rings) add_path(ring, true, colour, style);
}

void MeshBuilder::add_line(const geo::Ring& line, Rgba8 colour, LineStyle style) {
    add_path(line, false, colour, style);
}

void MeshBuilder::add_path(const geo::Ring& path, bool closed, Rgba8 colour, LineStyle style) {
    std::size_t n = path.size();
    if (closed && n >= 2 && path.front() == path.back()) --n;
    if (n < 2) return;
    const auto first = static_cast<std::uint32_t>(m_mesh.lines.size());
    const std::size_t segments = closed ? n : n - 1;
    Mercator prev = mercator_from_lonlat(path[0]);
    double dist = 0.0;
    for (std::size_t i = 1; i <= segments; ++i) {
        const Mercator next = mercator_from_lonlat(path[i % n]);
        const double len = std::hypot(next.x_m - prev.x_m, next.y_m - prev.y_m);
        m_mesh.lines.push_back({static_cast<float>(prev.x_m - m_mesh.origin.x_m),
                                static_cast<float>(prev.y_m - m_mesh.origin.y_m),
                                static_cast<float>(dist), colour});
        dist += len;
        m_mesh.lines.push_back({static_cast<float>(next.x_m - m_mesh.origin.x_m),
                                static_cast<float>(next.y_m - m_mesh.origin.y_m),
                                static_cast<float>(dist), colour});
        prev = next;
    }
    const auto added = static_cast<std::uint32_t>(m_mesh.lines.size()) - first;
    auto& ranges = m_mesh.line_ranges;
    if (!ranges.empty() && ranges.back().style == style &&
        ranges.back().first + ranges.back().count == first)
        ranges.back().count += added;
    else
        ranges.push_back({first, added, style});
}

std::optional<geo::LonLat> label_point(const geo::MultiPolygon& polygons) {
    const geo::Polygon* largest = nullptr;
    double largest_area = 0.0;
    for (const auto& poly : polygons.polygons) {
        if (poly.rings.empty()) continue;
        const double a = std::abs(geo::signed_area(poly.rings[0]));
        if (a > largest_area) {
            largest_area = a;
            largest = &poly;
        }
    }
    if (largest == nullptr) return std::nullopt;
    geo::detail::GeosContext ctx;
    auto to_xy = [](geo::LonLat p) { return std::pair{p.lon_deg, p.lat_deg}; };
    GeosGeom poly = make_polygon(ctx.get(), *largest, to_xy);
    if (!poly) return std::nullopt;
    GeosGeom point(ctx.get(), GEOSPointOnSurface_r(ctx.get(), poly.get()));
    double x = 0, y = 0;
    if (!point || GEOSGeomGetX_r(ctx.get(), point.get(), &x) == 0 ||
        GEOSGeomGetY_r(ctx.get(), point.get(), &y) == 0)
        return std::nullopt;
    return geo::LonLat{x, y};
}

}  // namespace app::gui
