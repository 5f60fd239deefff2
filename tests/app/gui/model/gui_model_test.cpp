// Map model tests, without GL: layer stack order, visibility and opacity,
// map model revisions and selection.
#include "app/gui/model/map_model.hpp"

#include "app/gui/i18n.hpp"
#include "app/gui/render/map_meshes.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace app::gui {
namespace {

std::vector<std::string> ids(const LayerStack& stack) {
    std::vector<std::string> out;
    for (const auto& l : stack.layers()) out.push_back(l.id);
    return out;
}

TEST(LayerStack, DefaultOrderBottomToTop) {
    LayerStack stack;
    EXPECT_EQ(ids(stack),
              (std::vector<std::string>{"territories", "density", "perimeters", "gaps", "items", "places"}));
    ASSERT_NE(stack.find(LayerKind::density), nullptr);
    EXPECT_FALSE(stack.find(LayerKind::density)->visible);
    EXPECT_TRUE(stack.find("items")->visible);
}

TEST(LayerStack, MoveUpAndDown) {
    LayerStack stack;
    const unsigned rev = stack.revision();
    EXPECT_TRUE(stack.move_up("territories"));
    EXPECT_EQ(ids(stack),
              (std::vector<std::string>{"density", "territories", "perimeters", "gaps", "items", "places"}));
    EXPECT_NE(stack.revision(), rev);
    EXPECT_FALSE(stack.move_up("items"));  // already on top (below the place names, which stay there)
    EXPECT_FALSE(stack.move_up("places"));
    EXPECT_FALSE(stack.move_down("places"));
    EXPECT_FALSE(stack.move_down("density"));  // already at the bottom
    EXPECT_FALSE(stack.move_up("nope"));
    EXPECT_TRUE(stack.move_down("items"));
    EXPECT_TRUE(stack.move_down("items"));
    EXPECT_EQ(ids(stack),
              (std::vector<std::string>{"density", "territories", "items", "perimeters", "gaps", "places"}));
    EXPECT_EQ(stack.index_of("items"), 2);
    EXPECT_EQ(stack.index_of("nope"), -1);
}

TEST(LayerStack, VisibilityOpacityAndContextLayers) {
    LayerStack stack;
    stack.set_visible("density", true);
    EXPECT_TRUE(stack.find("density")->visible);
    stack.set_opacity("perimeters", 1.7f);
    EXPECT_FLOAT_EQ(stack.find("perimeters")->opacity, 1.0f);
    stack.set_opacity("perimeters", -0.2f);
    EXPECT_FLOAT_EQ(stack.find("perimeters")->opacity, 0.0f);
    stack.set_opacity("perimeters", 0.35f);
    EXPECT_FLOAT_EQ(stack.find("perimeters")->opacity, 0.35f);

    const unsigned rev = stack.revision();
    stack.set_opacity("perimeters", 0.35f);  // no change, no new revision
    EXPECT_EQ(stack.revision(), rev);

    const std::string a = stack.add_context("/data/countries.geojson");
    const std::string b = stack.add_context("/data/rivers.json");
    EXPECT_NE(a, b);
    EXPECT_EQ(stack.layers().front().id, b);  // new context layers go to the bottom
    EXPECT_EQ(stack.find(a)->path, "/data/countries.geojson");
    EXPECT_FALSE(stack.remove_context("items"));  // built-in layers stay
    EXPECT_TRUE(stack.remove_context(a));
    EXPECT_EQ(stack.find(a), nullptr);
    EXPECT_EQ(stack.layers().size(), 7u);
}

geo::OfferItem item(const char* name, geo::Family family, double lon, double lat) {
    geo::OfferItem it;
    it.name = name;
    it.family = family;
    it.position = {lon, lat};
    return it;
}

TEST(MapModel, RevisionsMoveOnlyWhenSomethingChanges) {
    MapModel model;
    const unsigned r0 = model.revision();
    model.set_items({item("Chambord", geo::Family::heritage, 1.517218, 47.616126),
                     item("Chenonceau", geo::Family::heritage, 1.0703, 47.3249)});
    EXPECT_NE(model.revision(), r0);
    const unsigned items_rev = model.items_revision();

    const unsigned r1 = model.revision();
    model.select(1);
    EXPECT_EQ(model.selected(), std::optional<std::size_t>(1));
    EXPECT_NE(model.revision(), r1);
    EXPECT_EQ(model.items_revision(), items_rev);  // selection does not rebuild item geometry

    const unsigned r2 = model.revision();
    model.select(1);  // same selection
    EXPECT_EQ(model.revision(), r2);
    model.select(7);  // out of range: cleared
    EXPECT_FALSE(model.selected());

    model.set_audience("patrimoine", {1.0f});
    EXPECT_EQ(model.item_weights().size(), 2u);  // padded to the item count
    EXPECT_EQ(model.audience_id(), "patrimoine");

    const unsigned r3 = model.revision();
    model.camera().pan_by_px(3, 4);
    EXPECT_NE(model.revision(), r3);
    const unsigned r4 = model.revision();
    model.layers().move_up("territories");
    EXPECT_NE(model.revision(), r4);
}

TEST(MapModel, FamilyCountsFollowTheCatalogueFilter) {
    MapModel model;
    model.set_items({item("Chambord", geo::Family::heritage, 1.517218, 47.616126),
                     item("Chenonceau", geo::Family::heritage, 1.0703, 47.3249),
                     item("Cave de Vouvray", geo::Family::gastronomy, 0.7985, 47.4107)});
    const auto heritage = static_cast<std::size_t>(geo::Family::heritage);
    const auto gastronomy = static_cast<std::size_t>(geo::Family::gastronomy);
    EXPECT_EQ(model.family_counts()[heritage], 2u);
    EXPECT_EQ(model.family_counts()[gastronomy], 1u);
    model.set_item_filter(std::vector<std::uint32_t>{2});  // the legend counts what the map shows
    EXPECT_EQ(model.family_counts()[heritage], 0u);
    EXPECT_EQ(model.family_counts()[gastronomy], 1u);
    model.set_item_filter(std::nullopt);
    EXPECT_EQ(model.family_counts()[heritage], 2u);
}

TEST(MapModel, ExtentAndPerimeterOrder) {
    MapModel model;
    EXPECT_TRUE(model.data_extent().empty());
    model.set_items({item("Chambord", geo::Family::heritage, 1.517218, 47.616126),
                     item("Villandry", geo::Family::heritage, 0.5148, 47.3401)});
    const geo::LonLatBox box = model.data_extent();
    EXPECT_DOUBLE_EQ(box.west_deg, 0.5148);
    EXPECT_DOUBLE_EQ(box.north_deg, 47.616126);

    geo::MultiPolygon square;
    square.polygons.push_back({{{{0, 0}, {1, 0}, {1, 1}, {0, 1}}}});
    model.set_perimeters({{0.5, square}, {0.95, square}, {0.8, square}});
    ASSERT_EQ(model.perimeters().size(), 3u);
    EXPECT_DOUBLE_EQ(model.perimeters()[0].level, 0.95);  // widest first, drawn first
    EXPECT_DOUBLE_EQ(model.perimeters()[2].level, 0.5);
    EXPECT_DOUBLE_EQ(model.data_extent().west_deg, 0.0);
}

}  // namespace
}  // namespace app::gui

namespace app::gui {
namespace {

TEST(MapModel, FocusExtentPrefersItemsOverTerritories) {
    MapModel model;
    geo::Territory far;
    far.name = "Guyane";
    far.geometry.polygons.push_back({{{{-54.0, 2.0}, {-51.0, 2.0}, {-51.0, 5.0}, {-54.0, 5.0}}}});
    model.set_territories({far});
    EXPECT_DOUBLE_EQ(model.focus_extent().west_deg, -54.0);  // nothing else: the territories
    geo::OfferItem chambord;
    chambord.position = {1.517218, 47.616126};
    model.set_items({chambord});
    EXPECT_DOUBLE_EQ(model.focus_extent().west_deg, 1.517218);
    EXPECT_DOUBLE_EQ(model.data_extent().west_deg, -54.0);
}

TEST(I18n, EveryTextHasBothLanguagesInEnumOrder) {
    EXPECT_TRUE(i18n_table_is_consistent());
}

}  // namespace
}  // namespace app::gui

namespace {

geo::Territory square_unit(const std::string& code, geo::TerritoryLevel level, double west, double size_deg) {
    geo::Territory t;
    t.name = "Unit " + code;
    t.code = code;
    t.level = level;
    t.geometry.polygons.push_back(
        {{{{west, 47.0}, {west + size_deg, 47.0}, {west + size_deg, 47.0 + size_deg}, {west, 47.0 + size_deg}}}});
    return t;
}

}  // namespace

// Commune borders go to their own mesh, drawn only from kCommuneOutlineZoom
// on; départements stay in the main mesh at every zoom.
TEST(TerritoryMesh, CommuneOutlinesAreSeparateFromOtherLevels) {
    const std::vector<geo::Territory> communes = {square_unit("37001", geo::TerritoryLevel::commune, 0.0, 0.1),
                                                  square_unit("37002", geo::TerritoryLevel::commune, 0.1, 0.1)};
    auto only_communes = app::gui::build_territory_mesh(communes);
    EXPECT_FALSE(only_communes.commune_outlines.empty());
    EXPECT_TRUE(only_communes.mesh.line_lods.empty() || only_communes.mesh.line_lods.back().lines.empty());
    EXPECT_EQ(only_communes.labels.size(), 2U);  // labels keep their own zoom rule

    auto with_departement = communes;
    with_departement.push_back(square_unit("37", geo::TerritoryLevel::departement, 0.0, 0.2));
    auto both = app::gui::build_territory_mesh(with_departement);
    EXPECT_FALSE(both.commune_outlines.empty());
    ASSERT_FALSE(both.mesh.line_lods.empty());
    EXPECT_FALSE(both.mesh.line_lods.back().lines.empty());
    EXPECT_GT(app::gui::kCommuneOutlineZoom, 6.5);  // France-wide views (zoom ≈ 6) show no commune border
}
