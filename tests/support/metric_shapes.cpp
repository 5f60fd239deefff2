#include "tests/support/metric_shapes.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

#include "geo/crs/metric_crs.hpp"

namespace test {
namespace {

constexpr double kStepKm = 0.25;

const geo::Projector& lambert93() {
    thread_local const geo::Projector p = [] {
        auto made = geo::Projector::create("EPSG:2154");
        if (!made) throw std::runtime_error(made.error().message);
        return std::move(*made);
    }();
    return p;
}

geo::LonLat to_wgs84(double x_km, double y_km) {
    auto p = lambert93().inverse(geo::Projected{kOriginX_m + x_km * 1000.0, kOriginY_m + y_km * 1000.0});
    if (!p) throw std::runtime_error(p.error().message);
    return *p;
}

// Appends the edge from a to b (km), a included, b excluded.
void edge(geo::Ring& ring, double ax, double ay, double bx, double by) {
    const int n = std::max(1, static_cast<int>(std::ceil(std::hypot(bx - ax, by - ay) / kStepKm)));
    for (int i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / n;
        ring.push_back(to_wgs84(ax + t * (bx - ax), ay + t * (by - ay)));
    }
}

}  // namespace

geo::MultiPolygon l93_rect_km(double x0, double y0, double x1, double y1) {
    geo::Ring ring;
    edge(ring, x0, y0, x1, y0);
    edge(ring, x1, y0, x1, y1);
    edge(ring, x1, y1, x0, y1);
    edge(ring, x0, y1, x0, y0);
    ring.push_back(ring.front());
    geo::MultiPolygon mp;
    mp.polygons.push_back(geo::Polygon{{std::move(ring)}});
    return mp;
}

geo::MultiPolygon l93_disc_km(double cx, double cy, double r, int n) {
    geo::Ring ring;
    for (int i = 0; i < n; ++i) {
        const double a = 2.0 * std::numbers::pi * i / n;
        const double b = 2.0 * std::numbers::pi * (i + 1) / n;
        edge(ring, cx + r * std::cos(a), cy + r * std::sin(a), cx + r * std::cos(b), cy + r * std::sin(b));
    }
    ring.push_back(ring.front());
    geo::MultiPolygon mp;
    mp.polygons.push_back(geo::Polygon{{std::move(ring)}});
    return mp;
}

geo::MultiPolygon merged(geo::MultiPolygon a, const geo::MultiPolygon& b) {
    a.polygons.insert(a.polygons.end(), b.polygons.begin(), b.polygons.end());
    return a;
}

geo::LonLat l93_point_km(double x_km, double y_km) {
    return to_wgs84(x_km, y_km);
}

geo::OfferItem synthetic_item(std::int64_t id, std::string name, geo::Family family, geo::LonLat at) {
    geo::OfferItem it;
    it.id = id;
    it.name = std::move(name);
    it.family = family;
    it.position = at;
    return it;
}

}  // namespace test
