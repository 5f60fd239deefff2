#include "geo/analysis/perimeter_compare.hpp"

#include <gtest/gtest.h>

#include "tests/support/loire_fixture.hpp"
#include "tests/support/metric_shapes.hpp"
#include "tests/support/test_support.hpp"

namespace {

using geo::Family;
using test::l93_point_km;
using test::l93_rect_km;
constexpr auto item = test::synthetic_item;

constexpr double kTolKm2 = 1e-4;

std::int64_t count(const geo::FamilyCounts& c, Family f) {
    return c[static_cast<std::size_t>(f)];
}

}  // namespace

TEST(PerimeterCompare, OverlappingSquaresHaveKnownAreasAndItemChanges) {
    const auto a = l93_rect_km(0, 0, 10, 10);
    const auto b = l93_rect_km(5, 0, 15, 10);
    const std::vector<geo::OfferItem> items = {
        item(1, "Castle west", Family::heritage, l93_point_km(2, 5)),       // A only
        item(2, "Cellar east", Family::gastronomy, l93_point_km(12, 5)),    // B only
        item(3, "Cellar east 2", Family::gastronomy, l93_point_km(13, 5)),  // B only, lighter
        item(4, "Abbey middle", Family::heritage, l93_point_km(7, 5)),      // both
        item(5, "Far hotel", Family::accommodation, l93_point_km(50, 50)),  // neither
        item(6, "Unvalued", Family::services, l93_point_km(12, 2)),         // B, no weight
    };
    const std::vector<double> wa = {2.0, 0.3, 0.3, 1.0, 0.2, 0.0};
    const std::vector<double> wb = {0.3, 1.0, 0.5, 0.3, 0.3, 0.0};
    auto c = geo::compare_perimeters(a, b, items, wa, wb);
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_EQ(c->metric_crs, "EPSG:2154");
    EXPECT_NEAR(c->area_a_km2, 100.0, kTolKm2);
    EXPECT_NEAR(c->area_b_km2, 100.0, kTolKm2);
    EXPECT_NEAR(c->intersection_km2, 50.0, kTolKm2);
    EXPECT_NEAR(c->union_km2, 150.0, kTolKm2);
    EXPECT_NEAR(c->jaccard, 1.0 / 3.0, 1e-6);

    EXPECT_EQ(c->items_considered, 5);
    EXPECT_EQ(c->items_in_a, 2);
    EXPECT_EQ(c->items_in_b, 3);
    EXPECT_EQ(c->items_in_both, 1);
    ASSERT_EQ(c->gained.size(), 2u);
    EXPECT_EQ(c->gained[0].name, "Cellar east");  // heavier first
    EXPECT_EQ(c->gained[0].id, 2);
    EXPECT_DOUBLE_EQ(c->gained[0].weight_b, 1.0);
    EXPECT_EQ(c->gained[1].name, "Cellar east 2");
    ASSERT_EQ(c->lost.size(), 1u);
    EXPECT_EQ(c->lost[0].name, "Castle west");
    EXPECT_EQ(count(c->gained_per_family, Family::gastronomy), 2);
    EXPECT_EQ(count(c->lost_per_family, Family::heritage), 1);
    EXPECT_EQ(count(c->gained_per_family, Family::services), 0);

    EXPECT_DOUBLE_EQ(c->captured_share_a, 3.0 / 3.8);  // (2 + 1) / (2 + .3 + .3 + 1 + .2)
    EXPECT_DOUBLE_EQ(c->captured_share_b, 1.8 / 2.4);  // (1 + .5 + .3) / 2.4
    EXPECT_DOUBLE_EQ(c->a_offer_in_b, 1.6 / 3.8);
    EXPECT_DOUBLE_EQ(c->b_offer_in_a, 0.6 / 2.4);
}

TEST(PerimeterCompare, IdenticalDisjointAndEmptyPerimeters) {
    const auto a = l93_rect_km(0, 0, 10, 10);
    const std::vector<geo::OfferItem> items = {item(1, "x", Family::heritage, l93_point_km(5, 5))};
    const std::vector<double> w = {1.0};

    auto same = geo::compare_perimeters(a, a, items, w, w);
    ASSERT_TRUE(same) << same.error().message;
    EXPECT_NEAR(same->jaccard, 1.0, 1e-9);
    EXPECT_TRUE(same->gained.empty());
    EXPECT_TRUE(same->lost.empty());
    EXPECT_EQ(same->items_in_both, 1);

    auto apart = geo::compare_perimeters(a, l93_rect_km(20, 0, 30, 10), items, w, w);
    ASSERT_TRUE(apart) << apart.error().message;
    EXPECT_NEAR(apart->intersection_km2, 0.0, 1e-9);
    EXPECT_NEAR(apart->union_km2, 200.0, kTolKm2);
    EXPECT_EQ(apart->jaccard, 0.0);
    ASSERT_EQ(apart->lost.size(), 1u);

    auto one_empty = geo::compare_perimeters(a, geo::MultiPolygon{}, items, w, w);
    ASSERT_TRUE(one_empty) << one_empty.error().message;
    EXPECT_NEAR(one_empty->area_b_km2, 0.0, 1e-12);
    EXPECT_EQ(one_empty->jaccard, 0.0);

    auto both_empty = geo::compare_perimeters({}, {}, items, w, w);
    ASSERT_TRUE(both_empty) << both_empty.error().message;
    EXPECT_EQ(both_empty->jaccard, 1.0);
    EXPECT_EQ(both_empty->items_in_a, 0);

    auto bad = geo::compare_perimeters(a, a, items, w, {});
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("1 items but 0 weights for B"), std::string::npos) << bad.error().message;
    auto nan = geo::compare_perimeters(a, a, items, {std::nan("")}, w);
    ASSERT_FALSE(nan);
}

// Real data: the "Œnotouristes & gastronomes" perimeter differs from the
// "Amateurs de patrimoine" one (Jaccard < 0.95), and the comparison reports
// both areas and the items each holds that the other does not.
TEST(PerimeterCompare, PatrimoineAndOenotourismeDiffer) {
    REQUIRE_SHARED_DATA();
    const auto& items = test::loire_items();
    ASSERT_EQ(items.size(), 1399u);
    const auto& wa = test::loire_weights("patrimoine");
    const auto& wb = test::loire_weights("oenotourisme");
    const auto& pa = test::loire_perimeter("patrimoine");
    const auto& pb = test::loire_perimeter("oenotourisme");
    ASSERT_EQ(pa.levels.size(), 1u);
    ASSERT_EQ(pb.levels.size(), 1u);
    auto c = geo::compare_perimeters(pa.levels[0].geometry, pb.levels[0].geometry, items, wa, wb);
    ASSERT_TRUE(c) << c.error().message;

    EXPECT_GT(c->area_a_km2, 100.0);
    EXPECT_GT(c->area_b_km2, 100.0);
    // Planar Lambert-93 areas agree with the geodesic ones within 0.5 %.
    EXPECT_NEAR(c->area_a_km2, pa.levels[0].area_km2, 0.005 * pa.levels[0].area_km2);
    EXPECT_LT(c->jaccard, 0.95);
    EXPECT_GT(c->intersection_km2, 0.0);
    EXPECT_LE(c->intersection_km2, std::min(c->area_a_km2, c->area_b_km2) + 1e-6);
    EXPECT_FALSE(c->gained.empty());
    EXPECT_FALSE(c->lost.empty());
    for (double share : {c->captured_share_a, c->captured_share_b, c->a_offer_in_b, c->b_offer_in_a}) {
        EXPECT_GT(share, 0.0);
        EXPECT_LE(share, 1.0);
    }
    EXPECT_EQ(c->gained.size(), static_cast<std::size_t>(c->items_in_b - c->items_in_both));
    EXPECT_EQ(c->lost.size(), static_cast<std::size_t>(c->items_in_a - c->items_in_both));
}
