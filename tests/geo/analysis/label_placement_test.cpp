// Greedy label placement: positions in order, priorities, no overlap, inside
// the view, more names as the same area gets more pixels.
#include "geo/analysis/label_placement.hpp"

#include <gtest/gtest.h>

#include <random>

#include "geo/core/data_dir.hpp"
#include "geo/io/places_file.hpp"

namespace geo {
namespace {

const LabelViewPx kView{800, 600, 4.0, 6.0, 2.0};

LabelRequest label(double x, double y, double w, int priority = 0, double h = 14) {
    LabelRequest r;
    r.x_px = x;
    r.y_px = y;
    r.width_px = w;
    r.height_px = h;
    r.priority = priority;
    return r;
}

TEST(LabelPlacement, TriesRightLeftAboveBelow) {
    // Right of the dot: from x + gap + dot/2 = x + 7.
    auto placed = place_labels({label(400, 300, 60)}, kView);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].position, LabelPosition::right);
    EXPECT_DOUBLE_EQ(placed[0].box.x0_px, 407);
    EXPECT_DOUBLE_EQ(placed[0].box.y0_px, 293);
    // Right blocked: left; right and left blocked: above; and then below.
    const LabelBox right{410, 296, 480, 304}, left{320, 296, 395, 304}, above{350, 250, 450, 294};
    EXPECT_EQ(place_labels({label(400, 300, 60)}, kView, {right})[0].position, LabelPosition::left);
    EXPECT_EQ(place_labels({label(400, 300, 60)}, kView, {right, left})[0].position, LabelPosition::above);
    auto below = place_labels({label(400, 300, 60)}, kView, {right, left, above});
    ASSERT_EQ(below.size(), 1u);
    EXPECT_EQ(below[0].position, LabelPosition::below);
    EXPECT_DOUBLE_EQ(below[0].box.y0_px, 307);
    const LabelBox under{350, 305, 450, 330};
    EXPECT_TRUE(place_labels({label(400, 300, 60)}, kView, {right, left, above, under}).empty());
}

TEST(LabelPlacement, NearTheEdgeTheLabelGoesInside) {
    auto placed = place_labels({label(790, 300, 60)}, kView);  // no room on the right
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].position, LabelPosition::left);
    EXPECT_TRUE(place_labels({label(-5, 300, 60)}, kView).empty());  // its dot is off the view
}

TEST(LabelPlacement, LowerPriorityFirstThenWeight) {
    // Same anchor: only one fits on the right; the second goes left, the third above…
    std::vector<LabelRequest> r = {label(400, 300, 60, 3), label(400, 300, 60, 1), label(401, 300, 60, 1)};
    r[2].weight = 10;  // beats r[1] within priority 1
    auto placed = place_labels(r, kView);
    ASSERT_FALSE(placed.empty());
    EXPECT_EQ(placed[0].request, 2u);
    // r[1]'s dot lies under r[2]'s dot reservation: dropped; r[0] too (same anchor).
    EXPECT_EQ(placed.size(), 1u);
}

TEST(LabelPlacement, ReservesTheDotsOfPlacedLabels) {
    // B's label to the right of B would cover A's dot at (460, 300).
    auto placed = place_labels({label(460, 300, 30, 1), label(400, 300, 100, 2)}, kView);
    ASSERT_EQ(placed.size(), 2u);
    EXPECT_EQ(placed[1].request, 1u);
    EXPECT_NE(placed[1].position, LabelPosition::right);
}

TEST(LabelPlacement, CentredLabelsStayOnTheirAnchor) {
    LabelRequest area = label(400, 300, 80);
    area.centred = true;
    auto placed = place_labels({area, label(395, 300, 40, 1)}, kView);
    ASSERT_EQ(placed.size(), 1u);  // the point's dot lies under the area label
    EXPECT_EQ(placed[0].position, LabelPosition::centred);
    EXPECT_DOUBLE_EQ(placed[0].box.x0_px, 360);
}

TEST(LabelPlacement, RandomLabelsNeverOverlapAndStayInside) {
    std::mt19937 rng(12);
    std::uniform_real_distribution<double> x(0, 800), y(0, 600), w(20, 140);
    std::uniform_int_distribution<int> rank(1, 5);
    for (int round = 0; round < 20; ++round) {
        std::vector<LabelRequest> r;
        for (int i = 0; i < 300; ++i) r.push_back(label(x(rng), y(rng), w(rng), rank(rng)));
        const auto placed = place_labels(r, kView);
        ASSERT_GT(placed.size(), 20u);
        ASSERT_LT(placed.size(), 300u);
        for (std::size_t a = 0; a < placed.size(); ++a) {
            const LabelBox& b = placed[a].box;
            EXPECT_GE(b.x0_px, 0);
            EXPECT_GE(b.y0_px, 0);
            EXPECT_LE(b.x1_px, 800);
            EXPECT_LE(b.y1_px, 600);
            for (std::size_t c = a + 1; c < placed.size(); ++c)
                ASSERT_FALSE(b.overlaps(placed[c].box)) << round << ": " << a << " and " << c;
        }
    }
}

TEST(LabelPlacement, MoreDemoNamesAsTheViewGrows) {
    auto places = read_places_file(data_dir() + "/demo/places.geojson");
    ASSERT_TRUE(places) << places.error().message;
    LonLatBox box{-0.3, 46.9, 1.95, 47.8};  // the demo's items
    const auto count = [&](double scale) {
        LonLatView view{box, 780 * scale, 520 * scale};
        std::vector<LabelRequest> r;
        for (const Place& p : *places) {
            LabelRequest q = label(view.x_px(p.position), view.y_px(p.position), 7.0 * p.name.size(), p.rank);
            q.weight = static_cast<double>(p.population);
            r.push_back(q);
        }
        LabelViewPx v = kView;
        v.width_px = view.width_px;
        v.height_px = view.height_px;
        return place_labels(r, v);
    };
    const auto start = count(1), zoomed = count(2), close = count(4);
    EXPECT_LT(start.size(), zoomed.size());
    EXPECT_LT(zoomed.size(), close.size());
    // The rank-1 city in the box (Tours) is always placed, and placed first.
    ASSERT_FALSE(start.empty());
    EXPECT_EQ((*places)[start[0].request].name, "Tours");
}

TEST(LonLatView, MapsCornersAndCentre) {
    LonLatView view{{0.0, 47.0, 2.0, 48.0}, 800, 600};
    EXPECT_DOUBLE_EQ(view.x_px({0.0, 47.5}), 0);
    EXPECT_DOUBLE_EQ(view.x_px({2.0, 47.5}), 800);
    EXPECT_NEAR(view.y_px({1.0, 48.0}), 0, 1e-9);
    EXPECT_NEAR(view.y_px({1.0, 47.0}), 600, 1e-9);
    // Mercator stretches the north: the middle latitude lies below the middle row.
    EXPECT_GT(view.y_px({1.0, 47.5}), 300.5);
    EXPECT_LT(view.y_px({1.0, 47.5}), 302);
}

}  // namespace
}  // namespace geo
