// Our own exports read back by the importers without loss: every format the
// exporters write (GeoJSON, GeoPackage, CSV, KML) re-imports to the same items
// and territories.
#include <gtest/gtest.h>

#include "geo/core/data_dir.hpp"
#include "geo/io/exporters.hpp"
#include "geo/io/gdal_importer.hpp"
#include "geo/io/territory_importer.hpp"
#include "tests/geo/io/import_fixtures.hpp"
#include "tests/support/test_support.hpp"

namespace {

geo::ParsedItems demo_items() {
    auto parsed = geo::parse_gdal_items(geo::data_dir() + "/demo/items.geojson", {}, test::taxonomy());
    EXPECT_TRUE(parsed) << parsed.error().message;
    for (size_t i = 0; i < parsed->items.size(); ++i) parsed->items[i].id = static_cast<std::int64_t>(i + 1);
    return std::move(*parsed);
}

class ItemRoundTrip : public ::testing::TestWithParam<const char*> {};

}  // namespace

TEST_P(ItemRoundTrip, SameItems) {
    const geo::ParsedItems original = demo_items();
    const auto path = (test::temp_dir() / (std::string("items.") + GetParam())).string();
    auto written = geo::export_items(original.items, path);
    ASSERT_TRUE(written) << written.error().message;
    auto reread = geo::parse_gdal_items(path, {}, test::taxonomy());
    ASSERT_TRUE(reread) << reread.error().message;
    EXPECT_TRUE(reread->report.skipped.empty())
        << reread->report.skipped.front().record << ": " << reread->report.skipped.front().reason.message;
    ASSERT_EQ(reread->items.size(), original.items.size());
    for (size_t i = 0; i < original.items.size(); ++i) {
        const geo::OfferItem& a = original.items[i];
        const geo::OfferItem& b = reread->items[i];
        EXPECT_EQ(b.source_id, "file:items.geojson:" + a.source_id);
        EXPECT_EQ(b.name, a.name);
        EXPECT_EQ(b.family, a.family) << a.name;
        EXPECT_EQ(b.subtypes, a.subtypes) << a.name;
        EXPECT_EQ(b.labels, a.labels) << a.name;
        EXPECT_EQ(b.themes, a.themes) << a.name;
        EXPECT_EQ(b.opening_months, a.opening_months) << a.name;
        EXPECT_EQ(b.producer, a.producer) << a.name;
        EXPECT_EQ(b.commune_insee, a.commune_insee) << a.name;
        // KML placemarks carry a generated description, kept as an extra.
        if (std::string(GetParam()) != "kml") {
            EXPECT_EQ(b.extra_json, "{}") << a.name;
        }
        EXPECT_NEAR(b.position.lon_deg, a.position.lon_deg, 1e-7) << a.name;
        EXPECT_NEAR(b.position.lat_deg, a.position.lat_deg, 1e-7) << a.name;
    }
}

INSTANTIATE_TEST_SUITE_P(Formats, ItemRoundTrip, ::testing::Values("geojson", "gpkg", "csv", "kml"));

class TerritoryRoundTrip : public ::testing::TestWithParam<const char*> {};

TEST_P(TerritoryRoundTrip, SameTerritories) {
    REQUIRE_SHARED_DATA();
    auto original = geo::parse_territories(
        (test::shared_data() / "admin/departements/37-indre-et-loire/communes-37-indre-et-loire.geojson").string(),
        geo::TerritoryLevel::commune, {});
    ASSERT_TRUE(original) << original.error().message;
    const auto path = (test::temp_dir() / (std::string("communes.") + GetParam())).string();
    auto written = geo::export_territories(original->territories, path);
    ASSERT_TRUE(written) << written.error().message;
    auto reread = geo::parse_territories(path, geo::TerritoryLevel::commune, {});
    ASSERT_TRUE(reread) << reread.error().message;
    ASSERT_EQ(reread->territories.size(), 272u);
    for (size_t i = 0; i < 272; ++i) {
        EXPECT_EQ(reread->territories[i].name, original->territories[i].name);
        EXPECT_EQ(reread->territories[i].code, original->territories[i].code);
        const auto a = original->territories[i].geometry.bounds();
        const auto b = reread->territories[i].geometry.bounds();
        EXPECT_NEAR(a.west_deg, b.west_deg, 1e-7);
        EXPECT_NEAR(a.north_deg, b.north_deg, 1e-7);
    }
}

INSTANTIATE_TEST_SUITE_P(Formats, TerritoryRoundTrip, ::testing::Values("geojson", "gpkg", "csv", "kml"));
