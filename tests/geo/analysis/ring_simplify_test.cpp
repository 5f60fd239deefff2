#include "geo/analysis/ring_simplify.hpp"

#include <cmath>
#include <numbers>

#include <gtest/gtest.h>

namespace {

double distance_to_ring(geo::Projected p, const geo::ProjectedRing& ring) {
    double best = INFINITY;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const auto& a = ring[i];
        const auto& b = ring[i + 1];
        const double dx = b.x_m - a.x_m, dy = b.y_m - a.y_m;
        const double t = std::clamp(((p.x_m - a.x_m) * dx + (p.y_m - a.y_m) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
        best = std::min(best, std::hypot(a.x_m + t * dx - p.x_m, a.y_m + t * dy - p.y_m));
    }
    return best;
}

TEST(RingSimplify, DropsCollinearVerticesAndKeepsCorners) {
    geo::ProjectedRing square;
    for (int i = 0; i < 10; ++i) square.push_back({i * 100.0, 0});
    for (int i = 0; i < 10; ++i) square.push_back({1000.0, i * 100.0});
    for (int i = 0; i < 10; ++i) square.push_back({1000.0 - i * 100.0, 1000});
    for (int i = 0; i < 10; ++i) square.push_back({0, 1000.0 - i * 100.0});
    square.push_back(square.front());
    const auto out = geo::simplify_rings({{{{square}}}}, 1.0);
    const auto& ring = out.polygons.at(0).rings.at(0);
    EXPECT_EQ(ring.size(), 5u);  // four corners, closed
    EXPECT_EQ(ring.front(), ring.back());
}

TEST(RingSimplify, EveryDroppedVertexLiesWithinTheTolerance) {
    geo::ProjectedRing wavy;
    for (int k = 0; k < 720; ++k) {
        const double a = k * std::numbers::pi / 360, r = 10'000 + 300 * std::sin(17 * a) + 40 * std::sin(91 * a);
        wavy.push_back({r * std::cos(a), r * std::sin(a)});
    }
    for (double tol : {5.0, 50.0, 400.0}) {
        const auto out = geo::simplify_rings({{{{wavy}}}}, tol);
        auto ring = out.polygons.at(0).rings.at(0);
        EXPECT_LT(ring.size(), wavy.size());
        ring.push_back(ring.front());
        for (const auto& p : wavy) EXPECT_LE(distance_to_ring(p, ring), tol * (1 + 1e-9));
    }
}

TEST(RingSimplify, KeepsATriangleOrTinyRingAsItIs) {
    const geo::ProjectedRing tiny = {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}};
    EXPECT_EQ(geo::simplify_rings({{{{tiny}}}}, 100.0).polygons.at(0).rings.at(0), tiny);
}

}  // namespace
