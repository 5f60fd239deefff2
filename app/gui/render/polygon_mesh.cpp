#include "app/gui/render/polygon_mesh.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
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
    return GeosGeom(ctx, GEOSGeom_createPolygon_r(ctx, shell, holes.data(), static_cast<unsigned>(holes.size())));
}

}  // namespace

MeshBuilder::MeshBuilder(Mercator origin) {
    m_mesh.origin = origin;
    for (double zoom : kLineLodZooms) m_mesh.line_lods.push_back({zoom, {}});
    m_mesh.line_lods.push_back({std::numeric_limits<double>::infinity(), {}});
}

std::vector<std::size_t> simplify_indices(const std::vector<Mercator>& points, double tolerance) {
    const std::size_t n = points.size();
    if (n <= 2) {
        std::vector<std::size_t> all(n);
        for (std::size_t i = 0; i < n; ++i) all[i] = i;
        return all;
    }
    std::vector<char> keep(n, 0);
    keep[0] = keep[n - 1] = 1;
    std::vector<std::pair<std::size_t, std::size_t>> stack{{0, n - 1}};
    const double tol2 = tolerance * tolerance;
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        const Mercator pa = points[a], pb = points[b];
        const double dx = pb.x_m - pa.x_m, dy = pb.y_m - pa.y_m;
        const double len2 = dx * dx + dy * dy;
        double worst = -1.0;
        std::size_t worst_i = a;
        for (std::size_t i = a + 1; i < b; ++i) {
            const double px = points[i].x_m - pa.x_m, py = points[i].y_m - pa.y_m;
            double d2;
            if (len2 <= 0.0) {
                d2 = px * px + py * py;
            } else {
                const double cross = px * dy - py * dx;
                d2 = cross * cross / len2;
            }
            if (d2 > worst) {
                worst = d2;
                worst_i = i;
            }
        }
        if (worst > tol2) {
            keep[worst_i] = 1;
            stack.push_back({a, worst_i});
            stack.push_back({worst_i, b});
        }
    }
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < n; ++i)
        if (keep[i]) out.push_back(i);
    return out;
}

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
            m_errors.push_back("polygon " + std::to_string(k) + ": triangulation failed: " + m_ctx.last_error());
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

void MeshBuilder::add_shared_outlines(const std::vector<const geo::MultiPolygon*>& polygons, Rgba8 colour,
                                      LineStyle style) {
    GEOSContextHandle_t ctx = m_ctx.get();
    auto fallback = [&] {
        for (const auto* mp : polygons) add_outline(*mp, colour, style);
    };
    // Every ring as a line string, in lon/lat.
    std::vector<GEOSGeometry*> lines;
    for (const auto* mp : polygons)
        for (const auto& poly : mp->polygons)
            for (const auto& ring : poly.rings) {
                if (ring.size() < 2) continue;
                GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx, static_cast<unsigned>(ring.size()), 2);
                if (seq == nullptr) continue;
                for (std::size_t i = 0; i < ring.size(); ++i)
                    GEOSCoordSeq_setXY_r(ctx, seq, static_cast<unsigned>(i), ring[i].lon_deg, ring[i].lat_deg);
                if (GEOSGeometry* line = GEOSGeom_createLineString_r(ctx, seq)) lines.push_back(line);
            }
    if (lines.empty()) return;
    GeosGeom all(
        ctx, GEOSGeom_createCollection_r(ctx, GEOS_MULTILINESTRING, lines.data(), static_cast<unsigned>(lines.size())));
    if (!all) return fallback();
    GeosGeom dissolved(ctx, GEOSUnaryUnion_r(ctx, all.get()));  // each shared piece once
    if (!dissolved) return fallback();
    GeosGeom merged(ctx, GEOSLineMerge_r(ctx, dissolved.get()));  // pieces joined into long lines
    if (!merged) return fallback();
    const int count = GEOSGetNumGeometries_r(ctx, merged.get());
    for (int k = 0; k < count; ++k) {
        const GEOSGeometry* line = GEOSGetGeometryN_r(ctx, merged.get(), k);
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, line);
        unsigned size = 0;
        if (seq == nullptr || GEOSCoordSeq_getSize_r(ctx, seq, &size) == 0) continue;
        geo::Ring path(size);
        for (unsigned i = 0; i < size; ++i) GEOSCoordSeq_getXY_r(ctx, seq, i, &path[i].lon_deg, &path[i].lat_deg);
        add_path(path, false, colour, style);
    }
}

void MeshBuilder::add_line(const geo::Ring& line, Rgba8 colour, LineStyle style) {
    add_path(line, false, colour, style);
}

void MeshBuilder::add_path(const geo::Ring& path, bool closed, Rgba8 colour, LineStyle style) {
    std::size_t n = path.size();
    if (closed && n >= 2 && path.front() == path.back()) --n;
    if (n < 2) return;
    // Mercator positions, the ring closed explicitly.
    std::vector<Mercator> points;
    points.reserve(n + 1);
    double min_x = std::numeric_limits<double>::infinity(), max_x = -min_x, min_y = min_x, max_y = -min_x;
    for (std::size_t i = 0; i < n; ++i) {
        points.push_back(mercator_from_lonlat(path[i]));
        min_x = std::min(min_x, points.back().x_m);
        max_x = std::max(max_x, points.back().x_m);
        min_y = std::min(min_y, points.back().y_m);
        max_y = std::max(max_y, points.back().y_m);
    }
    if (closed) points.push_back(points.front());
    const double extent = std::max(max_x - min_x, max_y - min_y);
    const Mercator o = m_mesh.origin;
    for (LineLod& lod : m_mesh.line_lods) {
        const bool full = !std::isfinite(lod.max_zoom);
        const double tolerance = full ? 0.0 : kLineLodTolerancePx * kZoom0MetresPerPx / std::exp2(lod.max_zoom);
        if (!full && extent < 2.0 * tolerance) continue;  // a pixel or two at that zoom: not drawn
        const std::vector<std::size_t> kept =
            full ? simplify_indices(points, 0.0) : simplify_indices(points, tolerance);
        double dist = 0.0;
        for (std::size_t k = 1; k < kept.size(); ++k) {
            const Mercator a = points[kept[k - 1]], b = points[kept[k]];
            const LineVertex v{static_cast<float>(a.x_m - o.x_m),
                               static_cast<float>(a.y_m - o.y_m),
                               static_cast<float>(b.x_m - o.x_m),
                               static_cast<float>(b.y_m - o.y_m),
                               static_cast<float>(dist),
                               style,
                               colour,
                               0.0f};
            for (int corner = 0; corner < 4; ++corner) {
                lod.lines.push_back(v);
                lod.lines.back().corner = static_cast<float>(corner);
            }
            dist += std::hypot(b.x_m - a.x_m, b.y_m - a.y_m);
        }
    }
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
    if (!point || GEOSGeomGetX_r(ctx.get(), point.get(), &x) == 0 || GEOSGeomGetY_r(ctx.get(), point.get(), &y) == 0)
        return std::nullopt;
    return geo::LonLat{x, y};
}

}  // namespace app::gui
