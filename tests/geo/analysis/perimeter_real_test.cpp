// The perimeter on real data: the DATAtourisme sample of the Loire Valley
// (../shared/data), weighted by the "patrimoine" audience preset.
#include <gtest/gtest.h>

#include "geo/analysis/audience.hpp"
#include "geo/analysis/geos_convert.hpp"
#include "geo/analysis/perimeter.hpp"
#include "geo/io/audience_presets.hpp"
#include "geo/io/datatourisme_importer.hpp"
#include "tests/support/test_support.hpp"

namespace {

struct Site {
    const char* name;
    geo::LonLat at;  // position of its object in the sample
    const char* departement;
};

// The seven châteaux of the acceptance criterion.
const Site kChateaux[] = {
    {"Chambord", {1.517218, 47.616126}, "41"},         {"Blois", {1.33077247, 47.5861947}, "41"},
    {"Cheverny", {1.459826, 47.499403}, "41"},         {"Chenonceau", {1.06962203, 47.3257632}, "37"},
    {"Amboise", {0.98579488, 47.4130533}, "37"},       {"Villandry", {0.5124092, 47.3408909}, "37"},
    {"Azay-le-Rideau", {0.4670095, 47.2602739}, "37"},
};

}  // namespace

TEST(PerimeterRealData, HeritageAudienceHoldsTheLoireChateaux) {
    REQUIRE_SHARED_DATA();
    auto taxonomy = geo::Taxonomy::load_default();
    ASSERT_TRUE(taxonomy) << taxonomy.error().message;
    auto parsed = geo::parse_datatourisme((test::shared_data() / "poi/datatourisme-touraine-2020").string(), *taxonomy);
    ASSERT_TRUE(parsed) << parsed.error().message;
    auto audience = geo::resolve_audience("patrimoine", nullptr);
    ASSERT_TRUE(audience) << audience.error().message;

    std::vector<geo::LonLat> positions;
    for (const auto& item : parsed->items) positions.push_back(item.position);
    const std::vector<double> weights = geo::item_weights(*audience, parsed->items);

    geo::PerimeterParams params;
    params.levels = {0.5, 0.8, 0.95};
    auto res = geo::compute_perimeter(positions, weights, params);
    ASSERT_TRUE(res) << res.error().message;
    EXPECT_EQ(res->metric_crs, "EPSG:2154");
    EXPECT_TRUE(res->bandwidth_from_data);
    ASSERT_EQ(res->levels.size(), 3u);
    const geo::PerimeterLevel& p80 = res->levels[1];
    EXPECT_NEAR(p80.captured_mass_share, 0.8, 0.01);
    // A destination, not a département: a few thousand km², not 20 000.
    EXPECT_GT(p80.area_km2, 500.0);
    EXPECT_LT(p80.area_km2, 12'000.0);

    geo::detail::GeosContext ctx;
    auto g = geo::to_geos(ctx, p80.geometry);
    ASSERT_TRUE(g) << g.error().message;
    EXPECT_EQ(GEOSisValid_r(ctx.get(), g->get()), 1);
    int inside = 0, in37 = 0, in41 = 0;
    for (const auto& c : kChateaux) {
        geo::detail::GeosGeom pt(ctx.get(), GEOSGeom_createPointFromXY_r(ctx.get(), c.at.lon_deg, c.at.lat_deg));
        if (GEOSContains_r(ctx.get(), g->get(), pt.get()) != 1) continue;
        ++inside;
        (std::string(c.departement) == "37" ? in37 : in41) += 1;
    }
    EXPECT_GE(inside, 5);
    // Châteaux on both sides: the perimeter crosses the 37 / 41 border.
    EXPECT_GE(in37, 1);
    EXPECT_GE(in41, 1);
}
