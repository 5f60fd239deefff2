#include "geo/analysis/perimeter_stats.hpp"

#include <numeric>
#include <random>

#include <gtest/gtest.h>

#include "tests/support/loire_fixture.hpp"
#include "tests/support/metric_shapes.hpp"
#include "tests/support/test_support.hpp"

namespace {

using geo::Family;
using test::l93_point_km;
using test::l93_rect_km;

geo::OfferItem item(std::string name, Family family, geo::LonLat at) {
    return test::synthetic_item(0, std::move(name), family, at);
}

std::int64_t count(const geo::FamilyCounts& c, Family f) {
    return c[static_cast<std::size_t>(f)];
}

// Two nested levels: 10 × 10 km (0.5) inside 20 × 20 km (0.8).
geo::PerimeterResult two_squares() {
    geo::PerimeterResult r;
    r.metric_crs = "EPSG:2154";
    r.bandwidth_m = 5000.0;
    r.bandwidth_from_data = true;
    r.cell_m = 1250.0;
    r.simplify_m = 125.0;
    geo::PerimeterLevel inner;
    inner.level = 0.5;
    inner.geometry = l93_rect_km(0, 0, 10, 10);
    inner.area_km2 = 100.0;
    inner.components = 1;
    inner.compactness = 0.785;
    inner.captured_mass_share = 0.5;
    inner.simplify_m = 125.0;
    geo::PerimeterLevel outer = inner;
    outer.level = 0.8;
    outer.geometry = l93_rect_km(-5, -5, 15, 15);
    outer.area_km2 = 400.0;
    outer.captured_mass_share = 0.8;
    outer.simplify_m = 62.5;
    r.levels = {inner, outer};
    return r;
}

}  // namespace

TEST(PerimeterStats, CountsPerFamilyAndWeightedShareOnKnownSquares) {
    const std::vector<geo::OfferItem> items = {
        item("castle in", Family::heritage, l93_point_km(5, 5)),
        item("museum in", Family::heritage, l93_point_km(1, 9)),
        item("cellar in", Family::gastronomy, l93_point_km(9, 1)),
        item("hotel in, no weight", Family::accommodation, l93_point_km(2, 2)),
        item("cellar ring", Family::gastronomy, l93_point_km(12, 12)),
        item("castle ring", Family::heritage, l93_point_km(-4, 0)),
        item("castle far", Family::heritage, l93_point_km(40, 40)),
        item("on the edge", Family::nature, l93_point_km(10, 5)),
    };
    const std::vector<double> weights = {2.0, 1.0, 0.5, 0.0, 0.5, 1.0, 3.0, 1.0};
    auto s = geo::perimeter_stats(two_squares(), items, weights);
    ASSERT_TRUE(s) << s.error().message;

    EXPECT_EQ(s->metric_crs, "EPSG:2154");
    EXPECT_DOUBLE_EQ(s->bandwidth_m, 5000.0);
    EXPECT_TRUE(s->bandwidth_from_data);
    EXPECT_DOUBLE_EQ(s->cell_m, 1250.0);
    EXPECT_EQ(s->items_total, 8);
    EXPECT_EQ(s->weighted_items, 7);
    EXPECT_DOUBLE_EQ(s->total_weight, 9.0);
    EXPECT_EQ(count(s->items_per_family, Family::heritage), 4);

    ASSERT_EQ(s->levels.size(), 2u);
    const auto& inner = s->levels[0];
    EXPECT_DOUBLE_EQ(inner.level, 0.5);
    EXPECT_DOUBLE_EQ(inner.area_km2, 100.0);
    EXPECT_EQ(inner.components, 1);
    EXPECT_DOUBLE_EQ(inner.captured_mass_share, 0.5);
    // castle, museum, cellar, hotel (weight 0, still counted) and the edge point.
    EXPECT_EQ(inner.items_inside, 5);
    EXPECT_EQ(inner.weighted_items_inside, 4);
    EXPECT_EQ(count(inner.items_inside_per_family, Family::heritage), 2);
    EXPECT_EQ(count(inner.items_inside_per_family, Family::gastronomy), 1);
    EXPECT_EQ(count(inner.items_inside_per_family, Family::accommodation), 1);
    EXPECT_EQ(count(inner.items_inside_per_family, Family::nature), 1);
    EXPECT_DOUBLE_EQ(inner.weight_inside, 4.5);
    EXPECT_DOUBLE_EQ(inner.captured_offer_share, 4.5 / 9.0);

    const auto& outer = s->levels[1];
    EXPECT_DOUBLE_EQ(outer.simplify_m, 62.5);
    EXPECT_EQ(outer.items_inside, 7);  // all but the far castle
    EXPECT_EQ(count(outer.items_inside_per_family, Family::heritage), 3);
    EXPECT_EQ(count(outer.items_inside_per_family, Family::gastronomy), 2);
    EXPECT_DOUBLE_EQ(outer.captured_offer_share, 6.0 / 9.0);
}

TEST(PerimeterStats, RejectsMismatchedOrBadWeights) {
    const std::vector<geo::OfferItem> items = {item("a", Family::heritage, l93_point_km(1, 1))};
    auto sizes = geo::perimeter_stats(two_squares(), items, {1.0, 2.0});
    ASSERT_FALSE(sizes);
    EXPECT_NE(sizes.error().message.find("1 items but 2 weights"), std::string::npos);
    auto negative = geo::perimeter_stats(two_squares(), items, {-1.0});
    ASSERT_FALSE(negative);
    EXPECT_NE(negative.error().message.find("item 0 (a) is -1"), std::string::npos) << negative.error().message;
    auto none = geo::perimeter_stats(geo::PerimeterResult{}, items, {1.0});
    ASSERT_TRUE(none) << none.error().message;
    EXPECT_TRUE(none->levels.empty());
}

// Property on generated clusters (seeded): levels are nested, so items inside
// and captured shares grow with the level; per-family counts add up; cluster
// centres lie inside the 0.5 level and far isolated points outside 0.95.
TEST(PerimeterStats, NestedLevelsOnGeneratedClusters) {
    std::mt19937_64 rng(7);
    std::normal_distribution<double> n(0.0, 3.0);
    std::uniform_int_distribution<int> fam(0, geo::kFamilyCount - 1);
    const std::pair<double, double> centres[] = {{0, 0}, {40, 10}, {15, 45}};
    std::vector<geo::OfferItem> items;
    std::vector<double> weights;
    for (const auto& [cx, cy] : centres)
        for (int i = 0; i < 400; ++i) {
            items.push_back(item("c", static_cast<Family>(fam(rng)), l93_point_km(cx + n(rng), cy + n(rng))));
            weights.push_back(1.0 + (i % 3));
        }
    const geo::LonLat far = l93_point_km(150, -120);
    items.push_back(item("far", Family::heritage, far));
    weights.push_back(1.0);
    std::vector<geo::LonLat> positions;
    for (const auto& it : items) positions.push_back(it.position);
    geo::PerimeterParams params;
    params.levels = {0.5, 0.8, 0.95};
    auto p = geo::compute_perimeter(positions, weights, params);
    ASSERT_TRUE(p) << p.error().message;
    auto s = geo::perimeter_stats(*p, items, weights);
    ASSERT_TRUE(s) << s.error().message;
    ASSERT_EQ(s->levels.size(), 3u);
    for (std::size_t k = 0; k < 3; ++k) {
        const auto& lv = s->levels[k];
        EXPECT_EQ(
            std::accumulate(lv.items_inside_per_family.begin(), lv.items_inside_per_family.end(), std::int64_t{0}),
            lv.items_inside);
        EXPECT_GT(lv.captured_offer_share, 0.0);
        EXPECT_LE(lv.captured_offer_share, 1.0);
        EXPECT_DOUBLE_EQ(lv.area_km2, p->levels[k].area_km2);
        if (k > 0) {
            EXPECT_GE(lv.items_inside, s->levels[k - 1].items_inside);
            EXPECT_GE(lv.captured_offer_share, s->levels[k - 1].captured_offer_share);
        }
    }
    std::vector<geo::LonLat> probes;
    for (const auto& [cx, cy] : centres) probes.push_back(l93_point_km(cx, cy));
    probes.push_back(far);
    auto inside = geo::points_inside(p->levels[0].geometry, probes);
    ASSERT_TRUE(inside) << inside.error().message;
    EXPECT_EQ((*inside)[0] + (*inside)[1] + (*inside)[2], 3);
    auto outer = geo::points_inside(p->levels[2].geometry, probes);
    ASSERT_TRUE(outer) << outer.error().message;
    EXPECT_EQ((*outer)[3], 0);
}

// Real data: the "Amateurs de patrimoine" perimeter at level 0.8 with default
// parameters holds at least five of the seven flagship châteaux.
TEST(PerimeterStats, PatrimoinePerimeterHoldsTheFlagshipChateaux) {
    REQUIRE_SHARED_DATA();
    const auto& items = test::loire_items();
    ASSERT_EQ(items.size(), 1399u);
    const auto& weights = test::loire_weights("patrimoine");
    const auto& p = test::loire_perimeter("patrimoine");
    ASSERT_EQ(p.levels.size(), 1u);
    EXPECT_TRUE(p.bandwidth_from_data);

    const auto& chateaux = test::loire_chateaux();
    ASSERT_EQ(chateaux.size(), 7u);
    EXPECT_NEAR(chateaux[0].position.lat_deg, 47.616126, 1e-9);  // Chambord
    EXPECT_NEAR(chateaux[0].position.lon_deg, 1.517218, 1e-9);
    std::vector<geo::LonLat> at;
    for (const auto& c : chateaux) at.push_back(c.position);
    auto inside = geo::points_inside(p.levels[0].geometry, at);
    ASSERT_TRUE(inside) << inside.error().message;
    std::string held;
    int n = 0;
    for (std::size_t i = 0; i < chateaux.size(); ++i)
        if ((*inside)[i] != 0) {
            ++n;
            held += chateaux[i].name + " ";
        }
    EXPECT_GE(n, 5) << "inside: " << held;

    auto s = geo::perimeter_stats(p, items, weights);
    ASSERT_TRUE(s) << s.error().message;
    const auto& lv = s->levels[0];
    EXPECT_EQ(s->items_total, 1399);
    EXPECT_GT(count(lv.items_inside_per_family, Family::heritage), 100);
    EXPECT_GT(lv.captured_offer_share, 0.5);
    EXPECT_LE(lv.captured_offer_share, 1.0);
    EXPECT_NEAR(lv.captured_mass_share, 0.8, 0.05);
}
