// Context layers read from real files: Natural Earth rivers (with the null
// geometry of one "Loire") and countries, a Lambert-93 reprojection, bad input.
#include "geo/io/context_layer.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/test_support.hpp"

namespace geo {
namespace {

TEST(ContextLayer, RiversKeepLinesAndCountTheNullGeometry) {
    REQUIRE_SHARED_DATA();
    const auto path = test::shared_data() / "basemap/ne_50m_rivers_lake_centerlines.json";
    auto rivers = read_context_layer(path.string());
    ASSERT_TRUE(rivers) << rivers.error().message;
    EXPECT_EQ(rivers->features, 462);
    EXPECT_EQ(rivers->skipped, 1);  // the "Loire" whose geometry is null
    EXPECT_TRUE(rivers->polygons.empty());
    EXPECT_GT(rivers->lines.size(), 461u);  // multi-lines add parts
    // A line passes near Tours (the Loire, 47.39 N, 0.69 E).
    bool near_tours = false;
    for (const auto& line : rivers->lines)
        for (const auto& p : line)
            if (std::abs(p.lon_deg - 0.69) < 0.15 && std::abs(p.lat_deg - 47.39) < 0.1) near_tours = true;
    EXPECT_TRUE(near_tours);
}

TEST(ContextLayer, CountriesArePolygons) {
    REQUIRE_SHARED_DATA();
    auto countries = read_context_layer((test::shared_data() / "basemap/ne_50m_admin_0_countries.geojson").string());
    ASSERT_TRUE(countries) << countries.error().message;
    EXPECT_EQ(countries->features, 241);
    EXPECT_EQ(countries->skipped, 0);
    EXPECT_GT(countries->polygons.polygons.size(), 241u);
    const LonLatBox box = countries->polygons.bounds();
    EXPECT_NEAR(box.west_deg, -180.0, 1e-6);
    EXPECT_NEAR(box.east_deg, 180.0, 1e-6);
}

TEST(ContextLayer, ReprojectsLambert93ToLonLat) {
    const auto dir = test::temp_dir();
    // Tours → Blois in Lambert-93 metres, with the (pre-RFC 7946) crs member GDAL honours.
    const auto path = dir / "line.geojson";
    std::ofstream(path) << R"({"type":"FeatureCollection",)"
                        << R"("crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2154"}},)"
                        << R"("features":[{"type":"Feature","properties":{},"geometry":)"
                        << R"({"type":"LineString","coordinates":[[525600,6702000],[573000,6722300]]}}]})";
    auto line = read_context_layer(path.string());
    ASSERT_TRUE(line) << line.error().message;
    ASSERT_EQ(line->lines.size(), 1u);
    EXPECT_NEAR(line->lines[0][0].lon_deg, 0.69, 0.02);
    EXPECT_NEAR(line->lines[0][0].lat_deg, 47.39, 0.02);
}

TEST(ContextLayer, BadInputNamesTheFile) {
    const auto dir = test::temp_dir();
    auto missing = read_context_layer((dir / "nope.geojson").string());
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("nope.geojson"), std::string::npos);
    const auto points = dir / "points.geojson";
    std::ofstream(points)
        << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,47]}}]})";
    auto no_lines = read_context_layer(points.string());
    ASSERT_FALSE(no_lines);
    EXPECT_NE(no_lines.error().message.find("no line or polygon"), std::string::npos);
}

}  // namespace
}  // namespace geo

namespace geo {
namespace {

TEST(ContextLayer, ThemeIsGuessedFromFileAndLayerNames) {
    EXPECT_EQ(context_theme_for("ne_50m_rivers_lake_centerlines.json"), ContextTheme::water);
    EXPECT_EQ(context_theme_for("COURS_D_EAU"), ContextTheme::water);
    EXPECT_EQ(context_theme_for("TRONCON_DE_ROUTE.shp"), ContextTheme::roads);
    EXPECT_EQ(context_theme_for("ne_50m_admin_0_countries.geojson"), ContextTheme::boundaries);
    EXPECT_EQ(context_theme_for("COMMUNE"), ContextTheme::boundaries);
    EXPECT_EQ(context_theme_for("PNR.geojson"), ContextTheme::generic);
    EXPECT_EQ(context_theme_for("zone_de_vegetation"), ContextTheme::green);
}

TEST(ContextLayer, NaturalEarthFilesGetTheirTheme) {
    REQUIRE_SHARED_DATA();
    auto rivers = read_context_layer((test::shared_data() / "basemap/ne_50m_rivers_lake_centerlines.json").string());
    ASSERT_TRUE(rivers) << rivers.error().message;
    EXPECT_EQ(rivers->theme, ContextTheme::water);
    auto countries = read_context_layer((test::shared_data() / "basemap/ne_50m_admin_0_countries.geojson").string());
    ASSERT_TRUE(countries) << countries.error().message;
    EXPECT_EQ(countries->theme, ContextTheme::boundaries);
}

}  // namespace
}  // namespace geo
