// The map's search without a window (SearchModel on a MapModel of the real
// sample's communes and the demo's places): the right commune first, Enter
// flies the camera there; and the catalogue's filters narrowing the items
// the map draws and picks (ItemPointIndex).
#include <gtest/gtest.h>

#include "app/gui/model/search_model.hpp"
#include "app/gui/render/item_points.hpp"
#include "geo/core/data_dir.hpp"
#include "geo/io/places_file.hpp"
#include "tests/support/loire_fixture.hpp"
#include "tests/support/test_support.hpp"

namespace app::gui {
namespace {

constexpr double kLonLatTolerance = 1e-6;  // degrees

MapModel sample_model() {
    MapModel model;
    model.camera().set_viewport(780, 877);
    model.set_territories(test::loire_territories());
    auto places = geo::read_places_file(geo::data_dir() + "/demo/places.geojson");
    EXPECT_TRUE(places) << places.error().message;
    if (places) model.set_places(std::move(*places));
    model.camera().fit({-0.3, 46.9, 1.95, 47.8}, 40.0);  // the demo's start view
    return model;
}

// Runs the flight to its end.
void land(MapModel& model, UiState& ui) {
    ASSERT_TRUE(ui.flight.active());
    ui.flight.step(model.camera(), ui.now_s + 10.0);
    EXPECT_FALSE(ui.flight.active());
}

TEST(GuiSearch, EnterFliesTheCameraToTheCommune) {
    REQUIRE_SHARED_DATA();
    for (const auto& [query, code, lon, lat] :
         std::vector<std::tuple<std::string, std::string, double, double>>{{"Chinon", "37072", 0.2420, 47.1675},
                                                                           {"chinon", "37072", 0.2420, 47.1675},
                                                                           {"Amboise", "37003", 0.9828, 47.4113},
                                                                           {"37261", "37261", 0.6892, 47.3941}}) {
        MapModel model = sample_model();
        UiState ui;
        ui.now_s = 5.0;
        SearchModel search;
        search.set_query(query, model);
        search.wait_for_index(model);
        ASSERT_FALSE(search.hits().empty()) << query;
        EXPECT_EQ(search.hits()[0].kind, geo::SearchKind::commune) << query;
        EXPECT_EQ(search.hits()[0].code, code) << query;
        const double zoom_before = model.camera().zoom();
        ASSERT_TRUE(search.activate(model, ui)) << query;
        land(model, ui);
        const geo::LonLat at = lonlat_from_mercator(model.camera().center());
        EXPECT_NEAR(at.lon_deg, lon, kLonLatTolerance) << query;
        EXPECT_NEAR(at.lat_deg, lat, kLonLatTolerance) << query;
        // Zoomed in to the commune, which fits the view.
        EXPECT_GT(model.camera().zoom(), zoom_before + 1.0) << query;
        EXPECT_LE(model.camera().zoom(), 13.5) << query;
    }
}

TEST(GuiSearch, ArrowsPickAnotherHitAndAPlaceFliesToItsTown) {
    REQUIRE_SHARED_DATA();
    MapModel model = sample_model();
    UiState ui;
    SearchModel search;
    search.set_query("sau", model);  // the commune Saunay (37), then the place Saumur (49, no commune loaded)
    search.wait_for_index(model);
    ASSERT_GE(search.hits().size(), 3u);
    EXPECT_EQ(search.hits()[0].name, "Saunay");
    EXPECT_EQ(search.hits()[1].name, "Saumur");
    EXPECT_EQ(search.hits()[1].kind, geo::SearchKind::place);
    EXPECT_EQ(search.selected(), 0u);
    search.move(+1);
    search.move(+1);
    search.move(-1);
    EXPECT_EQ(search.selected(), 1u);
    ASSERT_TRUE(search.activate(model, ui));
    land(model, ui);
    const geo::LonLat at = lonlat_from_mercator(model.camera().center());
    EXPECT_NEAR(at.lon_deg, -0.0772, kLonLatTolerance);
    EXPECT_NEAR(at.lat_deg, 47.2600, kLonLatTolerance);
    EXPECT_NEAR(model.camera().zoom(), 12.0, 1e-9);
    search.move(-5);
    EXPECT_EQ(search.selected(), 0u);
    search.move(+100);
    EXPECT_EQ(search.selected(), search.hits().size() - 1);
    // A new query starts at its first hit; a blank one has none to fly to.
    search.set_query("  ", model);
    search.wait_for_index(model);
    EXPECT_TRUE(search.hits().empty());
    EXPECT_FALSE(search.activate(model, ui));
}

TEST(GuiSearch, ItemHitSelectsTheItem) {
    MapModel model;
    model.camera().set_viewport(800, 600);
    geo::OfferItem a, b;
    a.name = "Château de Chenonceau";
    a.position = {1.0703, 47.3249};
    b.name = "Maison de la Loire";
    b.position = {0.98, 47.41};
    model.set_items({a, b});
    UiState ui;
    SearchModel search;
    search.set_query("chenonceau", model);
    search.wait_for_index(model);
    ASSERT_EQ(search.hits().size(), 1u);
    ASSERT_TRUE(search.activate(model, ui));
    EXPECT_EQ(model.selected(), std::optional<std::size_t>(0));
    land(model, ui);
    EXPECT_GE(model.camera().zoom(), 14.0);
    // The index follows the data: new items are found at the next query.
    b.name = "Chenonceaux, bord du Cher";
    model.set_items({a, b});
    search.set_query("chenonceau", model);  // indexed on a worker: no hits until ready, never stale ones
    EXPECT_TRUE(search.hits().empty() || search.hits().size() == 2u);
    search.wait_for_index(model);
    EXPECT_EQ(search.hits().size(), 2u);
}

TEST(ItemFilter, HiddenItemsAreNeitherDrawnNorPicked) {
    std::vector<geo::OfferItem> items(3);
    items[0].position = {0.68, 47.39};
    items[1].position = {0.70, 47.40};
    items[2].position = {0.72, 47.41};
    Camera camera;
    camera.set_viewport(800, 600);
    geo::LonLatBox box;
    for (const auto& it : items) box.extend(it.position);
    camera.fit(box, 100.0);
    ItemPointIndex index;
    const std::vector<std::uint32_t> shown = {0, 2};
    index.rebuild(items, {}, &shown);
    EXPECT_EQ(index.shown(), 2u);
    PointBatch batch;
    PointStyle style;
    style.selected = 1;  // selected but filtered out: not drawn
    index.build(camera, style, batch);
    EXPECT_EQ(batch.visible_items, 2u);
    EXPECT_EQ(batch.vertices.size(), 2u);
    const ScreenPx on_hidden = camera.to_screen(items[1].position);
    EXPECT_EQ(index.pick(camera, on_hidden, 4.0), std::nullopt);
    EXPECT_EQ(index.pick(camera, camera.to_screen(items[2].position), 4.0), std::optional<std::size_t>(2));
    index.rebuild(items, {});  // no filter: all of them
    index.build(camera, PointStyle{}, batch);
    EXPECT_EQ(batch.vertices.size(), 3u);
    EXPECT_EQ(index.pick(camera, on_hidden, 4.0), std::optional<std::size_t>(1));
}

TEST(ItemFilter, TheModelKeepsTheFilterUntilTheItemsChange) {
    MapModel model;
    model.set_items(std::vector<geo::OfferItem>(4));
    EXPECT_EQ(model.item_filter(), nullptr);
    const unsigned rev = model.revision();
    model.set_item_filter(std::vector<std::uint32_t>{1, 3});
    ASSERT_NE(model.item_filter(), nullptr);
    EXPECT_EQ(*model.item_filter(), (std::vector<std::uint32_t>{1, 3}));
    EXPECT_NE(model.revision(), rev);
    const unsigned same = model.revision();
    model.set_item_filter(std::vector<std::uint32_t>{1, 3});
    EXPECT_EQ(model.revision(), same);  // unchanged: nothing to redraw
    model.set_items(std::vector<geo::OfferItem>(2));
    EXPECT_EQ(model.item_filter(), nullptr);
}

}  // namespace
}  // namespace app::gui
