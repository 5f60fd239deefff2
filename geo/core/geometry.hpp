#pragma once
// Plain polygon geometry in lon/lat degrees (WGS 84), the exchange form between
// the catalogue, analysis results, exporters and the renderer.
// A ring is closed implicitly or explicitly (first == last both accepted);
// Polygon::rings[0] is the outer ring, the others are holes. Winding is not
// guaranteed here: exporters orient rings as their format requires.
// Threads: plain values and pure inline functions, safe on any thread (const
//   access shared, writes not synchronised).
// Failures: none: nothing is validated here (check_wgs84 in
//   geo/io/export_geometry.hpp checks coordinates); bounds() of an empty
//   geometry is an empty box; signed_area() of fewer than 3 points is 0.
#include <vector>

#include "geo/core/coords.hpp"

namespace geo {

using Ring = std::vector<LonLat>;

struct Polygon {
    std::vector<Ring> rings;  // rings[0] outer, then holes
};

struct MultiPolygon {
    std::vector<Polygon> polygons;
    [[nodiscard]] bool empty() const { return polygons.empty(); }
    [[nodiscard]] LonLatBox bounds() const {
        LonLatBox box;
        for (const auto& poly : polygons)
            for (const auto& ring : poly.rings)
                for (const auto& p : ring) box.extend(p);
        return box;
    }
};

// Signed area of a ring in the plane of its coordinates (shoelace):
// positive when counter-clockwise (x east, y north).
inline double signed_area(const Ring& ring) {
    double twice = 0.0;
    const size_t n = ring.size();
    for (size_t i = 0; i < n; ++i) {
        const LonLat& a = ring[i];
        const LonLat& b = ring[(i + 1) % n];
        twice += a.lon_deg * b.lat_deg - b.lon_deg * a.lat_deg;
    }
    return twice / 2.0;
}

}  // namespace geo
