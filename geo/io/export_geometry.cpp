#include "geo/io/export_geometry.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "geo/io/text_output.hpp"

namespace geo {

Result<void> check_wgs84(LonLat p) {
    if (is_valid_lonlat(p)) return {};
    return fail_fmt("position ({}, {}) outside WGS 84 lon [-180, 180], lat [-90, 90]", p.lon_deg, p.lat_deg);
}

Result<void> check_wgs84(const MultiPolygon& geometry) {
    for (std::size_t p = 0; p < geometry.polygons.size(); ++p) {
        const auto& rings = geometry.polygons[p].rings;
        for (std::size_t r = 0; r < rings.size(); ++r) {
            for (std::size_t i = 0; i < rings[r].size(); ++i) {
                if (auto ok = check_wgs84(rings[r][i]); !ok)
                    return tl::unexpected(ok.error().with_context_fmt("polygon {}, ring {}, position {}", p, r, i));
            }
        }
    }
    return {};
}

namespace {

// Closed ring with the requested winding, or an empty ring when degenerate.
Ring normalised_ring(const Ring& ring, bool counter_clockwise, bool round_coordinates) {
    Ring out;
    out.reserve(ring.size() + 1);
    for (LonLat p : ring) {
        if (round_coordinates) p = {round_degrees(p.lon_deg), round_degrees(p.lat_deg)};
        if (out.empty() || !(out.back() == p)) out.push_back(p);
    }
    while (out.size() > 1 && out.back() == out.front()) out.pop_back();
    if (out.size() < 3) return {};
    const double area = signed_area(out);
    if (area == 0.0) return {};
    if ((area > 0.0) != counter_clockwise) std::reverse(out.begin(), out.end());
    out.push_back(out.front());
    return out;
}

}  // namespace

MultiPolygon oriented_for_export(const MultiPolygon& geometry, bool round_coordinates) {
    MultiPolygon out;
    out.polygons.reserve(geometry.polygons.size());
    for (const auto& polygon : geometry.polygons) {
        if (polygon.rings.empty()) continue;
        Ring outer = normalised_ring(polygon.rings[0], true, round_coordinates);
        if (outer.empty()) continue;
        Polygon kept;
        kept.rings.push_back(std::move(outer));
        for (std::size_t r = 1; r < polygon.rings.size(); ++r) {
            Ring hole = normalised_ring(polygon.rings[r], false, round_coordinates);
            if (!hole.empty()) kept.rings.push_back(std::move(hole));
        }
        out.polygons.push_back(std::move(kept));
    }
    return out;
}

}  // namespace geo
