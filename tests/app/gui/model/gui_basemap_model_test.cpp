// Basemaps in the map model, without GL: where they go in the layer stack,
// what load_basemap makes of each kind of file (an OSM extract, an MBTiles
// written here with GDAL, a Natural Earth GeoJSON, a broken file), and the
// tile arithmetic of the raster layer (zoom choice, tiles of a view).
#include <gtest/gtest.h>

#include <fstream>

#include "app/gui/model/basemap_loading.hpp"
#include "app/gui/render/raster_layer.hpp"
#include "tests/support/raster_fixture.hpp"
#include "tests/support/test_support.hpp"

namespace app::gui {
namespace {

std::vector<std::string> ids(const LayerStack& stack) {
    std::vector<std::string> out;
    for (const Layer& l : stack.layers()) out.push_back(l.id);
    return out;
}

TEST(BasemapModel, BasemapsStayUnderEverythingInTheOrderGiven) {
    LayerStack stack;
    const std::string context = stack.add_context("/data/rivers.json");
    const std::string first = stack.add_basemap("/data/a.mbtiles");
    const std::string second = stack.add_basemap("/data/tours.osm.pbf");
    const std::string later_context = stack.add_context("/data/countries.geojson");
    const auto order = ids(stack);
    ASSERT_GE(order.size(), 4u);
    EXPECT_EQ(order[0], first);  // the first basemap given at the very bottom
    EXPECT_EQ(order[1], second);
    EXPECT_EQ(order[2], later_context);  // context layers right above the basemaps
    EXPECT_EQ(order[3], context);
    EXPECT_EQ(stack.find(first)->kind, LayerKind::basemap);
    EXPECT_TRUE(stack.move_up(first));  // and they can be reordered like any layer
    EXPECT_EQ(ids(stack)[1], first);
}

TEST(BasemapModel, LoadBasemapTellsRastersExtractsAndVectorFilesApart) {
    REQUIRE_SHARED_DATA();
    const auto dir = test::temp_dir();
    MapModel model;
    const auto mbtiles = test::write_quadrant_mbtiles(dir);
    auto raster_credit = load_basemap(model, mbtiles.string(), (dir / "cache").string());
    ASSERT_TRUE(raster_credit) << raster_credit.error().message;
    EXPECT_EQ(*raster_credit, "Quadrants © Territoire tests");  // the MBTiles' attribution metadata
    auto pbf_credit =
        load_basemap(model, (test::shared_data() / "poi/osm/tours.osm.pbf").string(), (dir / "cache").string());
    ASSERT_TRUE(pbf_credit) << pbf_credit.error().message;
    EXPECT_EQ(*pbf_credit, kOsmCredit);
    ASSERT_EQ(model.basemaps().size(), 2u);
    const Basemap& raster = model.basemaps().at("basemap:1");
    ASSERT_TRUE(raster.raster);
    EXPECT_FALSE(raster.osm);
    EXPECT_GE(raster.raster->native_zoom, 10);
    const Basemap& osm = model.basemaps().at("basemap:2");
    ASSERT_TRUE(osm.osm);
    EXPECT_EQ(osm.osm->bands.size(), 3u);

    // A Natural Earth file is a context layer, credited as such.
    auto ne = load_basemap(model, (test::shared_data() / "basemap/ne_50m_rivers_lake_centerlines.json").string(),
                           (dir / "cache").string());
    ASSERT_TRUE(ne) << ne.error().message;
    EXPECT_EQ(*ne, "Natural Earth");
    EXPECT_EQ(model.context().size(), 1u);
    EXPECT_EQ(model.basemaps().size(), 2u);

    std::ofstream(dir / "broken.tif") << "not a raster";
    const unsigned revision = model.revision();
    auto bad = load_basemap(model, (dir / "broken.tif").string(), (dir / "cache").string());
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("broken.tif: neither a raster nor a vector file"), std::string::npos)
        << bad.error().message;
    EXPECT_EQ(model.revision(), revision);  // the model is as it was
}

TEST(RasterTiles, ZoomFollowsTheCameraUpToTheNativeZoom) {
    EXPECT_EQ(tile_zoom_for(8.4, 12), 8);
    EXPECT_EQ(tile_zoom_for(8.6, 12), 9);
    EXPECT_EQ(tile_zoom_for(15.0, 12), 12);  // beyond: native tiles magnified
    EXPECT_EQ(tile_zoom_for(-1.0, 12), 0);
}

TEST(RasterTiles, TilesCoveringAViewWithinTheExtentNearestTheCentreFirst) {
    const geo::MercatorBox world = geo::tile_bounds({0, 0, 0});
    // The north-west quarter of the world at zoom 2: tiles x 0–1, y 0–1.
    const geo::MercatorBox nw{world.min_x_m + 1, 1, -1, world.max_y_m - 1};
    auto tiles = tiles_covering(nw, world, 2);
    ASSERT_EQ(tiles.size(), 4u);
    for (const geo::TileId& t : tiles) {
        EXPECT_EQ(t.z, 2);
        EXPECT_LE(t.x, 1);
        EXPECT_LE(t.y, 1);
    }
    // Outside the raster's extent: nothing asked for.
    const geo::MercatorBox small = geo::tile_bounds({10, 700, 700});  // south-east of the origin
    EXPECT_TRUE(tiles_covering(nw, small, 10).empty());
    // A view over the small extent asks for that tile only.
    auto inside = tiles_covering(geo::tile_bounds({9, 350, 350}), small, 10);
    ASSERT_EQ(inside.size(), 1u);
    EXPECT_EQ(inside[0], (geo::TileId{10, 700, 700}));
}

}  // namespace
}  // namespace app::gui
