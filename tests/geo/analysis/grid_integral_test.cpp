// The integral of a density grid over polygons (grid_integral.hpp): exact on
// fields the bilinear reading represents exactly, and within 0.1 % of the
// total of the exact kernel mass (kernel_mass.hpp, an independent method)
// on clustered points, for both ways of summing the grid.
#include "geo/analysis/grid_integral.hpp"

#include <cmath>
#include <numbers>
#include <random>

#include <gtest/gtest.h>

#include "geo/analysis/kernel_mass.hpp"

namespace {

geo::DensityGrid field(double (*f)(double x_m, double y_m)) {
    geo::DensityGrid g;
    g.origin = {512'345.6, 6'601'234.5};
    g.cell_m = 250.0;
    g.width = 80;
    g.height = 60;
    g.values.resize(static_cast<std::size_t>(g.width * g.height));
    for (int r = 0; r < g.height; ++r)
        for (int c = 0; c < g.width; ++c) {
            const geo::Projected p = g.cell_centre(c, r);
            g.values[static_cast<std::size_t>(r * g.width + c)] = f(p.x_m, p.y_m);
        }
    return g;
}

// A triangle and a square with a square hole, well inside the lattice of
// centres, vertices off the lattice.
geo::ProjectedMultiPolygon shapes() {
    const double x = 512'345.6, y = 6'601'234.5;
    geo::ProjectedMultiPolygon mp;
    mp.polygons.push_back({{{{x + 1'111, y + 1'333}, {x + 7'777, y + 2'020}, {x + 3'030, y + 9'191}}}});
    mp.polygons.push_back(
        {{{{x + 10'100, y + 1'100}, {x + 18'900, y + 1'100}, {x + 18'900, y + 9'900}, {x + 10'100, y + 9'900}},
          {{x + 12'000, y + 3'000}, {x + 12'000, y + 5'000}, {x + 14'000, y + 5'000}, {x + 14'000, y + 3'000}}}});
    return mp;
}

// ∫ over shapes() of a + b·x + c·y, by the centroid formula (written here).
double linear_integral(double a, double b, double cy) {
    double total = 0.0;
    for (const auto& poly : shapes().polygons)
        for (std::size_t k = 0; k < poly.rings.size(); ++k) {
            const auto& ring = poly.rings[k];
            double area = 0, mx = 0, my = 0;
            for (std::size_t i = 0; i < ring.size(); ++i) {
                const auto& p = ring[i];
                const auto& q = ring[(i + 1) % ring.size()];
                const double cross = p.x_m * q.y_m - q.x_m * p.y_m;
                area += cross / 2;
                mx += (p.x_m + q.x_m) * cross / 6;
                my += (p.y_m + q.y_m) * cross / 6;
            }
            const double sign = (k == 0) == (area > 0) ? 1.0 : -1.0;
            total += sign * (a * area + b * mx + cy * my);
        }
    return total * 1e-6;  // value × km²
}

TEST(GridIntegral, ExactOnConstantAndLinearFields) {
    const auto constant = field([](double, double) { return 3.5; });
    EXPECT_NEAR(geo::GridIntegrator(constant).integrate(shapes()), linear_integral(3.5, 0, 0), 1e-9);
    const auto linear = field([](double x, double y) { return 2.0 + 1e-4 * (x - 512'000) + 3e-4 * (y - 6'601'000); });
    EXPECT_NEAR(geo::GridIntegrator(linear).integrate(shapes()),
                linear_integral(2.0 - 1e-4 * 512'000 - 3e-4 * 6'601'000, 1e-4, 3e-4), 1e-6);
    EXPECT_EQ(geo::GridIntegrator(linear).integrate({}), 0.0);
}

TEST(GridIntegral, ResultDoesNotDependOnRingOrientation) {
    const auto g = field([](double x, double y) {
        return std::exp(-((x - 516e3) * (x - 516e3) + (y - 6'605e3) * (y - 6'605e3)) / 2e7);
    });
    auto flipped = shapes();
    for (auto& poly : flipped.polygons)
        for (auto& ring : poly.rings) std::reverse(ring.begin(), ring.end());
    const geo::GridIntegrator integrator(g);
    EXPECT_NEAR(integrator.integrate(flipped), integrator.integrate(shapes()), 1e-12);
}

// Clusters of σ = 2 km, discs and a box across them, both summing methods.
TEST(GridIntegral, WithinATenthOfAPercentOfTheExactKernelMass) {
    std::mt19937_64 rng(11);
    std::normal_distribution<double> n(0.0, 2'000.0);
    std::vector<geo::Projected> pts;
    std::vector<double> w;
    const geo::Projected centres[] = {{525'000, 6'700'000}, {552'000, 6'700'000}, {540'000, 6'730'000}};
    for (const auto& c : centres)
        for (int i = 0; i < 4000; ++i) pts.push_back({c.x_m + n(rng), c.y_m + n(rng)}), w.push_back(1.0 + (i % 3));
    double total = 0;
    for (double v : w) total += v;
    auto disc = [](geo::Projected c, double r) {
        geo::ProjectedPolygon p;
        p.rings.emplace_back();
        for (int k = 0; k < 90; ++k)
            p.rings[0].push_back(
                {c.x_m + r * std::cos(k * std::numbers::pi / 45), c.y_m + r * std::sin(k * std::numbers::pi / 45)});
        return p;
    };
    geo::ProjectedMultiPolygon region;
    region.polygons.push_back(disc(centres[0], 3'100));
    region.polygons.push_back(disc(centres[1], 5'300));
    region.polygons.push_back(
        {{{{533'000, 6'724'000}, {547'000, 6'724'000}, {547'000, 6'733'000}, {533'000, 6'733'000}}}});
    for (auto kernel : {geo::Kernel::quartic, geo::Kernel::gaussian})
        for (auto method : {geo::DensityMethod::direct, geo::DensityMethod::binned_fft}) {
            SCOPED_TRACE(testing::Message()
                         << geo::kernel_id(kernel) << (method == geo::DensityMethod::direct ? " direct" : " binned"));
            geo::DensityParams p;
            p.kernel = kernel;
            p.bandwidth_m = kernel == geo::Kernel::quartic ? 5'000.0 : 1'800.0;
            p.method = method;
            auto g = geo::compute_density(pts, w, p);
            ASSERT_TRUE(g);
            const double exact = geo::kernel_mass_inside(pts, w, {}, kernel, *p.bandwidth_m, region);
            EXPECT_GT(exact, 0.2 * total);
            EXPECT_NEAR(geo::GridIntegrator(*g).integrate(region), exact, 1e-3 * total);
        }
}

}  // namespace

namespace {

// A polygon reaching far outside the grid (hostile or mistaken input) costs
// no more than the lattice it crosses and counts only what lies on it.
TEST(GridIntegral, FarVerticesAreBoundedAndCountOnlyTheLattice) {
    const auto constant = field([](double, double) { return 2.0; });
    const geo::GridIntegrator integrator(constant);
    geo::ProjectedMultiPolygon huge;
    huge.polygons.push_back({{{{-1e15, -1e15}, {1e15, -1e15}, {1e15, 1e15}, {-1e15, 1e15}}}});
    // The lattice of centres spans (width − 1) × (height − 1) cells.
    const double lattice_km2 = 79 * 59 * 0.25 * 0.25;
    // Edge parameters over 2e15 m resolve ~0.2 m: 1e-5 relative.
    EXPECT_NEAR(integrator.integrate(huge), 2.0 * lattice_km2, 1e-5 * lattice_km2);
}

}  // namespace
