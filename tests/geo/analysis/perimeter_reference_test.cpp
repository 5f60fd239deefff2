// The perimeter against independent references written here (not the code
// under test): separated clusters stay separate with the default bandwidth;
// at a fixed bandwidth the region agrees with a direct-sum highest-density
// region; the captured share reported is the kernel mass inside the polygon.
#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

#include <gtest/gtest.h>

#include "geo/analysis/perimeter.hpp"

namespace {

constexpr double kPi = std::numbers::pi;

struct Scene {
    std::vector<geo::Projected> points;
    std::vector<double> weights;
    std::vector<geo::Projected> centres;
    geo::Projected isolated;
};

// Three clusters of σ = 2 km, 27–60 km apart, sparse noise over 160 km, one
// isolated item 45+ km from everything (Lambert-93 metres, near Tours).
Scene three_clusters(std::uint32_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::normal_distribution<double> n(0.0, 2'000.0);
    Scene s;
    const geo::Projected origin{525'000, 6'700'000};
    const double d1 = 27'000 + 10'000 * u(rng), d2 = 35'000 + 25'000 * u(rng);
    const double angle = 0.6 + 0.9 * u(rng);
    s.centres = {
        origin, {origin.x_m + d1, origin.y_m}, {origin.x_m + d2 * std::cos(angle), origin.y_m + d2 * std::sin(angle)}};
    for (const auto& c : s.centres)
        for (int i = 0; i < 300; ++i) {
            s.points.push_back({c.x_m + n(rng), c.y_m + n(rng)});
            s.weights.push_back(1.0);
        }
    for (int i = 0; i < 40; ++i) {
        s.points.push_back({origin.x_m - 50'000 + 160'000 * u(rng), origin.y_m - 60'000 + 160'000 * u(rng)});
        s.weights.push_back(0.3);
    }
    s.isolated = {origin.x_m - 45'000, origin.y_m - 50'000};
    s.points.push_back(s.isolated);
    s.weights.push_back(1.0);
    return s;
}

std::vector<geo::Projected> to_metric(const geo::Projector& p, const geo::Ring& ring) {
    auto r = p.forward(std::span<const geo::LonLat>(ring.data(), ring.size()));
    EXPECT_TRUE(r);
    return r ? *r : std::vector<geo::Projected>{};
}

// Even-odd test over all rings of all polygons (written here).
bool inside(const std::vector<std::vector<geo::Projected>>& rings, geo::Projected q) {
    bool in = false;
    for (const auto& ring : rings)
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
            if ((ring[i].y_m > q.y_m) != (ring[j].y_m > q.y_m) &&
                q.x_m < (ring[j].x_m - ring[i].x_m) * (q.y_m - ring[i].y_m) / (ring[j].y_m - ring[i].y_m) + ring[i].x_m)
                in = !in;
    return in;
}

std::vector<std::vector<geo::Projected>> metric_rings(const geo::Projector& p, const geo::MultiPolygon& mp) {
    std::vector<std::vector<geo::Projected>> out;
    for (const auto& poly : mp.polygons)
        for (const auto& ring : poly.rings) out.push_back(to_metric(p, ring));
    return out;
}

// Direct sum Σ w K(d) of the kernel (quartic radius h or Gaussian σ
// truncated at 4σ and renormalised), per m².
double direct_density(const Scene& s, geo::Projected q, geo::Kernel kernel, double h) {
    double sum = 0.0;
    for (std::size_t i = 0; i < s.points.size(); ++i) {
        const double dx = q.x_m - s.points[i].x_m, dy = q.y_m - s.points[i].y_m, d2 = dx * dx + dy * dy;
        if (kernel == geo::Kernel::quartic) {
            if (d2 < h * h) sum += s.weights[i] * 3.0 / (kPi * h * h) * std::pow(1.0 - d2 / (h * h), 2);
        } else if (d2 <= 16.0 * h * h) {
            sum += s.weights[i] * std::exp(-d2 / (2 * h * h)) / (2 * kPi * h * h * (1 - std::exp(-8.0)));
        }
    }
    return sum;
}

struct FineGrid {
    double x0, y0, step;
    int n;
    std::vector<double> f;  // row-major
    [[nodiscard]] geo::Projected centre(int c, int r) const { return {x0 + (c + 0.5) * step, y0 + (r + 0.5) * step}; }
};

FineGrid fine_grid(const Scene& s, geo::Kernel kernel, double h, int n) {
    double xmin = 1e300, xmax = -1e300, ymin = 1e300, ymax = -1e300;
    for (const auto& p : s.points) {
        xmin = std::min(xmin, p.x_m), xmax = std::max(xmax, p.x_m);
        ymin = std::min(ymin, p.y_m), ymax = std::max(ymax, p.y_m);
    }
    const double reach = kernel == geo::Kernel::quartic ? h : 4 * h;
    FineGrid g{xmin - reach, ymin - reach, std::max(xmax - xmin, ymax - ymin) / n + 2 * reach / n, n, {}};
    g.f.resize(static_cast<std::size_t>(n) * n);
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c)
            g.f[static_cast<std::size_t>(r) * n + c] = direct_density(s, g.centre(c, r), kernel, h);
    return g;
}

}  // namespace

TEST(PerimeterReference, ThreeClustersStaySeparateWithTheDefaultBandwidth) {
    auto projector = geo::Projector::create("EPSG:2154");
    ASSERT_TRUE(projector);
    for (std::uint32_t seed = 1; seed <= 6; ++seed) {
        SCOPED_TRACE(testing::Message() << "seed " << seed);
        const Scene s = three_clusters(seed);
        geo::PerimeterParams params;
        params.levels = {0.5, 0.8, 0.95};
        auto res = geo::compute_perimeter(*projector, s.points, s.weights, params);
        ASSERT_TRUE(res) << res.error().message;
        EXPECT_EQ(res->bandwidth.rule, geo::BandwidthSelector::plugin);
        for (const auto& lv : res->levels) {
            SCOPED_TRACE(testing::Message() << "level " << lv.level);
            EXPECT_EQ(lv.components, 3);
            std::vector<int> owner;
            for (const auto& c : s.centres) {
                int found = -1;
                for (std::size_t k = 0; k < lv.geometry.polygons.size(); ++k) {
                    geo::MultiPolygon one;
                    one.polygons.push_back(lv.geometry.polygons[k]);
                    if (inside(metric_rings(*projector, one), c)) found = static_cast<int>(k);
                }
                EXPECT_GE(found, 0) << "a cluster centre is outside";
                owner.push_back(found);
            }
            EXPECT_NE(owner[0], owner[1]);
            EXPECT_NE(owner[1], owner[2]);
            EXPECT_NE(owner[0], owner[2]);
            EXPECT_FALSE(inside(metric_rings(*projector, lv.geometry), s.isolated)) << "the isolated item is inside";
        }
    }
}

TEST(PerimeterReference, RegionAgreesWithADirectSumReferenceAndMassIsExact) {
    auto projector = geo::Projector::create("EPSG:2154");
    ASSERT_TRUE(projector);
    const Scene s = three_clusters(42);
    for (geo::Kernel kernel : {geo::Kernel::quartic, geo::Kernel::gaussian}) {
        const double h = kernel == geo::Kernel::quartic ? 9'000.0 : 3'200.0;
        SCOPED_TRACE(geo::kernel_id(kernel));
        const FineGrid ref = fine_grid(s, kernel, h, 260);
        const double cell_area = ref.step * ref.step;
        double total = 0.0;
        for (double v : ref.f) total += v * cell_area;
        std::vector<double> sorted = ref.f;
        std::sort(sorted.begin(), sorted.end(), std::greater<>());
        for (std::optional<double> cell : {std::optional<double>{}, std::optional<double>{4.0 * h}}) {
            geo::PerimeterParams params;
            params.levels = {0.5, 0.8, 0.95};
            params.kernel = kernel;
            params.bandwidth_m = h;
            params.cell_m = cell;
            auto res = geo::compute_perimeter(*projector, s.points, s.weights, params);
            ASSERT_TRUE(res) << res.error().message;
            for (const auto& lv : res->levels) {
                SCOPED_TRACE(testing::Message() << "level " << lv.level << (cell ? " coarse cell" : " default cell"));
                const auto rings = metric_rings(*projector, lv.geometry);
                // Reference HDR: the densest fine cells holding `level` of the mass.
                double acc = 0.0, threshold = 0.0;
                for (double v : sorted) {
                    acc += v * cell_area;
                    threshold = v;
                    if (acc >= lv.level * total) break;
                }
                double both = 0, either = 0, mass_inside = 0;
                for (int r = 0; r < ref.n; ++r)
                    for (int c = 0; c < ref.n; ++c) {
                        const double v = ref.f[static_cast<std::size_t>(r) * ref.n + c];
                        const bool in_ref = v >= threshold;
                        const bool in_poly = inside(rings, ref.centre(c, r));
                        both += in_ref && in_poly;
                        either += in_ref || in_poly;
                        if (in_poly) mass_inside += v * cell_area;
                    }
                // The reported share is the kernel mass inside the final polygon.
                EXPECT_NEAR(lv.captured_mass_share, mass_inside / total, 0.005);
                if (!cell) {
                    EXPECT_NEAR(mass_inside / total, lv.level, 0.01) << "threshold corrected towards the level";
                    EXPECT_GE(both / either, 0.98) << "Jaccard against the direct-sum region";
                }
            }
        }
    }
}
