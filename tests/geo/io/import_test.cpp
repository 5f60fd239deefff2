#include "geo/io/import.hpp"

#include <gtest/gtest.h>

#include <cpl_vsi.h>

#include "geo/core/data_dir.hpp"
#include "tests/geo/io/import_fixtures.hpp"
#include "tests/support/test_support.hpp"

namespace {

using test::taxonomy;

std::string bad(const std::string& name) {
    return (test::test_data() / "bad" / name).string();
}

geo::Catalogue open_catalogue(const std::filesystem::path& path) {
    auto catalogue = geo::Catalogue::open(path.string());
    EXPECT_TRUE(catalogue) << catalogue.error().message;
    return std::move(*catalogue);
}

std::int64_t item_count(const geo::Catalogue& catalogue) {
    auto info = catalogue.info();
    EXPECT_TRUE(info) << info.error().message;
    return info ? info->item_count : -1;
}

// Writes `text` as the entry `entry` of the zip file `zip` (GDAL /vsizip/).
void write_zip_entry(const std::string& zip, const std::string& entry, const std::string& text) {
    VSILFILE* f = VSIFOpenL(("/vsizip/" + zip + "/" + entry).c_str(), "wb");
    ASSERT_NE(f, nullptr);
    ASSERT_EQ(VSIFWriteL(text.data(), 1, text.size(), f), text.size());
    ASSERT_EQ(VSIFCloseL(f), 0);
}

}  // namespace

TEST(Import, DetectsSourceFormats) {
    REQUIRE_SHARED_DATA();
    EXPECT_EQ(geo::detect_source_format((test::shared_data() / "poi/datatourisme-touraine-2020").string()),
              geo::SourceFormat::datatourisme);
    EXPECT_EQ(geo::detect_source_format((test::shared_data() / "poi/osm/tours.osm.pbf").string()),
              geo::SourceFormat::osm);
    EXPECT_EQ(geo::detect_source_format((test::shared_data() / "perimeters/PNR.geojson").string()),
              geo::SourceFormat::gdal);

    const auto dir = test::temp_dir();
    const std::string feed_zip = (dir / "flux.zip").string();
    write_zip_entry(feed_zip, "index.json", "[]");
    EXPECT_EQ(geo::detect_source_format(feed_zip), geo::SourceFormat::datatourisme);
    const std::string gis_zip = (dir / "pois.zip").string();
    write_zip_entry(gis_zip, "items.csv", "name;family;lon;lat\nChâteau de Chambord;heritage;1.517218;47.616126\n");
    EXPECT_EQ(geo::detect_source_format(gis_zip), geo::SourceFormat::gdal);

    // A zipped CSV imports through /vsizip/, keeping the path as given.
    auto catalogue = open_catalogue(dir / "cat.sqlite");
    auto report = geo::import_source(catalogue, gis_zip, {}, taxonomy());
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(report->imported, 1);
    auto sources = catalogue.sources();
    ASSERT_TRUE(sources);
    ASSERT_EQ(sources->size(), 1u);
    EXPECT_EQ((*sources)[0].path, gis_zip);
}

TEST(Import, DemoFileIsTheDemoSource) {
    auto catalogue = open_catalogue(test::temp_dir() / "demo.sqlite");
    auto report = geo::import_source(catalogue, geo::data_dir() + "/demo/items.geojson", {}, taxonomy());
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(report->source, "demo");
    EXPECT_EQ(report->imported, 179);
    auto sources = catalogue.sources();
    ASSERT_TRUE(sources);
    ASSERT_EQ(sources->size(), 1u);
    EXPECT_EQ((*sources)[0].key, "demo");
    EXPECT_EQ((*sources)[0].kind, "demo");
    geo::ItemFilter filter;
    filter.families = {geo::Family::heritage};
    auto heritage = catalogue.items(filter);
    ASSERT_TRUE(heritage);
    EXPECT_EQ(heritage->size(), 55u);  // data/demo/README.md
}

TEST(Import, ImportingTwiceUpdatesInsteadOfDuplicating) {
    REQUIRE_SHARED_DATA();
    auto catalogue = open_catalogue(test::temp_dir() / "twice.sqlite");
    for (const auto& path : {(test::shared_data() / "poi/osm/tours.osm.pbf").string(),
                             (test::test_data() / "import/items.csv").string()}) {
        auto first = geo::import_source(catalogue, path, {}, taxonomy());
        ASSERT_TRUE(first) << first.error().message;
        EXPECT_GT(first->imported, 0) << path;
        EXPECT_EQ(first->updated, 0) << path;
        const std::int64_t count = item_count(catalogue);
        auto second = geo::import_source(catalogue, path, {}, taxonomy());
        ASSERT_TRUE(second) << second.error().message;
        EXPECT_EQ(second->imported, 0) << path;
        EXPECT_EQ(second->updated, first->imported) << path;
        EXPECT_EQ(item_count(catalogue), count) << path;
    }
    geo::ItemFilter filter;
    filter.sources = {"osm"};
    auto osm = catalogue.items(filter);
    ASSERT_TRUE(osm);
    const auto hotel =
        std::find_if(osm->begin(), osm->end(), [](const geo::OfferItem& i) { return i.name == "Hôtel de l'Europe"; });
    ASSERT_NE(hotel, osm->end());
    EXPECT_EQ(hotel->family, geo::Family::accommodation);
}

TEST(Import, TerritoriesTwice) {
    REQUIRE_SHARED_DATA();
    auto catalogue = open_catalogue(test::temp_dir() / "territories.sqlite");
    const auto communes =
        (test::shared_data() / "admin/departements/37-indre-et-loire/communes-37-indre-et-loire.geojson").string();
    auto first = geo::import_territories(catalogue, communes, geo::TerritoryLevel::commune, {});
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->imported, 272);
    auto second = geo::import_territories(catalogue, communes, geo::TerritoryLevel::commune, {});
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_EQ(second->imported, 0);
    EXPECT_EQ(second->updated, 272);
    geo::TerritoryFilter filter;
    filter.level = geo::TerritoryLevel::commune;
    filter.with_geometry = false;
    auto stored = catalogue.territories(filter);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->size(), 272u);
}

TEST(Import, RejectedInputsLeaveTheCatalogueUntouched) {
    const auto path = test::temp_dir() / "existing.sqlite";
    {
        auto catalogue = open_catalogue(path);
        auto seeded = geo::import_source(catalogue, (test::test_data() / "import/items.csv").string(), {}, taxonomy());
        ASSERT_TRUE(seeded) << seeded.error().message;
    }
    const std::string before = test::file_checksum(path);
    ASSERT_FALSE(before.empty());
    const char* rejected[] = {
        "empty.geojson",           "empty_collection.geojson", "truncated.geojson",   "latitude_out_of_range.geojson",
        "nan_coordinates.geojson", "null_geometry.geojson",    "unknown_crs.geojson", "unknown_crs.csv",
        "bad_numbers.csv",         "missing_file.geojson"};
    for (const char* name : rejected) {
        {
            auto catalogue = open_catalogue(path);
            auto report = geo::import_source(catalogue, bad(name), {}, taxonomy());
            ASSERT_FALSE(report) << name;
            EXPECT_NE(report.error().message.find(name), std::string::npos) << report.error().message;
        }
        EXPECT_EQ(test::file_checksum(path), before) << name;
    }
    {
        auto catalogue = open_catalogue(path);
        auto report =
            geo::import_territories(catalogue, bad("null_geometry.geojson"), geo::TerritoryLevel::commune, {});
        ASSERT_FALSE(report);
        EXPECT_NE(report.error().message.find("null_geometry.geojson:null_geometry:FID 0: no geometry"),
                  std::string::npos)
            << report.error().message;
    }
    EXPECT_EQ(test::file_checksum(path), before);
}

TEST(Import, ReadOnlyCatalogueAndCancellationChangeNothing) {
    const auto path = test::temp_dir() / "ro.sqlite";
    { auto catalogue = open_catalogue(path); }
    const std::string before = test::file_checksum(path);
    const auto csv = (test::test_data() / "import/items.csv").string();
    {
        auto catalogue = geo::Catalogue::open(path.string(), geo::Catalogue::Mode::read_only);
        ASSERT_TRUE(catalogue) << catalogue.error().message;
        auto report = geo::import_source(*catalogue, csv, {}, taxonomy());
        ASSERT_FALSE(report);
        EXPECT_NE(report.error().message.find("read-only"), std::string::npos) << report.error().message;
    }
    EXPECT_EQ(test::file_checksum(path), before);
    {
        auto catalogue = open_catalogue(path);
        const geo::Progress cancel{[](std::int64_t, std::int64_t, void*) { return false; }, nullptr};
        auto report = geo::import_source(catalogue, geo::data_dir() + "/demo/items.geojson", {}, taxonomy(), cancel);
        ASSERT_FALSE(report);
        EXPECT_NE(report.error().message.find("cancelled"), std::string::npos) << report.error().message;
        EXPECT_EQ(item_count(catalogue), 0);
    }
    EXPECT_EQ(test::file_checksum(path), before);
}
