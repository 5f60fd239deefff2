#include "geo/analysis/perimeter.hpp"

#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "geo/analysis/geos_convert.hpp"

namespace {

constexpr double kKmPerDegLat = 111.2;

struct Cluster {
    geo::LonLat centre;
    double sigma_km;
    std::size_t count;
    double weight;
};

struct Mixture {
    std::vector<geo::LonLat> positions;
    std::vector<double> weights;
    std::vector<geo::LonLat> centres;
    std::vector<geo::LonLat> far_noise;  // isolated points far from every cluster
};

geo::LonLat offset_km(geo::LonLat c, double dx_km, double dy_km) {
    return {c.lon_deg + dx_km / (kKmPerDegLat * std::cos(c.lat_deg * M_PI / 180.0)), c.lat_deg + dy_km / kKmPerDegLat};
}

// Known Gaussian clusters around `anchor` (random spread within ±40 km), a
// light uniform background over a 300 km box and a few isolated far points;
// zero-weight items mixed in.
Mixture mixture(std::uint32_t seed, geo::LonLat anchor) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> pos(-40.0, 40.0), sig(2.0, 6.0), wt(0.5, 2.0);
    std::uniform_int_distribution<std::size_t> cnt(300, 1200);
    std::vector<Cluster> clusters;
    for (int k = 0; k < 4; ++k)
        clusters.push_back({offset_km(anchor, pos(rng), pos(rng)), sig(rng), cnt(rng), wt(rng)});
    Mixture m;
    std::normal_distribution<double> n(0.0, 1.0);
    for (const auto& c : clusters) {
        m.centres.push_back(c.centre);
        for (std::size_t i = 0; i < c.count; ++i) {
            m.positions.push_back(offset_km(c.centre, c.sigma_km * n(rng), c.sigma_km * n(rng)));
            m.weights.push_back(c.weight);
        }
    }
    std::uniform_real_distribution<double> bg(-150.0, 150.0);
    for (int i = 0; i < 150; ++i) {
        m.positions.push_back(offset_km(anchor, bg(rng), bg(rng)));
        m.weights.push_back(0.3);
    }
    for (const auto& d : {std::pair{120.0, 110.0}, {-130.0, 100.0}, {125.0, -120.0}}) {
        const geo::LonLat p = offset_km(anchor, d.first, d.second);
        m.far_noise.push_back(p);
        m.positions.push_back(p);
        m.weights.push_back(1.0);
    }
    for (int i = 0; i < 200; ++i) {  // zero weights: ignored, even far away
        m.positions.push_back(offset_km(anchor, 400.0 + i, -300.0));
        m.weights.push_back(0.0);
    }
    return m;
}

struct Geos {
    geo::detail::GeosContext ctx;
    geo::detail::GeosGeom geom(const geo::MultiPolygon& mp) {
        auto g = geo::to_geos(ctx, mp);
        EXPECT_TRUE(g) << (g ? "" : g.error().message);
        return g ? std::move(*g) : geo::detail::GeosGeom{};
    }
    bool contains(const geo::detail::GeosGeom& g, geo::LonLat p) {
        geo::detail::GeosGeom pt(ctx.get(), GEOSGeom_createPointFromXY_r(ctx.get(), p.lon_deg, p.lat_deg));
        return GEOSContains_r(ctx.get(), g.get(), pt.get()) == 1;
    }
    // inner \ outer has (almost) no area: nested up to floating-point noise.
    double area_outside(const geo::detail::GeosGeom& inner, const geo::detail::GeosGeom& outer) {
        geo::detail::GeosGeom d(ctx.get(), GEOSDifference_r(ctx.get(), inner.get(), outer.get()));
        double a = 0;
        GEOSArea_r(ctx.get(), d.get(), &a);
        return a;
    }
};

void expect_rfc7946_rings(const geo::MultiPolygon& mp) {
    for (const auto& poly : mp.polygons) {
        ASSERT_FALSE(poly.rings.empty());
        for (std::size_t i = 0; i < poly.rings.size(); ++i) {
            const auto& r = poly.rings[i];
            ASSERT_GE(r.size(), 4u);
            EXPECT_EQ(r.front(), r.back());
            if (i == 0)
                EXPECT_GT(geo::signed_area(r), 0.0) << "outer ring not counter-clockwise";
            else
                EXPECT_LT(geo::signed_area(r), 0.0) << "hole not clockwise";
        }
    }
}

}  // namespace

// The acceptance properties on generated mixtures of known clusters.
TEST(Perimeter, PropertiesOnClusterMixtures) {
    const geo::LonLat anchors[] = {{0.9, 47.4}, {5.4, 43.5}, {-1.6, 48.1}, {2.35, 48.85}, {6.9, 45.9}};
    geo::PerimeterParams params;
    params.levels = {0.95, 0.5, 0.8};  // any order in, ascending out
    std::uint32_t seed = 100;
    for (int round = 0; round < 3; ++round) {
        for (const auto& anchor : anchors) {
            const Mixture m = mixture(++seed, anchor);
            auto res = geo::compute_perimeter(m.positions, m.weights, params);
            ASSERT_TRUE(res) << res.error().message;
            SCOPED_TRACE(testing::Message() << "seed " << seed);
            EXPECT_EQ(res->metric_crs, "EPSG:2154");
            EXPECT_TRUE(res->bandwidth_from_data);
            EXPECT_GE(res->bandwidth_m, geo::kMinQuarticBandwidthM);
            EXPECT_LE(res->bandwidth_m, geo::kMaxQuarticBandwidthM);
            EXPECT_NEAR(res->cell_m, res->bandwidth_m / geo::kQuarticPerGaussian / geo::kDefaultCellsPerSigma, 1e-9);
            EXPECT_DOUBLE_EQ(res->simplify_m, res->cell_m * geo::kDefaultSimplifyCells);
            EXPECT_EQ(res->items_used, m.positions.size() - 200);
            ASSERT_EQ(res->levels.size(), 3u);
            EXPECT_EQ(res->levels[0].level, 0.5);
            EXPECT_EQ(res->levels[2].level, 0.95);

            Geos geos;
            std::vector<geo::detail::GeosGeom> g;
            for (const auto& lv : res->levels) {
                SCOPED_TRACE(testing::Message() << "level " << lv.level);
                EXPECT_NEAR(lv.captured_mass_share, lv.level, 0.01);
                EXPECT_GE(lv.components, 1);
                EXPECT_EQ(lv.components, static_cast<int>(lv.geometry.polygons.size()));
                EXPECT_GT(lv.area_km2, 0.0);
                EXPECT_GT(lv.compactness, 0.0);
                EXPECT_LE(lv.compactness, 1.0);
                EXPECT_GT(lv.density_threshold, 0.0);
                expect_rfc7946_rings(lv.geometry);
                g.push_back(geos.geom(lv.geometry));
                ASSERT_TRUE(g.back());
                EXPECT_EQ(GEOSisValid_r(geos.ctx.get(), g.back().get()), 1);
                for (const auto& far : m.far_noise) EXPECT_FALSE(geos.contains(g.back(), far));
            }
            // The 0.8 perimeter holds every cluster centre.
            for (const auto& c : m.centres) EXPECT_TRUE(geos.contains(g[1], c));
            // Nested: 0.5 ⊂ 0.8 ⊂ 0.95 (tolerance 1e-12 deg², i.e. ~0.01 m²).
            EXPECT_LT(geos.area_outside(g[0], g[1]), 1e-12);
            EXPECT_LT(geos.area_outside(g[1], g[2]), 1e-12);
            EXPECT_LT(res->levels[0].area_km2, res->levels[1].area_km2);
            EXPECT_LT(res->levels[1].area_km2, res->levels[2].area_km2);
            EXPECT_GT(res->levels[0].density_threshold, res->levels[1].density_threshold);
            for (const auto& lv : res->levels) EXPECT_LE(lv.simplify_m, res->simplify_m);
        }
    }
}

TEST(Perimeter, UtmOutsideFranceAndGaussianKernel) {
    const Mixture m = mixture(7, {-73.6, 45.5});  // Montréal
    geo::PerimeterParams params;
    params.kernel = geo::Kernel::gaussian;
    auto res = geo::compute_perimeter(m.positions, m.weights, params);
    ASSERT_TRUE(res) << res.error().message;
    EXPECT_EQ(res->metric_crs, "EPSG:32618");
    ASSERT_EQ(res->levels.size(), 1u);
    EXPECT_NEAR(res->levels[0].captured_mass_share, 0.8, 0.01);
    expect_rfc7946_rings(res->levels[0].geometry);
    Geos geos;
    auto g = geos.geom(res->levels[0].geometry);
    for (const auto& c : m.centres) EXPECT_TRUE(geos.contains(g, c));
}

TEST(Perimeter, ExplicitParametersAreUsedAndReported) {
    const Mixture m = mixture(3, {0.9, 47.4});
    geo::PerimeterParams params;
    params.bandwidth_m = 6000.0;
    params.cell_m = 1000.0;
    params.simplify_m = 0.0;
    params.min_area_km2 = 0.0;
    params.min_hole_km2 = 0.0;
    auto res = geo::compute_perimeter(m.positions, m.weights, params);
    ASSERT_TRUE(res) << res.error().message;
    EXPECT_FALSE(res->bandwidth_from_data);
    EXPECT_EQ(res->bandwidth_m, 6000.0);
    EXPECT_EQ(res->cell_m, 1000.0);
    EXPECT_EQ(res->simplify_m, 0.0);
    EXPECT_EQ(res->grid.cell_m, 1000.0);
    // Without cleaning, the captured mass is that of the cells above threshold:
    // level plus at most a cell's worth.
    EXPECT_GE(res->levels[0].captured_mass_share, 0.8 - 1e-9);
    EXPECT_LT(res->levels[0].captured_mass_share, 0.801);
}

TEST(Perimeter, ProjectedEntryPointMatches) {
    const Mixture m = mixture(11, {0.9, 47.4});
    geo::PerimeterParams params;
    auto direct = geo::compute_perimeter(m.positions, m.weights, params);
    ASSERT_TRUE(direct);
    auto proj = geo::Projector::create("EPSG:2154");
    ASSERT_TRUE(proj);
    std::vector<geo::LonLat> kept;
    std::vector<double> kept_w;
    for (std::size_t i = 0; i < m.positions.size(); ++i)
        if (m.weights[i] > 0) kept.push_back(m.positions[i]), kept_w.push_back(m.weights[i]);
    auto pts = geo::project_all(*proj, kept);
    ASSERT_TRUE(pts);
    auto via = geo::compute_perimeter(*proj, *pts, kept_w, params);
    ASSERT_TRUE(via);
    EXPECT_EQ(via->levels[0].area_km2, direct->levels[0].area_km2);
    EXPECT_EQ(via->grid.values, direct->grid.values);
}

TEST(Perimeter, BadInputIsRejectedWithAMessage) {
    geo::PerimeterParams params;
    auto empty = geo::compute_perimeter(std::vector<geo::LonLat>{}, {}, params);
    ASSERT_FALSE(empty);
    EXPECT_NE(empty.error().message.find("no offer item with a positive weight"), std::string::npos);
    const std::vector<geo::LonLat> pts{{0.9, 47.4}, {1.0, 47.5}};
    auto zero = geo::compute_perimeter(pts, {0.0, 0.0}, params);
    ASSERT_FALSE(zero);
    EXPECT_NE(zero.error().message.find("no offer item with a positive weight"), std::string::npos);
    EXPECT_FALSE(geo::compute_perimeter(pts, {1.0}, params));
    auto bad_weight = geo::compute_perimeter(pts, {1.0, NAN}, params);
    ASSERT_FALSE(bad_weight);
    EXPECT_NE(bad_weight.error().message.find("item 1"), std::string::npos);
    auto bad_pos = geo::compute_perimeter({{0.9, 47.4}, {0.9, 147.4}}, {1.0, 1.0}, params);
    ASSERT_FALSE(bad_pos);
    EXPECT_NE(bad_pos.error().message.find("147.4"), std::string::npos);
    params.levels = {0.8, 1.5};
    auto bad_level = geo::compute_perimeter(pts, {1.0, 1.0}, params);
    ASSERT_FALSE(bad_level);
    EXPECT_NE(bad_level.error().message.find("1.5"), std::string::npos);
    params.levels = {0.8};
    params.min_area_km2 = -1;
    EXPECT_FALSE(geo::compute_perimeter(pts, {1.0, 1.0}, params));
}

TEST(Perimeter, SinglePointGivesADisc) {
    geo::PerimeterParams params;
    params.levels = {1.0};
    auto res = geo::compute_perimeter({{0.9, 47.4}}, {1.0}, params);
    ASSERT_TRUE(res) << res.error().message;
    // Bandwidth at the 2 km floor: the full support is a disc of radius 2 km
    // (π·4 ≈ 12.6 km²), minus what the grid resolution trims.
    EXPECT_EQ(res->bandwidth_m, geo::kMinQuarticBandwidthM);
    ASSERT_EQ(res->levels[0].components, 1);
    EXPECT_NEAR(res->levels[0].area_km2, 12.57, 3.0);
    EXPECT_GT(res->levels[0].compactness, 0.8);
}
