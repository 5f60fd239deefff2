#include "geo/analysis/contour.hpp"

#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "geo/analysis/hdr.hpp"

namespace {

geo::DensityGrid make_grid(int w, int h, double cell_m) {
    geo::DensityGrid g;
    g.origin = {500'000.0, 6'600'000.0};
    g.cell_m = cell_m;
    g.width = w;
    g.height = h;
    g.values.assign(static_cast<std::size_t>(w * h), 0.0);
    return g;
}

double& at(geo::DensityGrid& g, int c, int r) {
    return g.values[static_cast<std::size_t>(r * g.width + c)];
}

// A smooth random field: a sum of bumps, some cells exactly zero.
geo::DensityGrid random_field(std::uint32_t seed) {
    std::mt19937_64 rng(seed);
    // An origin and cell that are not binary fractions: contour vertices then
    // sit on row centres only up to rounding, which mass_inside must handle.
    geo::DensityGrid g = make_grid(60, 45, 251.3);
    g.origin = {512'345.678, 6'601'234.567};
    std::uniform_real_distribution<double> cx(0, 60), cy(0, 45), amp(0.2, 3.0), rad(2.0, 9.0);
    for (int k = 0; k < 14; ++k) {
        const double x0 = cx(rng), y0 = cy(rng), a = amp(rng), r0 = rad(rng);
        for (int r = 0; r < g.height; ++r)
            for (int c = 0; c < g.width; ++c) {
                const double d2 = ((c - x0) * (c - x0) + (r - y0) * (r - y0)) / (r0 * r0);
                if (d2 < 1.0) at(g, c, r) += a * (1 - d2) * (1 - d2);
            }
    }
    return g;
}

// Even-odd membership over all rings of a multipolygon.
bool inside(const geo::ProjectedMultiPolygon& mp, geo::Projected p) {
    bool in = false;
    for (const auto& poly : mp.polygons)
        for (const auto& ring : poly.rings)
            if (geo::ring_contains(ring, p)) in = !in;
    return in;
}

}  // namespace

TEST(Contour, SinglePeakGivesOneCounterClockwiseRing) {
    geo::DensityGrid g = make_grid(5, 5, 100.0);
    at(g, 2, 2) = 4.0;
    at(g, 1, 2) = at(g, 3, 2) = at(g, 2, 1) = at(g, 2, 3) = 1.0;
    const auto mp = geo::contour_region(g, 2.0);
    ASSERT_EQ(mp.polygons.size(), 1u);
    ASSERT_EQ(mp.polygons[0].rings.size(), 1u);
    const auto& ring = mp.polygons[0].rings[0];
    EXPECT_EQ(ring.size(), 4u);  // a diamond around the centre
    EXPECT_GT(geo::signed_area_m2(ring), 0.0);
    // Crossings half-way between the centre (4) and its neighbours (1): 2/3 of
    // the way would be 1 at the iso-value 2 → at 2/3 × 100 m from the centre.
    const geo::Projected c = g.cell_centre(2, 2);
    for (const auto& p : ring) EXPECT_NEAR(std::hypot(p.x_m - c.x_m, p.y_m - c.y_m), 100.0 * 2.0 / 3.0, 1e-9);
}

TEST(Contour, AnnulusGivesAPolygonWithAHole) {
    geo::DensityGrid g = make_grid(9, 9, 100.0);
    for (int r = 1; r < 8; ++r)
        for (int c = 1; c < 8; ++c) at(g, c, r) = 5.0;
    for (int r = 3; r < 6; ++r)
        for (int c = 3; c < 6; ++c) at(g, c, r) = 0.5;
    const auto mp = geo::contour_region(g, 1.0);
    ASSERT_EQ(mp.polygons.size(), 1u);
    ASSERT_EQ(mp.polygons[0].rings.size(), 2u);
    EXPECT_GT(geo::signed_area_m2(mp.polygons[0].rings[0]), 0.0);
    EXPECT_LT(geo::signed_area_m2(mp.polygons[0].rings[1]), 0.0);
}

// Property: a cell centre is inside the contour polygons exactly when its value
// is >= the threshold; rings do not cross (areas add up).
TEST(Contour, CellCentresInsideExactlyWhenAboveThreshold) {
    for (std::uint32_t seed = 1; seed <= 8; ++seed) {
        const geo::DensityGrid g = random_field(seed);
        for (double t : {0.05, 0.4, 1.1, 2.5}) {
            const auto mp = geo::contour_region(g, t);
            int mismatches = 0;
            for (int r = 0; r < g.height; ++r)
                for (int c = 0; c < g.width; ++c)
                    if (inside(mp, g.cell_centre(c, r)) != (g.at(c, r) >= t)) ++mismatches;
            EXPECT_EQ(mismatches, 0) << "seed " << seed << " threshold " << t;
            for (const auto& poly : mp.polygons) {
                EXPECT_GT(geo::signed_area_m2(poly.rings[0]), 0.0);
                for (std::size_t i = 1; i < poly.rings.size(); ++i) EXPECT_LT(geo::signed_area_m2(poly.rings[i]), 0.0);
                EXPECT_GT(geo::area_m2(poly), 0.0);
            }
        }
    }
}

TEST(Hdr, ThresholdIsTheSmallestSetHoldingTheLevel) {
    for (std::uint32_t seed = 1; seed <= 6; ++seed) {
        const geo::DensityGrid g = random_field(seed);
        double total = 0;
        for (double v : g.values) total += v;
        const std::vector<double> levels{0.1, 0.5, 0.8, 0.95, 1.0};
        const auto t = geo::hdr_thresholds(g, levels);
        ASSERT_EQ(t.size(), levels.size());
        for (std::size_t k = 0; k < levels.size(); ++k) {
            double at_or_above = 0, above = 0;
            for (double v : g.values) {
                if (v >= t[k]) at_or_above += v;
                if (v > t[k]) above += v;
            }
            EXPECT_GE(at_or_above, levels[k] * total * (1 - 1e-12)) << seed << " " << levels[k];
            EXPECT_LT(above, levels[k] * total) << seed << " " << levels[k];
            if (k > 0) {
                EXPECT_LE(t[k], t[k - 1]);
            }
        }
        EXPECT_GT(t.back(), 0.0);
    }
}

TEST(Hdr, MassInsideTheContourEqualsMassAboveThreshold) {
    const geo::DensityGrid g = random_field(3);
    const auto t = geo::hdr_thresholds(g, {0.8});
    double want = 0;
    for (double v : g.values)
        if (v >= t[0]) want += v;
    want *= g.cell_area_km2();
    EXPECT_NEAR(geo::mass_inside(g, geo::contour_region(g, t[0])), want, 1e-12 * want);
    EXPECT_EQ(geo::mass_inside(g, geo::ProjectedMultiPolygon{}), 0.0);
}
