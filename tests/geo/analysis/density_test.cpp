#include "geo/analysis/density.hpp"

#include <cmath>
#include <limits>
#include <numbers>
#include <random>

#include <gtest/gtest.h>
#include <tbb/task_arena.h>

namespace {

struct Sample {
    std::vector<geo::Projected> points;
    std::vector<double> weights;
};

// Gaussian clusters in Lambert-93-like coordinates (metres), weights in
// (0, 3], one in ten weights zero.
Sample clusters(std::uint32_t seed, std::size_t per_cluster, double sigma_m) {
    std::mt19937_64 rng(seed);
    const geo::Projected centres[] = {{525'000, 6'700'000}, {560'000, 6'720'000}, {540'000, 6'660'000}};
    std::normal_distribution<double> n(0.0, sigma_m);
    std::uniform_real_distribution<double> w(0.0, 3.0);
    std::uniform_int_distribution<int> zero(0, 9);
    Sample s;
    for (const auto& c : centres)
        for (std::size_t i = 0; i < per_cluster; ++i) {
            s.points.push_back({c.x_m + n(rng), c.y_m + n(rng)});
            s.weights.push_back(zero(rng) == 0 ? 0.0 : w(rng) + 1e-3);
        }
    return s;
}

double sum(const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += x;
    return s;
}

}  // namespace

// The grid equals the closed-form quartic sum Σ w · 3/(πh²)(1 − d²/h²)² at every
// cell centre, within 1e-9 relative.
TEST(Density, QuarticGridEqualsClosedFormSum) {
    const Sample s = clusters(42, 700, 6000.0);
    geo::DensityParams p;
    p.bandwidth_m = 5000.0;
    p.cell_m = 1100.0;
    auto g = geo::compute_density(s.points, s.weights, p);
    ASSERT_TRUE(g) << g.error().message;
    EXPECT_FALSE(g->bandwidth_from_data);
    EXPECT_DOUBLE_EQ(g->bandwidth_m, 5000.0);
    int checked = 0;
    for (int r = 0; r < g->height; r += 2)
        for (int c = 0; c < g->width; c += 2) {
            const double want =
                geo::density_at(s.points, s.weights, g->cell_centre(c, r), geo::Kernel::quartic, 5000.0);
            const double got = g->at(c, r);
            if (want == 0.0) {
                EXPECT_EQ(got, 0.0) << c << "," << r;
            } else {
                EXPECT_NEAR(got, want, 1e-9 * want) << c << "," << r;
                ++checked;
            }
        }
    EXPECT_GT(checked, 500);
}

// The kernel is QGIS's quartic shape with the exact 2-D normalisation 3/(πh²).
TEST(Density, QuarticKernelFormula) {
    const std::vector<geo::Projected> one{{1000.0, 2000.0}};
    const std::vector<double> w{2.5};
    const double h = 8000.0;
    for (double d : {0.0, 1000.0, 4000.0, 7999.0, 8000.0, 9000.0}) {
        const double qgis_raw = d < h ? std::pow(1.0 - std::pow(d / h, 2), 2) : 0.0;
        const double want = 2.5 * qgis_raw * 3.0 / (std::numbers::pi * h * h) * 1e6;
        const double got = geo::density_at(one, w, {1000.0 + d, 2000.0}, geo::Kernel::quartic, h);
        EXPECT_NEAR(got, want, 1e-12 * (want + 1e-300)) << d;
    }
    // QGIS's "scaled" output is 21.75/(πh²) × raw: ours is 3/21.75 of it (per m²).
    const double qgis_scaled = 116.0 / (5.0 * std::numbers::pi * h * h) * 15.0 / 16.0;
    EXPECT_NEAR(geo::density_at(one, {1.0}, {1000.0, 2000.0}, geo::Kernel::quartic, h) * 1e-6,
                qgis_scaled * 3.0 / 21.75, 1e-18);
}

TEST(Density, GaussianGridEqualsClosedFormSum) {
    const Sample s = clusters(5, 300, 4000.0);
    geo::DensityParams p;
    p.kernel = geo::Kernel::gaussian;
    p.bandwidth_m = 2000.0;
    auto g = geo::compute_density(s.points, s.weights, p);
    ASSERT_TRUE(g) << g.error().message;
    EXPECT_DOUBLE_EQ(g->cell_m, 500.0);  // σ / kDefaultCellsPerSigma
    double peak = 0;
    for (double v : g->values) peak = std::max(peak, v);
    for (int r = 0; r < g->height; r += 3)
        for (int c = 0; c < g->width; c += 3) {
            const double want =
                geo::density_at(s.points, s.weights, g->cell_centre(c, r), geo::Kernel::gaussian, 2000.0);
            EXPECT_NEAR(g->at(c, r), want, 1e-9 * want + 1e-12 * peak) << c << "," << r;
        }
}

TEST(Density, MassIsConservedAndEdgesAreEmpty) {
    const Sample s = clusters(9, 2000, 5000.0);
    for (auto kernel : {geo::Kernel::quartic, geo::Kernel::gaussian}) {
        geo::DensityParams p;
        p.kernel = kernel;
        p.bandwidth_m = kernel == geo::Kernel::quartic ? 6000.0 : 2500.0;
        auto g = geo::compute_density(s.points, s.weights, p);
        ASSERT_TRUE(g);
        // Kernels integrate to 1, the grid holds the total weight (1 % for the
        // Riemann sum at 4 cells a bandwidth).
        EXPECT_NEAR(g->total_mass(), sum(s.weights), 0.01 * sum(s.weights));
        for (int c = 0; c < g->width; ++c) {
            EXPECT_EQ(g->at(c, 0), 0.0);
            EXPECT_EQ(g->at(c, g->height - 1), 0.0);
        }
        for (int r = 0; r < g->height; ++r) {
            EXPECT_EQ(g->at(0, r), 0.0);
            EXPECT_EQ(g->at(g->width - 1, r), 0.0);
        }
    }
}

TEST(Density, DeterministicWhateverTheThreadCount) {
    const Sample s = clusters(3, 5000, 8000.0);
    geo::DensityParams p;
    p.cell_m = 500.0;
    auto a = geo::compute_density(s.points, s.weights, p);
    ASSERT_TRUE(a);
    tbb::task_arena one(1);
    geo::Result<geo::DensityGrid> b;
    one.execute([&] { b = geo::compute_density(s.points, s.weights, p); });
    ASSERT_TRUE(b);
    EXPECT_EQ(a->values, b->values);
}

TEST(Density, ScottRuleWithinClamp) {
    // One round Gaussian cluster, σ = 10 km, n = 10 000 equal weights:
    // Gaussian bandwidth 10 000 × n^(-1/6) = 2154 m, quartic × 2.7793 = 5987 m.
    std::mt19937_64 rng(1);
    std::normal_distribution<double> n(0.0, 10'000.0);
    std::vector<geo::Projected> pts(10'000);
    for (auto& p : pts) p = {600'000 + n(rng), 6'600'000 + n(rng)};
    std::vector<double> ones(pts.size(), 1.0), twos(pts.size(), 2.0);
    const geo::BandwidthChoice scott{geo::BandwidthSelector::scott, 0.0};
    auto q = geo::select_bandwidth(pts, ones, geo::Kernel::quartic, scott);
    ASSERT_TRUE(q);
    EXPECT_NEAR(q->bandwidth_m, 5987.0, 0.03 * 5987.0);
    EXPECT_NEAR(geo::select_bandwidth(pts, twos, geo::Kernel::quartic, scott)->bandwidth_m, q->bandwidth_m, 1e-6);
    EXPECT_NEAR(geo::select_bandwidth(pts, ones, geo::Kernel::gaussian, scott)->bandwidth_m, 2154.0, 0.03 * 2154.0);
    // Tightly packed points hit the 2 km floor, France-wide spread the 30 km cap.
    std::vector<geo::Projected> tight{{0, 0}, {10, 0}, {0, 10}, {10, 10}};
    auto t = geo::select_bandwidth(tight, {1, 1, 1, 1}, geo::Kernel::quartic, scott);
    EXPECT_NEAR(t->bandwidth_m, geo::kMinQuarticBandwidthM, 1e-6);
    EXPECT_TRUE(t->clamped);
    std::vector<geo::Projected> wide{{0, 0}, {900'000, 0}, {0, 900'000}, {900'000, 900'000}};
    EXPECT_NEAR(geo::select_bandwidth(wide, {1, 1, 1, 1}, geo::Kernel::quartic, scott)->bandwidth_m,
                geo::kMaxQuarticBandwidthM, 1e-6);

    // The default grid: plug-in bandwidth (a normal sample: close to Scott's
    // normal-reference value), cell σ/4.
    geo::DensityParams p;
    auto g = geo::compute_density(pts, ones, p);
    ASSERT_TRUE(g);
    EXPECT_TRUE(g->bandwidth_from_data);
    EXPECT_EQ(g->selection.rule, geo::BandwidthSelector::plugin);
    EXPECT_NEAR(g->bandwidth_m, q->bandwidth_m, 0.1 * q->bandwidth_m);
    EXPECT_NEAR(g->cell_m, g->bandwidth_m / geo::kQuarticPerGaussian / 4.0, 1e-9);
}

TEST(Density, GridIsCappedByGrowingTheCell) {
    const Sample s = clusters(2, 100, 20'000.0);
    geo::DensityParams p;
    p.bandwidth_m = 5000.0;
    p.cell_m = 10.0;
    p.max_cells = 20'000;
    auto g = geo::compute_density(s.points, s.weights, p);
    ASSERT_TRUE(g);
    EXPECT_LE(static_cast<std::size_t>(g->width) * static_cast<std::size_t>(g->height), 20'000u);
    EXPECT_GT(g->cell_m, 10.0);
    EXPECT_NEAR(g->total_mass(), sum(s.weights), 0.02 * sum(s.weights));
}

TEST(Density, BadInputIsRejectedWithAMessage) {
    geo::DensityParams p;
    std::vector<geo::Projected> pts{{0, 0}, {1, 1}};
    auto mismatch = geo::compute_density(pts, {1.0}, p);
    ASSERT_FALSE(mismatch);
    EXPECT_NE(mismatch.error().message.find("2 points but 1 weights"), std::string::npos);
    auto negative = geo::compute_density(pts, {1.0, -2.0}, p);
    ASSERT_FALSE(negative);
    EXPECT_NE(negative.error().message.find("weight of point 1 is -2"), std::string::npos);
    auto zero = geo::compute_density(pts, {0.0, 0.0}, p);
    ASSERT_FALSE(zero);
    EXPECT_NE(zero.error().message.find("no offer item with a positive weight"), std::string::npos);
    p.bandwidth_m = -5.0;
    EXPECT_FALSE(geo::compute_density(pts, {1.0, 1.0}, p));
    p.bandwidth_m = 1000.0;
    p.max_cells = 3;
    EXPECT_FALSE(geo::compute_density(pts, {1.0, 1.0}, p));
    p.max_cells = 4'000'000;
    // A cell over 100 km drew an empty perimeter, silently (issue 16).
    for (double cell : {1e300, 100'001.0, 1e-150, std::numeric_limits<double>::infinity()}) {
        p.cell_m = cell;
        auto r = geo::compute_density(pts, {1.0, 1.0}, p);
        ASSERT_FALSE(r) << cell;
        EXPECT_NE(r.error().message.find("must be a number of metres in [1, 100000]"), std::string::npos);
    }
    p.cell_m = 100'000.0;
    EXPECT_TRUE(geo::compute_density(pts, {1.0, 1.0}, p));
    EXPECT_EQ(geo::kernel_from_id("gaussian").value(), geo::Kernel::gaussian);
    EXPECT_FALSE(geo::kernel_from_id("epanechnikov"));
}

namespace {

double peak_of(const geo::DensityGrid& g) {
    double peak = 0;
    for (double v : g.values) peak = std::max(peak, v);
    return peak;
}

}  // namespace

// The binned FFT convolution against the direct sum on the same grid: same
// geometry, values within half a percent of the peak, mass within 0.1 %.
TEST(Density, BinnedConvolutionAgreesWithTheDirectSum) {
    const Sample s = clusters(5, 3000, 4000.0);
    for (auto kernel : {geo::Kernel::quartic, geo::Kernel::gaussian}) {
        SCOPED_TRACE(geo::kernel_id(kernel));
        geo::DensityParams p;
        p.kernel = kernel;
        p.bandwidth_m = kernel == geo::Kernel::quartic ? 6000.0 : 2200.0;
        p.method = geo::DensityMethod::binned_fft;
        auto binned = geo::compute_density(s.points, s.weights, p);
        ASSERT_TRUE(binned);
        EXPECT_TRUE(binned->binned);
        const double peak = peak_of(*binned);
        for (int r = 0; r < binned->height; r += 2)
            for (int c = 0; c < binned->width; c += 2) {
                const double want =
                    geo::density_at(s.points, s.weights, binned->cell_centre(c, r), kernel, *p.bandwidth_m);
                ASSERT_NEAR(binned->at(c, r), want, 0.005 * peak) << c << "," << r;
            }
        p.method = geo::DensityMethod::direct;
        auto direct = geo::compute_density(s.points, s.weights, p);
        ASSERT_TRUE(direct);
        EXPECT_FALSE(direct->binned);
        EXPECT_NEAR(binned->total_mass(), direct->total_mass(), 1e-3 * direct->total_mass());
    }
}

TEST(Density, AutomaticBinsManyPointsAndSumsFewDirectly) {
    geo::DensityParams p;
    p.bandwidth_m = 6000.0;
    const Sample many = clusters(6, 20000, 4000.0);
    auto g = geo::compute_density(many.points, many.weights, p);
    ASSERT_TRUE(g);
    EXPECT_TRUE(g->binned);
    const Sample few = clusters(6, 30, 4000.0);
    g = geo::compute_density(few.points, few.weights, p);
    ASSERT_TRUE(g);
    EXPECT_FALSE(g->binned);
}
