// Item points without GL: the pre-aggregated pyramid keeps every item at
// every level, the visible count is exact, and large views aggregate into
// world-anchored cells that stay put while the view pans.
#include "app/gui/render/item_points.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace app::gui {
namespace {

std::vector<geo::OfferItem> random_items(int n, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> lon(-1.0, 3.0), lat(45.0, 49.0);
    std::vector<geo::OfferItem> items(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        items[static_cast<std::size_t>(i)].family = geo::kAllFamilies[static_cast<std::size_t>(i) % geo::kFamilyCount];
        items[static_cast<std::size_t>(i)].position = {lon(rng), lat(rng)};
    }
    return items;
}

TEST(PointPyramid, EveryLevelHoldsEveryItem) {
    const auto items = random_items(30'000, 7);
    std::vector<double> x, y;
    std::vector<geo::Family> f;
    for (const auto& it : items) {
        const Mercator m = mercator_from_lonlat(it.position);
        x.push_back(m.x_m);
        y.push_back(m.y_m);
        f.push_back(it.family);
    }
    PointPyramid pyramid;
    pyramid.rebuild(x, y, f, {});
    std::size_t previous = std::numeric_limits<std::size_t>::max();
    for (int level = PointPyramid::kMinLevel; level <= PointPyramid::kMaxLevel; ++level) {
        std::uint64_t count = 0;
        double mass = 0.0;
        for (const auto& c : pyramid.cells(level)) {
            count += c.count;
            for (float m : c.mass) mass += m;
        }
        EXPECT_EQ(count, items.size()) << level;
        EXPECT_NEAR(mass, static_cast<double>(items.size()), 1.0) << level;
        EXPECT_LE(pyramid.cells(level).size(), previous) << level;
        previous = pyramid.cells(level).size();
    }
    EXPECT_EQ(PointPyramid::level_for(16'384.0), 14);
    EXPECT_EQ(PointPyramid::level_for(16'385.0), 15);  // cells at least as wide as asked
    EXPECT_EQ(PointPyramid::level_for(100.0), -1);
    EXPECT_TRUE(pyramid.cells(99).empty());
}

TEST(ItemPointIndex, VisibleCountIsExactAndLargeViewsAggregateStably) {
    const auto items = random_items(60'000, 11);
    ItemPointIndex index;
    index.rebuild(items, {});
    Camera camera;
    camera.set_viewport(1200, 800);
    camera.fit({0.0, 46.0, 2.0, 48.0}, 0.0);
    PointBatch batch;
    PointStyle style;
    style.aggregate_above = 20'000;
    index.build(camera, style, batch);
    // The same count, item by item, with the batch's margin (24 px).
    const double margin = 24.0 * camera.metres_per_px();
    const Mercator lo = camera.visible_min(), hi = camera.visible_max();
    std::size_t expected = 0;
    for (const auto& it : items) {
        const Mercator m = mercator_from_lonlat(it.position);
        if (m.x_m >= lo.x_m - margin && m.x_m <= hi.x_m + margin && m.y_m >= lo.y_m - margin &&
            m.y_m <= hi.y_m + margin)
            ++expected;
    }
    EXPECT_EQ(batch.visible_items, expected);
    ASSERT_GT(expected, style.aggregate_above);
    EXPECT_TRUE(batch.aggregated);
    EXPECT_LT(batch.vertices.size(), expected / 3);

    // A small pan: the discs keep their map positions (world-anchored cells).
    std::vector<std::pair<float, float>> before;
    for (const auto& v : batch.vertices)
        before.emplace_back(static_cast<float>(v.x_m + batch.origin.x_m), static_cast<float>(v.y_m + batch.origin.y_m));
    camera.pan_by_px(3.0, 0.0);
    index.build(camera, style, batch);
    std::size_t kept = 0;
    for (const auto& v : batch.vertices) {
        const std::pair<float, float> p{static_cast<float>(v.x_m + batch.origin.x_m),
                                        static_cast<float>(v.y_m + batch.origin.y_m)};
        if (std::any_of(before.begin(), before.end(), [&](const auto& q) {
                return std::abs(q.first - p.first) < 1.0f && std::abs(q.second - p.second) < 1.0f;
            }))
            ++kept;
    }
    EXPECT_GT(kept, batch.vertices.size() * 9 / 10);
}

}  // namespace
}  // namespace app::gui
