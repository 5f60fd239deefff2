// The FFTW plan cache (geo/detail/fftw_plans.hpp): a second binned density
// at the same sizes makes no plan and gives the same grid; grids computed on
// several threads at once, sharing cached plans, equal the one computed alone.
#include "geo/detail/fftw_plans.hpp"

#include <random>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "geo/analysis/density.hpp"

namespace {

struct Sample {
    std::vector<geo::Projected> points;
    std::vector<double> weights;
};

Sample scattered(std::uint32_t seed, std::size_t n) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> d(0.0, 15'000.0);
    Sample s;
    for (std::size_t i = 0; i < n; ++i) {
        s.points.push_back({600'000.0 + d(rng), 6'600'000.0 + d(rng)});
        s.weights.push_back(1.0 + static_cast<double>(i % 3));
    }
    return s;
}

geo::DensityGrid binned(const Sample& s) {
    geo::DensityParams p;
    p.bandwidth_m = 9'000.0;
    p.method = geo::DensityMethod::binned_fft;
    auto g = geo::compute_density(s.points, s.weights, p);
    EXPECT_TRUE(g) << g.error().message;
    EXPECT_TRUE(g && g->binned);
    return g ? std::move(*g) : geo::DensityGrid{};
}

}  // namespace

TEST(FftwPlans, ASecondGridAtTheSameSizesMakesNoPlan) {
    const Sample s = scattered(3, 5'000);
    const geo::DensityGrid first = binned(s);
    const std::size_t made = geo::detail::fftw_plans_made();
    const geo::DensityGrid second = binned(s);
    EXPECT_EQ(geo::detail::fftw_plans_made(), made);
    ASSERT_EQ(first.values.size(), second.values.size());
    EXPECT_EQ(first.values, second.values);
}

TEST(FftwPlans, ThreadsSharingCachedPlansGetTheGridComputedAlone) {
    const Sample s = scattered(4, 8'000);
    const geo::DensityGrid alone = binned(s);
    std::vector<geo::DensityGrid> grids(6);
    std::vector<std::thread> threads;
    for (auto& g : grids) threads.emplace_back([&s, &g] { g = binned(s); });
    for (auto& t : threads) t.join();
    for (const auto& g : grids) EXPECT_EQ(g.values, alone.values);
}
