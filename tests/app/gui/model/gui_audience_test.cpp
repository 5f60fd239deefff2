// The audience computation behind the audience panel, without GL: the levels
// asked for, the perimeter with its statistics, border table and density
// surface from AudienceComputer, and the debounced controller (latest
// request wins, results land in the model).
#include "app/gui/model/audience_controller.hpp"

#include <gtest/gtest.h>

#include <random>

namespace app::gui {
namespace {

using namespace std::chrono_literals;

// Seeded clusters of items around Tours and Blois, every family.
std::vector<geo::OfferItem> clustered_items() {
    std::mt19937 rng(37);
    std::normal_distribution<double> jitter(0.0, 0.05);
    std::vector<geo::OfferItem> items;
    const geo::LonLat centres[] = {{0.69, 47.39}, {1.33, 47.59}};
    for (int i = 0; i < 400; ++i) {
        geo::OfferItem it;
        it.id = i + 1;
        it.name = "item " + std::to_string(i);
        it.family = geo::kAllFamilies[static_cast<std::size_t>(i) % geo::kFamilyCount];
        const geo::LonLat c = centres[i % 2];
        it.position = {c.lon_deg + jitter(rng), c.lat_deg + jitter(rng)};
        items.push_back(std::move(it));
    }
    return items;
}

geo::Audience heritage_lovers() {
    geo::Audience a;
    a.id = "test-heritage";
    a.name_fr = a.name_en = "Heritage";
    a.family_weights.fill(0.2);
    a.family_weights[static_cast<std::size_t>(geo::Family::heritage)] = 1.0;
    return a;
}

// A square "département" over Tours.
geo::Territory square(double w, double s, double e, double n, std::string code) {
    geo::Territory t;
    t.name = "Square " + code;
    t.code = code;
    t.level = geo::TerritoryLevel::departement;
    t.geometry.polygons.push_back({{{{w, s}, {e, s}, {e, n}, {w, n}, {w, s}}}});
    return t;
}

TEST(AudienceParams, LevelsAreAscendingAndNestedAroundTheMainOne) {
    AudienceParams p;
    p.level = 0.8;
    EXPECT_EQ(p.levels(), std::vector<double>{0.8});
    p.nested = true;
    EXPECT_EQ(p.levels(), (std::vector<double>{0.5, 0.8, 0.95}));
    p.level = 0.5;  // no duplicate of 0.5
    EXPECT_EQ(p.levels(), (std::vector<double>{0.5, 0.95}));
    p.level = 0.97;  // above 0.95: still ascending
    EXPECT_EQ(p.levels(), (std::vector<double>{0.5, 0.97}));
    p.level = 0.4;
    EXPECT_EQ(p.levels(), (std::vector<double>{0.4, 0.95}));
}

TEST(AudienceComputer, PerimeterStatisticsBordersAndDensityFromOneProjection) {
    auto items = std::make_shared<const std::vector<geo::OfferItem>>(clustered_items());
    auto territories = std::make_shared<const std::vector<geo::Territory>>(
        std::vector<geo::Territory>{square(0.2, 47.0, 1.0, 47.8, "37"), square(1.0, 47.0, 1.8, 47.8, "41")});
    AudienceComputer compute;
    AudienceRequest request{heritage_lovers(), {}, items, territories, 1};
    request.params.nested = true;
    const AudienceResult r = compute(request);
    ASSERT_TRUE(r.error.empty()) << r.error;
    EXPECT_EQ(r.weights.size(), items->size());
    EXPECT_EQ(r.weighted_items, items->size());
    ASSERT_EQ(r.perimeters.size(), 3u);  // 95 %, 80 %, 50 %: widest first
    EXPECT_DOUBLE_EQ(r.perimeters[0].level, 0.95);
    EXPECT_DOUBLE_EQ(r.perimeters[1].level, 0.8);
    EXPECT_TRUE(r.perimeters[1].main);
    EXPECT_FALSE(r.perimeters[0].main);
    EXPECT_FALSE(r.perimeters[2].main);
    ASSERT_TRUE(r.stats);
    ASSERT_EQ(r.stats->levels.size(), 3u);
    for (const auto& l : r.stats->levels) {
        EXPECT_GT(l.area_km2, 0.0);
        EXPECT_GE(l.components, 1);
    }
    // Both clusters are inside the 80 % perimeter, so it crosses both squares.
    ASSERT_TRUE(r.borders);
    EXPECT_EQ(r.borders->units.size(), 2u);
    EXPECT_FALSE(r.density.empty());
    EXPECT_EQ(r.density.nodes.size(), static_cast<std::size_t>((r.density.mesh_cols + 1) * (r.density.mesh_rows + 1)));
    EXPECT_FLOAT_EQ(*std::max_element(r.density.values.begin(), r.density.values.end()), 1.0f);

    // Same items, another level: the projection is reused, the area shrinks.
    request.params = {};
    request.params.level = 0.5;
    const AudienceResult r2 = compute(request);
    ASSERT_TRUE(r2.error.empty()) << r2.error;
    ASSERT_EQ(r2.perimeters.size(), 1u);
    EXPECT_LT(r2.stats->levels[0].area_km2, r.stats->levels[1].area_km2);
}

TEST(AudienceComputer, NoItemsIsAnErrorNotACrash) {
    AudienceComputer compute;
    const AudienceResult r =
        compute({heritage_lovers(), {}, std::make_shared<const std::vector<geo::OfferItem>>(), nullptr, 1});
    EXPECT_FALSE(r.error.empty());
    EXPECT_TRUE(r.perimeters.empty());
}

TEST(AudienceController, RapidSliderMovesComputeTheLatestAndFillTheModel) {
    MapModel model;
    model.set_items(clustered_items());
    AudienceController controller(100ms);
    controller.set_audience(heritage_lovers(), model);
    for (double level : {0.3, 0.4, 0.5, 0.6, 0.7}) {  // a slider moving faster than the debounce
        AudienceParams p = controller.params();
        p.level = level;
        controller.set_params(p, model);
    }
    ASSERT_TRUE(controller.wait_idle(30s));
    ASSERT_TRUE(controller.poll(model));
    ASSERT_TRUE(controller.last_result());
    EXPECT_TRUE(controller.last_result()->error.empty()) << controller.last_result()->error;
    ASSERT_EQ(model.perimeters().size(), 1u);
    EXPECT_DOUBLE_EQ(model.perimeters()[0].level, 0.7);
    EXPECT_EQ(model.audience_id(), "test-heritage");
    EXPECT_FALSE(model.density().empty());

    // No audience: perimeters and density cleared.
    controller.set_audience(std::nullopt, model);
    EXPECT_TRUE(controller.poll(model));
    EXPECT_TRUE(model.perimeters().empty());
    EXPECT_TRUE(model.density().empty());
}

}  // namespace
}  // namespace app::gui
