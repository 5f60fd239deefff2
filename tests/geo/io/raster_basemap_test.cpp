// Raster basemaps written here with GDAL (a GeoTIFF, the same as MBTiles
// with overviews), read back as Web Mercator tiles: the right colours in the
// right places, the pyramid level picked from the resolution, a source in
// lon/lat warped, and clear errors for files that cannot serve as basemaps.
#include "geo/io/raster_basemap.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include <ogr_spatialref.h>

#include "tests/support/raster_fixture.hpp"
#include "tests/support/test_support.hpp"

namespace geo {
namespace {

double merc_x(double lon) {
    return lon / 180.0 * kMercatorHalfWorldM;
}
double merc_y(double lat) {
    return std::log(std::tan(M_PI / 4 + lat * M_PI / 360)) * 6378137.0;
}

// The colour at lon/lat in a picture of `box`.
const std::uint8_t* pixel_at(const RgbaImage& img, const MercatorBox& box, double lon, double lat) {
    const int x = static_cast<int>((merc_x(lon) - box.min_x_m) / (box.max_x_m - box.min_x_m) * img.width_px);
    const int y = static_cast<int>((box.max_y_m - merc_y(lat)) / (box.max_y_m - box.min_y_m) * img.height_px);
    return img.at(std::clamp(x, 0, img.width_px - 1), std::clamp(y, 0, img.height_px - 1));
}

void expect_colour(const std::uint8_t* p, test::Rgb8 c, int tolerance, const char* where) {
    EXPECT_NEAR(p[0], c.r, tolerance) << where;
    EXPECT_NEAR(p[1], c.g, tolerance) << where;
    EXPECT_NEAR(p[2], c.b, tolerance) << where;
    EXPECT_EQ(p[3], 255) << where;
}

// Each quadrant's colour a little inside it, and nothing outside the raster.
void expect_quadrants(const RasterBasemap& map, int tolerance) {
    const MercatorBox view{merc_x(-0.2), merc_y(46.9), merc_x(1.6), merc_y(47.9)};
    auto img = map.read(view, 360, 300);
    ASSERT_TRUE(img) << img.error().message;
    expect_colour(pixel_at(*img, view, 0.3, 47.6), test::kQuadrantNW, tolerance, "north-west");
    expect_colour(pixel_at(*img, view, 1.1, 47.6), test::kQuadrantNE, tolerance, "north-east");
    expect_colour(pixel_at(*img, view, 0.3, 47.2), test::kQuadrantSW, tolerance, "south-west");
    expect_colour(pixel_at(*img, view, 1.1, 47.2), test::kQuadrantSE, tolerance, "south-east");
    EXPECT_EQ(pixel_at(*img, view, -0.1, 47.4)[3], 0) << "west of the raster stays clear";
    EXPECT_EQ(pixel_at(*img, view, 0.7, 47.85)[3], 0) << "north of the raster stays clear";
}

TEST(RasterBasemap, TileBoundsFollowTheXyzScheme) {
    const MercatorBox world = tile_bounds({0, 0, 0});
    EXPECT_DOUBLE_EQ(world.min_x_m, -kMercatorHalfWorldM);
    EXPECT_DOUBLE_EQ(world.max_y_m, kMercatorHalfWorldM);
    const MercatorBox se = tile_bounds({1, 1, 1});  // south-east quarter
    EXPECT_DOUBLE_EQ(se.min_x_m, 0.0);
    EXPECT_DOUBLE_EQ(se.max_y_m, 0.0);
    EXPECT_DOUBLE_EQ(se.min_y_m, -kMercatorHalfWorldM);
}

TEST(RasterBasemap, GeoTiffInMercatorReadsItsQuadrants) {
    const auto tif = test::write_quadrant_geotiff(test::temp_dir(), 3857);
    ASSERT_FALSE(tif.empty());
    auto map = RasterBasemap::open(tif.string());
    ASSERT_TRUE(map) << map.error().message;
    EXPECT_EQ(map->level_count(), 1);
    EXPECT_EQ(map->attribution(), "Quadrants written by the Territoire tests");
    expect_quadrants(*map, 2);
}

TEST(RasterBasemap, GeoTiffInLonLatIsWarpedToMercator) {
    const auto tif = test::write_quadrant_geotiff(test::temp_dir(), 4326);
    ASSERT_FALSE(tif.empty());
    auto map = RasterBasemap::open(tif.string());
    ASSERT_TRUE(map) << map.error().message;
    EXPECT_NEAR(map->extent().min_x_m, merc_x(0.0), 1.0);
    EXPECT_NEAR(map->extent().max_y_m, merc_y(47.8), 400.0);  // one warped pixel
    expect_quadrants(*map, 3);
}

TEST(RasterBasemap, MbtilesPicksThePyramidLevelFromTheResolution) {
    const auto mbtiles = test::write_quadrant_mbtiles(test::temp_dir());
    ASSERT_FALSE(mbtiles.empty());
    auto map = RasterBasemap::open(mbtiles.string());
    ASSERT_TRUE(map) << map.error().message;
    ASSERT_GE(map->level_count(), 4) << map->description();  // full resolution + 3 overviews
    const double full = map->level_metres_per_px(0);
    for (int i = 1; i < map->level_count(); ++i)
        EXPECT_GT(map->level_metres_per_px(i), map->level_metres_per_px(i - 1));
    EXPECT_NEAR(map->level_metres_per_px(1) / full, 2.0, 0.01);  // overview sizes are rounded
    EXPECT_EQ(map->level_for(full / 2), 0);                      // finer than the file: its best level
    EXPECT_EQ(map->level_for(full), 0);
    EXPECT_EQ(map->level_for(full * 2.5), 1);  // the coarsest no blurrier than asked
    EXPECT_EQ(map->level_for(full * 4.0), 2);
    EXPECT_EQ(map->level_for(full * 1000), map->level_count() - 1);
    // The MBTiles driver writes whole tiles at its zoom: the file's zoom.
    EXPECT_NEAR(std::log2(kTileZoom0MetresPerPx / full), map->native_zoom(), 1e-6);
    EXPECT_EQ(map->attribution(), "Quadrants © Territoire tests");
    expect_quadrants(*map, 3);
    // A tile of the native zoom at the centre holds all four colours.
    const int z = map->native_zoom();
    const double n = std::ldexp(1.0, z);
    const int tx = static_cast<int>((merc_x(0.7) + kMercatorHalfWorldM) / (2 * kMercatorHalfWorldM) * n);
    const int ty = static_cast<int>((kMercatorHalfWorldM - merc_y(47.4)) / (2 * kMercatorHalfWorldM) * n);
    auto tile = map->read_tile({z, tx, ty});
    ASSERT_TRUE(tile) << tile.error().message;
    EXPECT_EQ(tile->width_px, 256);
    int opaque = 0;
    for (std::size_t i = 3; i < tile->rgba.size(); i += 4) opaque += tile->rgba[i] == 255;
    EXPECT_EQ(opaque, 256 * 256);
}

TEST(RasterBasemap, ClearErrorsForFilesThatAreNotBasemaps) {
    const auto dir = test::temp_dir();
    auto missing = RasterBasemap::open((dir / "none.mbtiles").string());
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("none.mbtiles: no such file"), std::string::npos);

    std::ofstream(dir / "text.tif") << "not a tiff";
    auto text = RasterBasemap::open((dir / "text.tif").string());
    ASSERT_FALSE(text);
    EXPECT_NE(text.error().message.find("text.tif: not a raster GDAL can read"), std::string::npos)
        << text.error().message;

    // A GeoTIFF with a geotransform but no CRS.
    GDALAllRegister();
    const auto bare = dir / "bare.tif";
    {
        GDALDatasetUniquePtr ds(
            GetGDALDriverManager()->GetDriverByName("GTiff")->Create(bare.c_str(), 8, 8, 3, GDT_Byte, nullptr));
        double g[6] = {0, 1, 0, 8, 0, -1};
        ds->SetGeoTransform(g);
    }
    auto no_crs = RasterBasemap::open(bare.string());
    ASSERT_FALSE(no_crs);
    EXPECT_NE(no_crs.error().message.find("bare.tif: unknown CRS"), std::string::npos) << no_crs.error().message;

    // A 16-bit elevation model is no picture.
    const auto dem = dir / "dem.tif";
    {
        GDALDatasetUniquePtr ds(
            GetGDALDriverManager()->GetDriverByName("GTiff")->Create(dem.c_str(), 8, 8, 1, GDT_Int16, nullptr));
        double g[6] = {0, 1, 0, 8, 0, -1};
        ds->SetGeoTransform(g);
        OGRSpatialReference srs;
        srs.importFromEPSG(3857);
        ds->SetSpatialRef(&srs);
    }
    auto dem_map = RasterBasemap::open(dem.string());
    ASSERT_FALSE(dem_map);
    EXPECT_NE(dem_map.error().message.find("dem.tif: band 1 is Int16: a basemap needs 8-bit bands"), std::string::npos)
        << dem_map.error().message;
}

}  // namespace
}  // namespace geo
