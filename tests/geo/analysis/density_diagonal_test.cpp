// Diagonal bandwidths (kernel.hpp: σ = √(σx·σy) with an x stretch): the
// diagonal selector applies the plug-in's diagonal optimum; the grid, direct or binned, equals
// the stretched kernel sum written here; the exact kernel mass with a stretch
// equals a fine numerical integral of that sum.
#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "geo/analysis/density.hpp"
#include "geo/analysis/kernel_mass.hpp"

namespace {

struct Sample {
    std::vector<geo::Projected> points;
    std::vector<double> weights;
};

// Three clusters strung along an east-west valley: spread 9 km along x,
// 2.5 km along y.
Sample valley(std::uint32_t seed, std::size_t per_cluster) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> nx(0.0, 9'000.0), ny(0.0, 2'500.0);
    std::uniform_real_distribution<double> w(0.5, 2.0);
    Sample s;
    for (double cx : {500'000.0, 530'000.0, 575'000.0})
        for (std::size_t i = 0; i < per_cluster; ++i) {
            s.points.push_back({cx + nx(rng), 6'700'000.0 + ny(rng)});
            s.weights.push_back(w(rng));
        }
    return s;
}

// The stretched kernel, written independently of kernel_terms.hpp.
double reference_density_km2(const Sample& s, geo::Projected at, geo::Kernel kernel, double bandwidth_m,
                             double stretch) {
    double sum = 0.0;
    for (std::size_t i = 0; i < s.points.size(); ++i) {
        const double dx = (at.x_m - s.points[i].x_m) * stretch, dy = (at.y_m - s.points[i].y_m) / stretch;
        const double d2 = dx * dx + dy * dy, h2 = bandwidth_m * bandwidth_m;
        if (kernel == geo::Kernel::quartic) {
            if (d2 < h2) sum += s.weights[i] * 3.0 / (M_PI * h2) * std::pow(1.0 - d2 / h2, 2);
        } else if (d2 <= 16.0 * h2) {
            sum += s.weights[i] * std::exp(-d2 / (2 * h2)) / (2 * M_PI * h2 * (1.0 - std::exp(-8.0)));
        }
    }
    return sum * 1e6;  // per km²
}

}  // namespace

TEST(DensityDiagonal, DiagonalSelectorAppliesThePluginAxesAlongTheValley) {
    const Sample s = valley(11, 400);
    for (auto kernel : {geo::Kernel::quartic, geo::Kernel::gaussian}) {
        SCOPED_TRACE(geo::kernel_id(kernel));
        geo::DensityParams p;
        p.kernel = kernel;
        p.method = geo::DensityMethod::direct;
        auto iso = geo::compute_density(s.points, s.weights, p);
        ASSERT_TRUE(iso) << iso.error().message;
        EXPECT_DOUBLE_EQ(iso->x_stretch, 1.0) << "the default plug-in is isotropic";
        p.selector = geo::BandwidthSelector::diagonal;
        auto g = geo::compute_density(s.points, s.weights, p);
        ASSERT_TRUE(g) << g.error().message;
        const geo::BandwidthSelection& sel = g->selection;
        ASSERT_EQ(sel.rule, geo::BandwidthSelector::diagonal) << sel.note;
        EXPECT_LT(g->x_stretch, 0.8) << "the kernel is wider along the valley";
        EXPECT_DOUBLE_EQ(g->x_stretch, sel.x_stretch);
        EXPECT_GT(sel.sigma_x_m() / sel.sigma_y_m(), 1.6);
        EXPECT_NEAR(sel.sigma_x_m() * sel.sigma_y_m(), sel.sigma_m * sel.sigma_m, 1e-6 * sel.sigma_m * sel.sigma_m);
        int checked = 0;
        for (int r = 0; r < g->height; r += 3)
            for (int c = 0; c < g->width; c += 3) {
                const double want =
                    reference_density_km2(s, g->cell_centre(c, r), kernel, g->bandwidth_m, g->x_stretch);
                ASSERT_NEAR(g->at(c, r), want, 1e-9 * want + 1e-12) << c << "," << r;
                EXPECT_NEAR(geo::density_at(s.points, s.weights, {}, g->cell_centre(c, r), kernel, g->bandwidth_m,
                                            g->x_stretch),
                            want, 1e-9 * want + 1e-12);
                checked += want > 0.0;
            }
        EXPECT_GT(checked, 300);
        double total = 0.0;
        for (double w : s.weights) total += w;
        EXPECT_NEAR(g->total_mass(), total, 2e-3 * total) << "no kernel cut at the grid's edge";

        p.method = geo::DensityMethod::binned_fft;
        auto binned = geo::compute_density(s.points, s.weights, p);
        ASSERT_TRUE(binned) << binned.error().message;
        ASSERT_TRUE(binned->binned);
        double peak = 0.0;
        for (double v : g->values) peak = std::max(peak, v);
        for (int r = 0; r < binned->height; r += 3)
            for (int c = 0; c < binned->width; c += 3) {
                const double want =
                    reference_density_km2(s, binned->cell_centre(c, r), kernel, binned->bandwidth_m, binned->x_stretch);
                ASSERT_NEAR(binned->at(c, r), want, 0.005 * peak) << c << "," << r;
            }
    }
}

TEST(DensityDiagonal, KernelMassWithAStretchEqualsTheNumericalIntegral) {
    const Sample s = valley(12, 5);
    geo::ProjectedMultiPolygon box;
    // A rectangle with a notch, over part of the first cluster.
    box.polygons.push_back({{{{492'000, 6'697'000},
                              {512'000, 6'697'000},
                              {512'000, 6'703'500},
                              {503'000, 6'703'500},
                              {503'000, 6'701'000},
                              {492'000, 6'701'000}}}});
    for (auto kernel : {geo::Kernel::quartic, geo::Kernel::gaussian}) {
        SCOPED_TRACE(geo::kernel_id(kernel));
        const double h = kernel == geo::Kernel::quartic ? 9'000.0 : 3'200.0;
        for (double stretch : {0.5, 1.0, 1.7}) {
            const double exact = geo::kernel_mass_inside(s.points, s.weights, {}, kernel, h, box, stretch);
            // Midpoint rule on 25 m cells of the stretched kernel sum.
            double numeric = 0.0;
            const double cell = 25.0;
            for (double y = 6'697'000 + cell / 2; y < 6'703'500; y += cell)
                for (double x = 492'000 + cell / 2; x < 512'000; x += cell) {
                    if (x < 503'000 && y > 6'701'000) continue;
                    numeric += reference_density_km2(s, {x, y}, kernel, h, stretch) * cell * cell * 1e-6;
                }
            EXPECT_NEAR(exact, numeric, 2e-4 * numeric + 1e-6) << "stretch " << stretch;
        }
    }
}
