#include "geo/store/catalogue.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/store/schema.hpp"
#include "geo/store/sqlite_util.hpp"
#include "tests/support/postgis_server.hpp"
#include "tests/support/test_support.hpp"

namespace {

geo::OfferItem make_item(const std::string& id, geo::Family family, double lon, double lat,
                         std::vector<std::string> labels = {}) {
    geo::OfferItem item;
    item.source_id = id;
    item.name = "Item " + id + " — château";
    item.family = family;
    item.labels = std::move(labels);
    item.subtypes = {"castle"};
    item.themes = {"kb:Renaissance"};
    item.opening_months = 0x0F0;
    item.producer = "ADT41";
    item.commune_insee = "41034";
    item.position = {lon, lat};
    return item;
}

geo::SourceInfo test_source() {
    return {"test", "gdal", "memory", "CC0", "Territoire tests", ""};
}

geo::Territory square(const std::string& code, double west, double south, double size_deg) {
    geo::Territory t;
    t.name = "Square " + code;
    t.code = code;
    t.level = geo::TerritoryLevel::commune;
    t.geometry.polygons.push_back(
        {{{{west, south}, {west + size_deg, south}, {west + size_deg, south + size_deg}, {west, south + size_deg}}}});
    return t;
}

// The catalogue's contract, on both backends: a SpatiaLite file, and a fresh
// PostGIS database on the test server (tests/support/postgis_server.hpp).
class CatalogueBackend : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        if (GetParam() == "postgis") REQUIRE_POSTGIS();
    }
    std::string address() {
        return GetParam() == "postgis" ? test::fresh_postgis_database() : (test::temp_dir() / "c.sqlite").string();
    }
};

}  // namespace

INSTANTIATE_TEST_SUITE_P(Backends, CatalogueBackend, ::testing::Values("spatialite", "postgis"),
                         [](const auto& info) { return info.param; });

TEST_P(CatalogueBackend, CreatesAndUpsertsWithoutDuplicates) {
    const auto path = address();
    auto cat = geo::Catalogue::open(path);
    ASSERT_TRUE(cat) << cat.error().message;
    std::vector<geo::OfferItem> items = {make_item("a", geo::Family::heritage, 1.5172, 47.6161, {"unesco"}),
                                         make_item("b", geo::Family::gastronomy, 0.80, 47.40),
                                         make_item("a", geo::Family::nature, 0.0, 0.0)};
    geo::ImportReport report;
    auto up = cat->upsert_items(test_source(), items, report);
    ASSERT_TRUE(up) << up.error().message;
    EXPECT_EQ(report.imported, 2);
    EXPECT_EQ(report.updated, 0);
    ASSERT_EQ(report.skipped.size(), 1u);
    EXPECT_NE(report.skipped[0].reason.message.find("duplicate id \"a\""), std::string::npos);

    geo::ImportReport again;
    ASSERT_TRUE(cat->upsert_items(test_source(), items, again));
    EXPECT_EQ(again.imported, 0);
    EXPECT_EQ(again.updated, 2);

    auto all = cat->items();
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 2u);
    const geo::OfferItem& a = (*all)[0];
    EXPECT_EQ(a.source, "test");
    EXPECT_EQ(a.name, "Item a — château");
    EXPECT_EQ(a.family, geo::Family::heritage);
    EXPECT_EQ(a.labels, std::vector<std::string>{"unesco"});
    EXPECT_EQ(a.subtypes, std::vector<std::string>{"castle"});
    EXPECT_EQ(a.themes, std::vector<std::string>{"kb:Renaissance"});
    EXPECT_EQ(a.opening_months, 0x0F0);
    EXPECT_DOUBLE_EQ(a.position.lon_deg, 1.5172);
    EXPECT_DOUBLE_EQ(a.position.lat_deg, 47.6161);

    auto info = cat->info();
    ASSERT_TRUE(info);
    EXPECT_EQ(info->item_count, 2);
    EXPECT_EQ(info->items_per_family.at("heritage"), 1);
    EXPECT_EQ(info->items_per_label.at("unesco"), 1);
    EXPECT_EQ(info->items_per_source.at("test"), 2);
    EXPECT_NEAR(info->extent.west_deg, 0.80, 1e-5);
    EXPECT_NEAR(info->extent.north_deg, 47.6161, 1e-5);
}

TEST_P(CatalogueBackend, FiltersByFamilyLabelBoxAndTerritory) {
    auto cat = geo::Catalogue::open(address());
    ASSERT_TRUE(cat);
    geo::ImportReport report;
    ASSERT_TRUE(cat->upsert_items(
        test_source(),
        {make_item("in", geo::Family::heritage, 0.5, 47.5, {"unesco", "monument_historique"}),
         make_item("out", geo::Family::heritage, 2.5, 47.5), make_item("wine", geo::Family::gastronomy, 0.6, 47.6)},
        report));
    ASSERT_TRUE(cat->upsert_territories(test_source(), {square("T1", 0.0, 47.0, 1.0)}, report));

    geo::ItemFilter by_family;
    by_family.families = {geo::Family::gastronomy};
    EXPECT_EQ(cat->items(by_family)->size(), 1u);

    geo::ItemFilter by_label;
    by_label.labels = {"monument_historique"};
    ASSERT_EQ(cat->items(by_label)->size(), 1u);
    EXPECT_EQ(cat->items(by_label)->front().source_id, "in");

    geo::ItemFilter by_box;
    by_box.bbox = geo::LonLatBox{2.0, 47.0, 3.0, 48.0};
    ASSERT_EQ(cat->items(by_box)->size(), 1u);
    EXPECT_EQ(cat->items(by_box)->front().source_id, "out");

    auto territories = cat->territories();
    ASSERT_TRUE(territories);
    ASSERT_EQ(territories->size(), 1u);
    geo::ItemFilter by_territory;
    by_territory.territory_id = territories->front().id;
    by_territory.families = {geo::Family::heritage};
    auto inside = cat->items(by_territory);
    ASSERT_TRUE(inside) << inside.error().message;
    ASSERT_EQ(inside->size(), 1u);
    EXPECT_EQ(inside->front().source_id, "in");
}

TEST_P(CatalogueBackend, TerritoriesRoundTripAndUpsertByLevelAndCode) {
    auto cat = geo::Catalogue::open(address());
    ASSERT_TRUE(cat);
    geo::Territory t = square("37261", 0.6, 47.3, 0.1);
    t.name = "Tours";
    t.geometry.polygons[0].rings.push_back({{0.62, 47.32}, {0.64, 47.32}, {0.64, 47.34}, {0.62, 47.34}});
    geo::ImportReport report;
    ASSERT_TRUE(cat->upsert_territories(test_source(), {t}, report));
    ASSERT_TRUE(cat->upsert_territories(test_source(), {t}, report));
    EXPECT_EQ(report.imported, 1);
    EXPECT_EQ(report.updated, 1);
    geo::TerritoryFilter filter;
    filter.level = geo::TerritoryLevel::commune;
    filter.code = "37261";
    auto back = cat->territories(filter);
    ASSERT_TRUE(back);
    ASSERT_EQ(back->size(), 1u);
    EXPECT_EQ(back->front().name, "Tours");
    ASSERT_EQ(back->front().geometry.polygons.size(), 1u);
    ASSERT_EQ(back->front().geometry.polygons[0].rings.size(), 2u);
    EXPECT_EQ(back->front().geometry.polygons[0].rings[0].size(), 5u);  // closed on write
    EXPECT_DOUBLE_EQ(back->front().geometry.polygons[0].rings[1][2].lat_deg, 47.34);
}

TEST_P(CatalogueBackend, DuplicateCodesInOneImportAreSkippedNotOverwritten) {
    auto cat = geo::Catalogue::open(address());
    ASSERT_TRUE(cat);
    geo::Territory a = square("37001", 0.5, 47.0, 0.1), b = square("37002", 0.7, 47.0, 0.1),
                   c = square("37001", 0.9, 47.0, 0.1);
    a.name = "A", b.name = "B", c.name = "C";
    geo::ImportReport report;
    ASSERT_TRUE(cat->upsert_territories(test_source(), {a, b, c}, report));
    EXPECT_EQ(report.imported, 2);
    ASSERT_EQ(report.skipped.size(), 1u);
    EXPECT_EQ(report.skipped[0].record, "37001 C");
    EXPECT_EQ(report.skipped[0].reason.message,
              "duplicate commune code \"37001\" in this file (already read as \"37001 A\")");
    geo::TerritoryFilter filter;
    filter.code = "37001";
    ASSERT_EQ(cat->territories(filter)->size(), 1u);
    EXPECT_EQ(cat->territories(filter)->front().name, "A");
}

TEST_P(CatalogueBackend, AudiencesAndPerimetersAreStored) {
    auto cat = geo::Catalogue::open(address());
    ASSERT_TRUE(cat);
    ASSERT_TRUE(cat->save_audience("patrimoine", R"({"id":"patrimoine"})"));
    EXPECT_EQ(cat->audience_json("patrimoine")->value(), R"({"id":"patrimoine"})");
    EXPECT_FALSE(cat->audience_json("absent")->has_value());
    geo::StoredPerimeter p;
    p.audience_id = "patrimoine";
    p.level = 0.8;
    p.geometry = square("x", 1.0, 47.0, 0.2).geometry;
    auto id = cat->save_perimeter(p);
    ASSERT_TRUE(id) << id.error().message;
    auto stored = cat->perimeters(std::string("patrimoine"));
    ASSERT_TRUE(stored);
    ASSERT_EQ(stored->size(), 1u);
    EXPECT_DOUBLE_EQ(stored->front().level, 0.8);
    EXPECT_FALSE(stored->front().created_at.empty());
}

TEST(Catalogue, IsReadableAsSpatiaLiteByGdal) {
    const auto path = (test::temp_dir() / "c.sqlite").string();
    {
        auto cat = geo::Catalogue::open(path);
        ASSERT_TRUE(cat);
        geo::ImportReport report;
        ASSERT_TRUE(cat->upsert_items(test_source(), {make_item("a", geo::Family::heritage, 1.5, 47.6)}, report));
    }
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(ds);
    OGRLayer* layer = ds->GetLayerByName("offer_items");
    ASSERT_NE(layer, nullptr);
    EXPECT_EQ(layer->GetFeatureCount(), 1);
    ASSERT_NE(layer->GetSpatialRef(), nullptr);
    EXPECT_STREQ(layer->GetSpatialRef()->GetAuthorityCode(nullptr), "4326");
    OGRFeatureUniquePtr f(layer->GetNextFeature());
    ASSERT_TRUE(f);
    EXPECT_DOUBLE_EQ(f->GetGeometryRef()->toPoint()->getX(), 1.5);
}

TEST(Catalogue, RefusesFilesThatAreNotCatalogues) {
    const auto dir = test::temp_dir();
    const auto text = (dir / "notes.sqlite").string();
    std::ofstream(text) << "this is not a database";
    const auto before = test::file_checksum(text);
    auto cat = geo::Catalogue::open(text);
    ASSERT_FALSE(cat);
    EXPECT_NE(cat.error().message.find("not a Territoire catalogue"), std::string::npos);
    EXPECT_NE(cat.error().message.find(text), std::string::npos);
    EXPECT_EQ(test::file_checksum(text), before);

    // An SQLite database of another application.
    const auto other = (dir / "other.sqlite").string();
    {
        sqlite3* raw = nullptr;
        sqlite3_open(other.c_str(), &raw);
        geo::detail::SqliteDb db(raw);
        ASSERT_TRUE(geo::store::exec(db.get(), "CREATE TABLE t(x)"));
    }
    const auto other_before = test::file_checksum(other);
    auto cat2 = geo::Catalogue::open(other);
    ASSERT_FALSE(cat2);
    EXPECT_NE(cat2.error().message.find("territoire_meta"), std::string::npos);
    EXPECT_EQ(test::file_checksum(other), other_before);

    auto missing = geo::Catalogue::open((dir / "absent.sqlite").string(), geo::Catalogue::Mode::open_existing);
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("no such catalogue"), std::string::npos);
}

TEST(Catalogue, RefusesNewerSchemaAndMigratesOlder) {
    const auto dir = test::temp_dir();
    const auto newer = (dir / "newer.sqlite").string();
    ASSERT_TRUE(geo::Catalogue::open(newer));
    {
        sqlite3* raw = nullptr;
        sqlite3_open(newer.c_str(), &raw);
        geo::detail::SqliteDb db(raw);
        ASSERT_TRUE(geo::store::exec(db.get(), "UPDATE territoire_meta SET value='99' WHERE key='schema_version'"));
    }
    const auto before = test::file_checksum(newer);
    auto refused = geo::Catalogue::open(newer);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("schema version 99 is newer"), std::string::npos);
    EXPECT_EQ(test::file_checksum(newer), before);

    // A version-1 catalogue (no audiences / perimeters) is migrated on open.
    const auto old = (dir / "v1.sqlite").string();
    {
        sqlite3* raw = nullptr;
        sqlite3_open(old.c_str(), &raw);
        geo::detail::SqliteDb db(raw);
        sqlite3_enable_load_extension(db.get(), 1);
        ASSERT_EQ(sqlite3_load_extension(db.get(), "mod_spatialite", nullptr, nullptr), SQLITE_OK);
        ASSERT_TRUE(geo::store::migrate(db.get(), 0, 1));
        ASSERT_EQ(geo::store::schema_version(db.get()).value(), 1);
        ASSERT_TRUE(geo::store::exec(db.get(),
                                     "INSERT INTO sources VALUES ('s','gdal','','','','2020-01-01T00:00:00Z');"
                                     "INSERT INTO offer_items(source, source_id, name, family, lon, lat, geom) "
                                     "VALUES ('s','1','Old item','heritage',1.0,47.0,MakePoint(1.0,47.0,4326));"));
    }
    auto migrated = geo::Catalogue::open(old);
    ASSERT_TRUE(migrated) << migrated.error().message;
    EXPECT_EQ(geo::store::schema_version(migrated->db()).value(), geo::Catalogue::kSchemaVersion);
    EXPECT_EQ(migrated->items()->size(), 1u);
    EXPECT_TRUE(migrated->save_audience("a", "{}"));
}

TEST_P(CatalogueBackend, ReadOnlyModeRefusesWritesAndLeavesFileUntouched) {
    const auto path = address();
    ASSERT_TRUE(geo::Catalogue::open(path));
    const auto before = test::file_checksum(path);
    auto cat = geo::Catalogue::open(path, geo::Catalogue::Mode::read_only);
    ASSERT_TRUE(cat);
    geo::ImportReport report;
    auto written = cat->upsert_items(test_source(), {make_item("a", geo::Family::heritage, 1, 47)}, report);
    ASSERT_FALSE(written);
    EXPECT_NE(written.error().message.find("read-only"), std::string::npos);
    EXPECT_EQ(test::file_checksum(path), before);
}

TEST_P(CatalogueBackend, FailedImportRollsBackEverything) {
    const auto path = address();
    auto cat = geo::Catalogue::open(path);
    ASSERT_TRUE(cat);
    geo::ImportReport report;
    ASSERT_TRUE(cat->upsert_items(test_source(), {make_item("a", geo::Family::heritage, 1, 47)}, report));
    const auto before = test::file_checksum(path);
    auto bad = make_item("c", geo::Family::heritage, 1, 47);
    bad.position.lat_deg = 147.61;
    auto written = cat->upsert_items(test_source(), {make_item("b", geo::Family::heritage, 1, 47), bad}, report);
    ASSERT_FALSE(written);
    EXPECT_EQ(cat->items()->size(), 1u);
    EXPECT_EQ(test::file_checksum(path), before);
}

// A streamed import (Catalogue::begin_items): every batch lands at finish, or
// none when a later batch fails or the import is dropped unfinished.
TEST_P(CatalogueBackend, StreamedImportLandsWholeOrNotAtAll) {
    const auto path = address();
    auto cat = geo::Catalogue::open(path);
    ASSERT_TRUE(cat) << cat.error().message;
    geo::ImportReport report;
    {
        auto import = cat->begin_items(test_source(), report, 4);
        ASSERT_TRUE(import) << import.error().message;
        ASSERT_TRUE((*import)->write({make_item("a", geo::Family::heritage, 1.0, 47.0)}));
        ASSERT_TRUE((*import)->write(
            {make_item("b", geo::Family::nature, 1.1, 47.1), make_item("a", geo::Family::nature, 1.2, 47.2)}));
        auto done = (*import)->finish({{"kb:Renaissance", "Renaissance", "Renaissance"}});
        ASSERT_TRUE(done) << done.error().message;
    }
    EXPECT_EQ(report.imported, 2);
    ASSERT_EQ(report.skipped.size(), 1u);  // "a" again, in the second batch
    EXPECT_EQ(cat->items()->size(), 2u);
    EXPECT_EQ(cat->theme_names()->size(), 1u);

    geo::ImportReport second;
    {
        auto import = cat->begin_items(test_source(), second, 3);
        ASSERT_TRUE(import);
        ASSERT_TRUE((*import)->write({make_item("c", geo::Family::heritage, 1.3, 47.3)}));
        auto bad = make_item("d", geo::Family::heritage, 1, 47);
        bad.position.lat_deg = 147.61;
        auto failed = (*import)->write({bad});
        ASSERT_FALSE(failed);
        EXPECT_NE(failed.error().message.find("item d has invalid coordinates"), std::string::npos);
        auto after = (*import)->finish({});
        ASSERT_FALSE(after);
        EXPECT_NE(after.error().message.find("the import already failed; nothing was imported"), std::string::npos);
    }
    {
        auto import = cat->begin_items(test_source(), second, 1);
        ASSERT_TRUE(import);
        ASSERT_TRUE((*import)->write({make_item("e", geo::Family::heritage, 1.4, 47.4)}));
    }  // dropped unfinished
    EXPECT_EQ(cat->items()->size(), 2u);
}
