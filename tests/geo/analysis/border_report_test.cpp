#include "geo/analysis/border_report.hpp"

#include <cmath>
#include <numbers>
#include <random>

#include <gtest/gtest.h>

#include "geo/analysis/offer_inside.hpp"
#include "geo/analysis/perimeter.hpp"
#include "tests/support/loire_fixture.hpp"
#include "tests/support/metric_shapes.hpp"
#include "tests/support/test_support.hpp"

namespace {

using geo::TerritoryLevel;
using test::l93_rect_km;

constexpr double kTolKm2 = 1e-4;  // areas of the synthetic shapes, km²

geo::Territory territory(std::int64_t id, std::string name, TerritoryLevel level, geo::MultiPolygon geometry) {
    geo::Territory t;
    t.id = id;
    t.name = std::move(name);
    t.code = std::to_string(id);
    t.level = level;
    t.geometry = std::move(geometry);
    return t;
}

const geo::BorderUnit* find_unit(const geo::BorderReport& r, const std::string& name) {
    for (const auto& u : r.units)
        if (u.name == name) return &u;
    return nullptr;
}

const geo::BorderLevelSummary* find_level(const geo::BorderReport& r, TerritoryLevel level) {
    for (const auto& s : r.levels)
        if (s.level == level) return &s;
    return nullptr;
}

// A 10 × 10 km perimeter over two communes it halves, one it only touches,
// one far away, a département around everything and a small reference area
// inside it.
std::vector<geo::Territory> square_world() {
    return {territory(1, "West", TerritoryLevel::commune, l93_rect_km(-5, 0, 5, 10)),
            territory(2, "East", TerritoryLevel::commune, l93_rect_km(5, 0, 15, 10)),
            territory(3, "Touching", TerritoryLevel::commune, l93_rect_km(10, 0, 20, 10)),
            territory(4, "Far", TerritoryLevel::commune, l93_rect_km(30, 30, 40, 40)),
            territory(5, "Dept", TerritoryLevel::departement, l93_rect_km(-20, -20, 40, 40)),
            territory(6, "Park", TerritoryLevel::reference, l93_rect_km(2, 2, 4, 4))};
}

}  // namespace

TEST(BorderReport, SquareOverTwoCommunesHasKnownAreasAndShares) {
    const auto perimeter = l93_rect_km(0, 0, 10, 10);
    auto r = geo::border_report(perimeter, square_world());
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->metric_crs, "EPSG:2154");
    EXPECT_NEAR(r->perimeter_area_km2, 100.0, kTolKm2);
    ASSERT_EQ(r->units.size(), 4u);  // West, East, Dept, Park; not Touching nor Far

    const auto* west = find_unit(*r, "West");
    const auto* east = find_unit(*r, "East");
    const auto* dept = find_unit(*r, "Dept");
    const auto* park = find_unit(*r, "Park");
    ASSERT_TRUE(west && east && dept && park);
    EXPECT_NEAR(west->intersection_km2, 50.0, kTolKm2);
    EXPECT_NEAR(west->unit_area_km2, 100.0, kTolKm2);
    EXPECT_NEAR(west->share_of_perimeter, 0.5, 1e-6);
    EXPECT_NEAR(west->share_of_unit, 0.5, 1e-6);
    EXPECT_NEAR(east->intersection_km2, 50.0, kTolKm2);
    EXPECT_NEAR(dept->intersection_km2, 100.0, kTolKm2);
    EXPECT_NEAR(dept->unit_area_km2, 3600.0, 1e-3);
    EXPECT_NEAR(dept->share_of_perimeter, 1.0, 1e-6);
    EXPECT_NEAR(dept->share_of_unit, 100.0 / 3600.0, 1e-6);
    EXPECT_NEAR(park->intersection_km2, 4.0, kTolKm2);
    EXPECT_NEAR(park->share_of_unit, 1.0, 1e-9);  // wholly inside: no overlay needed
    EXPECT_NEAR(park->share_of_perimeter, 0.04, 1e-6);
    EXPECT_EQ(find_unit(*r, "Touching"), nullptr);
    EXPECT_EQ(find_unit(*r, "Far"), nullptr);

    // Sorted by level, then intersected area: communes first.
    EXPECT_EQ(r->units[0].level, TerritoryLevel::commune);
    EXPECT_EQ(r->units[2].name, "Dept");
    EXPECT_EQ(r->units[3].name, "Park");

    const auto* communes = find_level(*r, TerritoryLevel::commune);
    ASSERT_NE(communes, nullptr);
    EXPECT_EQ(communes->units_given, 4);
    EXPECT_EQ(communes->units_crossed, 2);
    EXPECT_NEAR(communes->covered_share, 1.0, 1e-6);
    EXPECT_NEAR(communes->largest_share, 0.5, 1e-6);
    ASSERT_TRUE(communes->largest.has_value());
    const auto* depts = find_level(*r, TerritoryLevel::departement);
    ASSERT_NE(depts, nullptr);
    EXPECT_EQ(depts->units_crossed, 1);
    EXPECT_NEAR(depts->largest_share, 1.0, 1e-6);
    EXPECT_EQ(r->units[*depts->largest].name, "Dept");
    ASSERT_EQ(r->levels.size(), 3u);
}

TEST(BorderReport, TwoComponentsAndLevelFilter) {
    // Two 10 × 10 km squares 10 km apart; a commune between them meets neither.
    const auto perimeter = test::merged(l93_rect_km(0, 0, 10, 10), l93_rect_km(20, 0, 30, 10));
    const std::vector<geo::Territory> world = {
        territory(1, "Long", TerritoryLevel::commune, l93_rect_km(-5, 2, 35, 7)),
        territory(2, "Between", TerritoryLevel::commune, l93_rect_km(12, 0, 18, 10)),
        territory(3, "Region", TerritoryLevel::region, l93_rect_km(-50, -50, 80, 80))};
    geo::BorderReportParams params;
    params.levels = {TerritoryLevel::commune};
    auto r = geo::border_report(perimeter, world, params);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_NEAR(r->perimeter_area_km2, 200.0, kTolKm2);
    ASSERT_EQ(r->units.size(), 1u);
    EXPECT_EQ(r->units[0].name, "Long");
    EXPECT_NEAR(r->units[0].intersection_km2, 100.0, kTolKm2);  // 2 × (10 × 5)
    EXPECT_NEAR(r->units[0].share_of_perimeter, 0.5, 1e-6);
    EXPECT_NEAR(r->units[0].share_of_unit, 100.0 / 200.0, 1e-6);
    ASSERT_EQ(r->levels.size(), 1u);  // the region is filtered out
    EXPECT_EQ(r->levels[0].units_given, 2);
}

TEST(BorderReport, SliversBelowTheThresholdAreNotCrossings) {
    const auto perimeter = l93_rect_km(0, 0, 10, 10);
    // Overlaps the perimeter by a 10 m strip: 0.1 km² … and a 1 m strip: 0.01 km² − ε.
    const std::vector<geo::Territory> world = {
        territory(1, "Strip10m", TerritoryLevel::commune, l93_rect_km(9.99, 0, 20, 10)),
        territory(2, "Strip1m", TerritoryLevel::commune, l93_rect_km(-10, 0, 0.000999, 10))};
    auto r = geo::border_report(perimeter, world);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->units.size(), 1u);
    EXPECT_EQ(r->units[0].name, "Strip10m");
    EXPECT_NEAR(r->units[0].intersection_km2, 0.1, kTolKm2);
    geo::BorderReportParams all;
    all.min_intersection_km2 = 0.0;
    auto r0 = geo::border_report(perimeter, world, all);
    ASSERT_TRUE(r0) << r0.error().message;
    EXPECT_EQ(r0->units.size(), 2u);
}

TEST(BorderReport, EmptyPerimeterInvalidUnitsAndBadParameters) {
    auto empty = geo::border_report(geo::MultiPolygon{}, square_world());
    ASSERT_TRUE(empty) << empty.error().message;
    EXPECT_TRUE(empty->units.empty());
    EXPECT_EQ(empty->perimeter_area_km2, 0.0);
    ASSERT_EQ(empty->levels.size(), 3u);
    EXPECT_EQ(empty->levels[0].units_crossed, 0);

    // A self-intersecting "bow tie" unit is repaired, not fatal; an empty unit is ignored.
    geo::MultiPolygon bowtie;
    bowtie.polygons.push_back(
        geo::Polygon{{{test::l93_point_km(-5, -5), test::l93_point_km(5, 5), test::l93_point_km(5, -5),
                       test::l93_point_km(-5, 5), test::l93_point_km(-5, -5)}}});
    const std::vector<geo::Territory> odd = {territory(1, "Bowtie", TerritoryLevel::commune, bowtie),
                                             territory(2, "Empty", TerritoryLevel::commune, {})};
    auto r = geo::border_report(l93_rect_km(0, -10, 10, 10), odd);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->units.size(), 1u);
    EXPECT_NEAR(r->units[0].intersection_km2, 25.0, 1e-3);  // the east triangle
    EXPECT_NEAR(r->units[0].unit_area_km2, 50.0, 1e-3);

    geo::BorderReportParams bad;
    bad.min_intersection_km2 = -1.0;
    auto b = geo::border_report(l93_rect_km(0, 0, 1, 1), odd, bad);
    ASSERT_FALSE(b);
    EXPECT_NE(b.error().message.find("min_intersection_km2"), std::string::npos);
}

// Property: over a tiling of 625 communes (2 × 2 km) and random discs, the
// commune shares of the perimeter sum to 1, intersections never exceed either
// area, and the intersections sum to the perimeter's area.
TEST(BorderReport, TilingSharesSumToOne) {
    std::vector<geo::Territory> tiles;
    for (int i = 0; i < 25; ++i)
        for (int j = 0; j < 25; ++j)
            tiles.push_back(territory(i * 25 + j + 1, "T" + std::to_string(i * 25 + j), TerritoryLevel::commune,
                                      l93_rect_km(2.0 * i, 2.0 * j, 2.0 * i + 2, 2.0 * j + 2)));
    std::mt19937_64 rng(20261126);
    std::uniform_real_distribution<double> centre(12.0, 38.0), radius(1.0, 11.0);
    for (int trial = 0; trial < 5; ++trial) {
        const double r_km = radius(rng);
        const int n = 128;
        const auto disc = test::l93_disc_km(centre(rng), centre(rng), r_km, n);
        geo::BorderReportParams every;
        every.min_intersection_km2 = 0.0;  // keep corner slivers: the sums are exact
        auto r = geo::border_report(disc, tiles, every);
        ASSERT_TRUE(r) << r.error().message;
        const double want = n / 2.0 * r_km * r_km * std::sin(2 * std::numbers::pi / n);
        EXPECT_NEAR(r->perimeter_area_km2, want, 1e-4);
        double sum_share = 0, sum_km2 = 0;
        for (const auto& u : r->units) {
            EXPECT_LE(u.intersection_km2, u.unit_area_km2 + 1e-9);
            EXPECT_LE(u.intersection_km2, r->perimeter_area_km2 + 1e-9);
            EXPECT_GE(u.share_of_unit, 0.0);
            EXPECT_LE(u.share_of_unit, 1.0 + 1e-12);
            sum_share += u.share_of_perimeter;
            sum_km2 += u.intersection_km2;
        }
        EXPECT_NEAR(sum_share, 1.0, 1e-9);
        EXPECT_NEAR(sum_km2, r->perimeter_area_km2, 1e-6);
        EXPECT_NEAR(r->levels[0].covered_share, sum_share, 1e-12);
    }
}

// Real data: the "Amateurs de patrimoine" perimeter at level 0.8 with default
// parameters spans Indre-et-Loire and Loir-et-Cher; the report lists both
// départements with their shares, and its communes tile the part of the
// perimeter inside the two départements.
TEST(BorderReport, PatrimoinePerimeterCrossesTheBorderOf37And41) {
    REQUIRE_SHARED_DATA();
    const auto& items = test::loire_items();
    ASSERT_EQ(items.size(), 1399u);
    const auto& perimeter = test::loire_perimeter("patrimoine");
    ASSERT_EQ(perimeter.levels.size(), 1u);
    auto r = geo::border_report(perimeter.levels[0].geometry, test::loire_territories());
    ASSERT_TRUE(r) << r.error().message;

    const auto* d37 = find_unit(*r, "Indre-et-Loire");
    const auto* d41 = find_unit(*r, "Loir-et-Cher");
    ASSERT_NE(d37, nullptr);
    ASSERT_NE(d41, nullptr);
    EXPECT_EQ(d37->level, TerritoryLevel::departement);
    EXPECT_GT(d37->share_of_perimeter, 0.1);
    EXPECT_GT(d41->share_of_perimeter, 0.1);
    EXPECT_GT(d37->share_of_unit, 0.05);
    EXPECT_GT(d41->share_of_unit, 0.05);
    const auto* depts = find_level(*r, TerritoryLevel::departement);
    ASSERT_NE(depts, nullptr);
    EXPECT_EQ(depts->units_given, 2);
    EXPECT_EQ(depts->units_crossed, 2);
    EXPECT_LE(depts->covered_share, 1.0 + 1e-6);
    EXPECT_NEAR(depts->largest_share, std::max(d37->share_of_perimeter, d41->share_of_perimeter), 1e-12);

    // The communes of 37 and 41 tile the two départements (simplified
    // outlines: within 1 %), so they cover the same share of the perimeter.
    const auto* communes = find_level(*r, TerritoryLevel::commune);
    ASSERT_NE(communes, nullptr);
    EXPECT_EQ(communes->units_given, 544);
    EXPECT_GT(communes->units_crossed, 50);
    EXPECT_NEAR(communes->covered_share, depts->covered_share, 0.01);
    // Chambord (41034) and Chenonceaux (37070) are among the communes crossed.
    bool chambord = false, chenonceaux = false;
    for (const auto& u : r->units) {
        chambord = chambord || u.code == "41034";
        chenonceaux = chenonceaux || u.code == "37070";
    }
    EXPECT_TRUE(chambord);
    EXPECT_TRUE(chenonceaux);
}
