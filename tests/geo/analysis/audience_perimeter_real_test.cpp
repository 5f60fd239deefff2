// The audience-perimeter acceptance on the real Loire sample (../shared/data):
// the six presets give different destinations, the heritage one holds the
// great châteaux in a compact area, the wine one holds the wine communes.
#include "geo/analysis/audience_perimeter.hpp"

#include <cstdio>
#include <map>

#include <gtest/gtest.h>

#include "geo/analysis/geos_convert.hpp"
#include "geo/analysis/perimeter_compare.hpp"
#include "geo/io/audience_presets.hpp"
#include "tests/support/loire_fixture.hpp"
#include "tests/support/test_support.hpp"

namespace {

const std::vector<std::string> kPresets = {"patrimoine", "familles-nature", "oenotourisme",
                                           "velo",       "outdoor",         "seniors-culture"};

struct Runs {
    std::map<std::string, geo::AudiencePerimeterRun> by_id;
};

const Runs& preset_runs() {
    static Runs runs;
    if (!runs.by_id.empty()) return runs;
    auto use_case =
        geo::AudiencePerimeter::create(std::make_shared<const std::vector<geo::OfferItem>>(test::loire_items()),
                                       std::make_shared<const std::vector<geo::Territory>>(test::loire_territories()));
    EXPECT_TRUE(use_case) << use_case.error().message;
    if (!use_case) return runs;
    for (const std::string& id : kPresets) {
        auto audience = geo::resolve_audience(id, nullptr);
        EXPECT_TRUE(audience) << audience.error().message;
        if (!audience) continue;
        auto run = use_case->run(*audience, {});
        EXPECT_TRUE(run) << id << ": " << run.error().message;
        if (run) runs.by_id.emplace(id, std::move(*run));
    }
    return runs;
}

bool contains(const geo::MultiPolygon& mp, geo::LonLat p) {
    geo::detail::GeosContext ctx;
    auto g = geo::to_geos(ctx, mp);
    EXPECT_TRUE(g);
    geo::detail::GeosGeom pt(ctx.get(), GEOSGeom_createPointFromXY_r(ctx.get(), p.lon_deg, p.lat_deg));
    return g && GEOSContains_r(ctx.get(), g->get(), pt.get()) == 1;
}

// The share of a commune (by name) inside the level's border report.
double commune_share(const geo::AudiencePerimeterRun& run, const std::string& name) {
    for (const geo::BorderUnit& u : run.borders.front().units)
        if (u.level == geo::TerritoryLevel::commune && u.name == name) return u.share_of_unit;
    return 0.0;
}

}  // namespace

TEST(AudiencePerimeterReal, PresetsGiveDifferentDestinations) {
    REQUIRE_SHARED_DATA();
    const Runs& runs = preset_runs();
    ASSERT_EQ(runs.by_id.size(), kPresets.size());
    double sum = 0.0;
    int pairs = 0;
    for (std::size_t i = 0; i < kPresets.size(); ++i)
        for (std::size_t j = i + 1; j < kPresets.size(); ++j) {
            const auto& a = runs.by_id.at(kPresets[i]);
            const auto& b = runs.by_id.at(kPresets[j]);
            auto c = geo::compare_perimeters(a.result.levels.front().geometry, b.result.levels.front().geometry,
                                             test::loire_items(), a.perimeter_weights, b.perimeter_weights);
            ASSERT_TRUE(c) << c.error().message;
            std::printf("  %-16s %-16s Jaccard %.3f\n", kPresets[i].c_str(), kPresets[j].c_str(), c->jaccard);
            sum += c->jaccard;
            ++pairs;
        }
    for (const auto& [id, run] : runs.by_id) {
        const auto& lv = run.result.levels.front();
        std::printf("  %-16s %7.0f km², %d part(s), sigma %.0f m, captured %.3f\n", id.c_str(), lv.area_km2,
                    lv.components, run.result.bandwidth.sigma_m, lv.captured_mass_share);
        EXPECT_EQ(run.result.bandwidth.rule, geo::BandwidthSelector::plugin) << id;
        EXPECT_NEAR(lv.captured_mass_share, 0.8, geo::kLevelTolerance + 1e-3) << id;
    }
    const double mean = sum / pairs;
    std::printf("  mean pairwise Jaccard %.3f over %d pairs\n", mean, pairs);
    EXPECT_LE(mean, 0.65);
}

TEST(AudiencePerimeterReal, HeritagePerimeterHoldsTheChateauxCompactly) {
    REQUIRE_SHARED_DATA();
    const auto& run = preset_runs().by_id.at("patrimoine");
    const auto& lv = run.result.levels.front();
    // Measured 4,905 km² (plug-in σ 6.1 km), down from 5,505 km² with Scott's
    // rule; 4,834 km² with the diagonal plug-in (--bandwidth diagonal), 4,530
    // with the adaptive one. The target is 4,500 km², not reached yet
    // by the default: concentrating the weights on the châteaux lowers the
    // effective count and raises the plug-in bandwidth, so the area grows.
    // An HDR-specific bandwidth does not help either (measured 2026-12-07 with
    // the asymptotic risk of Samworth & Wand 2010 / Qiao 2020, E|f̂ − c| / |∇f|
    // summed along the pilot's 0.8 contour): with the Laplacian's pilot at
    // the normal-reference ratio (1.3 × σ) it picks 1.04-1.46 × the plug-in
    // for the six presets, i.e. larger areas, and the choice swings from 0.68
    // to 1.46 × as that pilot goes from 0.8 to 1.5 × σ (a flat risk).
    // This bound guards the progress.
    EXPECT_LE(lv.area_km2, 5'000.0);
    for (const test::Landmark& l : test::loire_chateaux())
        EXPECT_TRUE(contains(lv.geometry, l.position)) << l.name << " outside the heritage perimeter";
}

TEST(AudiencePerimeterReal, WinePerimeterHoldsTheWineCommunes) {
    REQUIRE_SHARED_DATA();
    const auto& run = preset_runs().by_id.at("oenotourisme");
    ASSERT_FALSE(run.borders.empty());
    for (const char* commune : {"Vouvray", "Montlouis-sur-Loire", "Cheverny"})
        EXPECT_GE(commune_share(run, commune), 0.5) << commune << ": less than half inside the wine perimeter";
}
