#include "geo/analysis/planar_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace geo {

double signed_area_m2(const ProjectedRing& ring) {
    const std::size_t n = ring.size();
    if (n < 3) return 0.0;
    // Relative to the first vertex: large Lambert-93 coordinates would
    // otherwise cost digits.
    const Projected o = ring[0];
    double twice = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const Projected& a = ring[i];
        const Projected& b = ring[(i + 1) % n];
        twice += (a.x_m - o.x_m) * (b.y_m - o.y_m) - (b.x_m - o.x_m) * (a.y_m - o.y_m);
    }
    return twice / 2.0;
}

double ring_length_m(const ProjectedRing& ring) {
    const std::size_t n = ring.size();
    double len = 0.0;
    for (std::size_t i = 0; i < n && n > 1; ++i) {
        const Projected& a = ring[i];
        const Projected& b = ring[(i + 1) % n];
        len += std::hypot(b.x_m - a.x_m, b.y_m - a.y_m);
    }
    return len;
}

double area_m2(const ProjectedPolygon& polygon) {
    double a = 0.0;
    for (std::size_t i = 0; i < polygon.rings.size(); ++i) {
        const double r = std::abs(signed_area_m2(polygon.rings[i]));
        a += i == 0 ? r : -r;
    }
    return a;
}

double area_m2(const ProjectedMultiPolygon& mp) {
    double a = 0.0;
    for (const auto& p : mp.polygons) a += area_m2(p);
    return a;
}

double boundary_length_m(const ProjectedMultiPolygon& mp) {
    double len = 0.0;
    for (const auto& p : mp.polygons)
        for (const auto& r : p.rings) len += ring_length_m(r);
    return len;
}

bool ring_contains(const ProjectedRing& ring, Projected p) {
    bool inside = false;
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const Projected& a = ring[i];
        const Projected& b = ring[j];
        if ((a.y_m > p.y_m) != (b.y_m > p.y_m) && p.x_m < (b.x_m - a.x_m) * (p.y_m - a.y_m) / (b.y_m - a.y_m) + a.x_m)
            inside = !inside;
    }
    return inside;
}

void orient_rfc7946(ProjectedMultiPolygon& mp) {
    for (auto& p : mp.polygons)
        for (std::size_t i = 0; i < p.rings.size(); ++i) {
            const double a = signed_area_m2(p.rings[i]);
            if ((i == 0 && a < 0.0) || (i > 0 && a > 0.0)) std::reverse(p.rings[i].begin(), p.rings[i].end());
        }
}

double polsby_popper(const ProjectedMultiPolygon& mp) {
    const double p = boundary_length_m(mp);
    if (p <= 0.0) return 0.0;
    return 4.0 * std::numbers::pi * area_m2(mp) / (p * p);
}

}  // namespace geo
