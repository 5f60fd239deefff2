// Scratch arrays kept per thread (geo/detail/fftw_scratch.hpp): a lease given
// back is handed out again without allocating; leases alive at once never
// share memory, even past the number kept; arrays over the cap are never
// kept; and a binned density computed after the kept arrays were filled with
// garbage equals the one computed before (callers fill what they read).
#include "geo/detail/fftw_scratch.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <random>
#include <set>
#include <vector>

#include <gtest/gtest.h>

#include "geo/analysis/density.hpp"
#include "geo/analysis/grid_integral.hpp"

namespace {

using geo::detail::scratch_allocations;
using geo::detail::ScratchReals;

// Fills every kept array of this thread with NaN.
void dirty_kept_arrays(std::size_t n) {
    std::vector<std::unique_ptr<ScratchReals>> all;
    for (std::size_t k = 0; k < geo::detail::kMaxKeptScratchArrays; ++k) {
        all.push_back(std::make_unique<ScratchReals>(n));
        std::fill(all.back()->get(), all.back()->get() + n, std::numeric_limits<double>::quiet_NaN());
    }
}

}  // namespace

TEST(FftwScratch, AGivenBackArrayIsHandedOutAgainWithoutAllocating) {
    double* first = nullptr;
    { first = ScratchReals(100'000).get(); }
    const std::size_t before = scratch_allocations();
    const ScratchReals again(100'000);
    EXPECT_EQ(again.get(), first);
    const ScratchReals smaller(50'000);  // another kept array, grown or new
    EXPECT_NE(smaller.get(), first);
    EXPECT_LE(scratch_allocations(), before + 1);
}

TEST(FftwScratch, LeasesAliveAtOnceNeverShareMemory) {
    constexpr std::size_t n = 4'096;
    std::vector<std::unique_ptr<ScratchReals>> alive;
    for (std::size_t k = 0; k < geo::detail::kMaxKeptScratchArrays + 3; ++k) {
        alive.push_back(std::make_unique<ScratchReals>(n));
        std::fill(alive.back()->get(), alive.back()->get() + n, static_cast<double>(k));
    }
    std::set<const double*> starts;
    for (std::size_t k = 0; k < alive.size(); ++k) {
        starts.insert(alive[k]->get());
        EXPECT_TRUE(
            std::all_of(alive[k]->get(), alive[k]->get() + n, [k](double v) { return v == static_cast<double>(k); }))
            << "lease " << k << " was overwritten by another";
    }
    EXPECT_EQ(starts.size(), alive.size());
}

TEST(FftwScratch, ArraysOverTheCapAreNotKept) {
    const std::size_t huge = geo::detail::kMaxKeptScratchDoubles + 1;
    { const ScratchReals a(huge); }
    const std::size_t before = scratch_allocations();
    { const ScratchReals b(huge); }
    EXPECT_EQ(scratch_allocations(), before + 1);
}

TEST(FftwScratch, DensityAndIntegralIgnoreWhatTheKeptArraysHeld) {
    std::mt19937_64 rng(11);
    std::normal_distribution<double> d(0.0, 12'000.0);
    std::vector<geo::Projected> points;
    std::vector<double> weights;
    for (int i = 0; i < 4'000; ++i) {
        points.push_back({500'000.0 + d(rng), 6'700'000.0 + d(rng)});
        weights.push_back(1.0 + i % 4);
    }
    geo::DensityParams p;
    p.bandwidth_m = 7'000.0;
    p.method = geo::DensityMethod::binned_fft;
    auto first = geo::compute_density(points, weights, p);
    ASSERT_TRUE(first) << first.error().message;
    geo::ProjectedMultiPolygon square;
    square.polygons.push_back(
        {{{{490'000, 6'690'000}, {515'000, 6'690'000}, {515'000, 6'712'000}, {490'000, 6'712'000}}}});
    const double first_integral = geo::GridIntegrator(*first).integrate(square);

    dirty_kept_arrays(4 * first->values.size());
    auto second = geo::compute_density(points, weights, p);
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_EQ(second->values, first->values);
    dirty_kept_arrays(4 * first->values.size());
    EXPECT_EQ(geo::GridIntegrator(*second).integrate(square), first_integral);
    EXPECT_GT(first_integral, 0.0);
}
