#include "geo/analysis/geometry_measure.hpp"

#include <cmath>
#include <vector>

#include <geodesic.h>

namespace geo {
namespace {

const geod_geodesic& wgs84() {
    static const geod_geodesic g = [] {
        geod_geodesic out{};
        geod_init(&out, 6378137.0, 1.0 / 298.257223563);
        return out;
    }();
    return g;
}

// Geodesic area (m², signed) and perimeter (m) of a ring.
void ring_measure(const Ring& ring, double& area_m2, double& perimeter_m) {
    area_m2 = 0.0;
    perimeter_m = 0.0;
    std::size_t n = ring.size();
    if (n > 1 && ring.front() == ring.back()) --n;
    if (n < 2) return;
    std::vector<double> lats(n), lons(n);
    for (std::size_t i = 0; i < n; ++i) {
        lats[i] = ring[i].lat_deg;
        lons[i] = ring[i].lon_deg;
    }
    geod_polygonarea(&wgs84(), lats.data(), lons.data(), static_cast<int>(n), &area_m2, &perimeter_m);
}

}  // namespace

double ring_area_km2(const Ring& ring) {
    double a = 0.0, p = 0.0;
    ring_measure(ring, a, p);
    return std::abs(a) * 1e-6;
}

double geometry_area_km2(const MultiPolygon& wgs84_mp) {
    double total = 0.0;
    for (const auto& poly : wgs84_mp.polygons)
        for (std::size_t i = 0; i < poly.rings.size(); ++i) {
            const double a = ring_area_km2(poly.rings[i]);
            total += i == 0 ? a : -a;
        }
    return total;
}

double geometry_boundary_km(const MultiPolygon& wgs84_mp) {
    double total = 0.0;
    for (const auto& poly : wgs84_mp.polygons)
        for (const auto& ring : poly.rings) {
            double a = 0.0, p = 0.0;
            ring_measure(ring, a, p);
            total += p * 1e-3;
        }
    return total;
}

}  // namespace geo
