// count_self_crossings against stars whose crossings are known: a {n/k}
// star polygon (n odd, k = (n-1)/2) has n·(k-1) crossings.
#include "geo/analysis/self_crossings.hpp"

#include <cmath>
#include <numbers>

#include <gtest/gtest.h>

namespace {

std::vector<geo::LonLat> star(int n, int k) {
    std::vector<geo::LonLat> ring;
    for (int i = 0; i < n; ++i) {
        const double a = 2 * std::numbers::pi * i * k / n;
        ring.push_back({0.7 + 0.3 * std::cos(a), 47.3 + 0.2 * std::sin(a)});
    }
    return ring;
}

TEST(SelfCrossings, SimpleRingsHaveNone) {
    const std::vector<geo::LonLat> square = {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}};
    EXPECT_EQ(geo::count_self_crossings({square}, 10), 0u);
    // A hole inside the outer ring does not cross it.
    const std::vector<geo::LonLat> hole = {{0.2, 0.2}, {0.4, 0.2}, {0.4, 0.4}, {0.2, 0.4}};
    EXPECT_EQ(geo::count_self_crossings({square, hole}, 10), 0u);
    EXPECT_EQ(geo::count_self_crossings({star(200, 1)}, 10), 0u);  // a convex polygon
}

TEST(SelfCrossings, BowTieAndStarsAreCountedExactly) {
    EXPECT_EQ(geo::count_self_crossings({{{0, 0}, {1, 1}, {1, 0}, {0, 1}}}, 10), 1u);
    EXPECT_EQ(geo::count_self_crossings({star(5, 2)}, 100), 5u);  // the pentagram
    EXPECT_EQ(geo::count_self_crossings({star(45, 22)}, 10'000), 45u * 21u);
    EXPECT_EQ(geo::count_self_crossings({star(101, 50)}, 10'000), 101u * 49u);
}

TEST(SelfCrossings, StopsAtTheLimit) {
    // 1,001-vertex star: 249,249 crossings; counting stops just past the limit.
    EXPECT_EQ(geo::count_self_crossings({star(1001, 500)}, 2'000), 2'001u);
}

}  // namespace
