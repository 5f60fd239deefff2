// Bulk imports (at least 20,000 items) take the fast path of
// catalogue_items.cpp: SpatiaLite's triggers are suspended and the R*Tree is
// packed once. The result must be the catalogue the row-by-row path writes:
// same triggers, a valid spatial index that SpatiaLite, SQLite and GDAL
// accept, updates on re-import, and nothing changed when the import fails.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/store/catalogue.hpp"
#include "geo/store/sqlite_util.hpp"
#include "tests/support/test_support.hpp"

namespace {

constexpr int kItems = 25'000;

std::vector<geo::OfferItem> generated_items(int n, double lon_shift = 0.0) {
    std::mt19937_64 rng(2026);
    std::uniform_real_distribution<double> lon(-4.5, 7.5), lat(43.0, 50.5);
    std::vector<geo::OfferItem> items;
    for (int i = 0; i < n; ++i) {
        geo::OfferItem item;
        item.source_id = "g" + std::to_string(i);
        item.name = "Lieu " + std::to_string(i);
        item.family = static_cast<geo::Family>(i % 8);
        item.position = {lon(rng) + lon_shift, lat(rng)};
        items.push_back(std::move(item));
    }
    return items;
}

geo::SourceInfo bulk_source() {
    return {"bulk", "gdal", "generated", "CC0", "Territoire tests", ""};
}

std::string text_of(sqlite3* db, const std::string& sql) {
    auto st = geo::store::prepare(db, sql);
    EXPECT_TRUE(st) << sql;
    if (!st || sqlite3_step(st->get()) != SQLITE_ROW) return "";
    return geo::store::column_text(st->get(), 0);
}

std::string trigger_sql(sqlite3* db) {
    return text_of(db,
                   "SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master "
                   "WHERE type='trigger' AND tbl_name='offer_items' ORDER BY name)");
}

void expect_valid_index(sqlite3* db) {
    EXPECT_EQ(text_of(db, "SELECT rtreecheck('idx_offer_items_geom')"), "ok");
    EXPECT_EQ(*geo::store::query_int(db, "SELECT CheckSpatialIndex('offer_items', 'geom')"), 1);
    EXPECT_EQ(*geo::store::query_int(db, "SELECT count(*) FROM idx_offer_items_geom"),
              *geo::store::query_int(db, "SELECT count(*) FROM offer_items"));
}

}  // namespace

TEST(CatalogueBulk, WritesTheSameCatalogueAsRowByRow) {
    const auto dir = test::temp_dir();
    auto cat = geo::Catalogue::open((dir / "bulk.sqlite").string());
    ASSERT_TRUE(cat);
    const std::string triggers_before = trigger_sql(cat->db());
    ASSERT_FALSE(triggers_before.empty());

    geo::ImportReport report;
    ASSERT_TRUE(cat->upsert_items(bulk_source(), generated_items(kItems), report));
    EXPECT_EQ(report.imported, kItems);
    EXPECT_EQ(trigger_sql(cat->db()), triggers_before);
    expect_valid_index(cat->db());

    // The index answers like a scan of the table.
    const auto by_index =
        *geo::store::query_int(cat->db(),
                               "SELECT count(*) FROM offer_items WHERE rowid IN (SELECT pkid FROM idx_offer_items_geom "
                               "WHERE xmin >= 0.5 AND xmax <= 2.5 AND ymin >= 46.5 AND ymax <= 48.0)");
    const auto by_scan = *geo::store::query_int(
        cat->db(), "SELECT count(*) FROM offer_items WHERE lon BETWEEN 0.5 AND 2.5 AND lat BETWEEN 46.5 AND 48.0");
    EXPECT_GT(by_scan, 100);
    EXPECT_EQ(by_index, by_scan);

    // The restored triggers keep the index in step for later small imports.
    geo::ImportReport small;
    geo::OfferItem chambord;
    chambord.source_id = "chambord";
    chambord.name = "Château de Chambord";
    chambord.position = {1.517218, 47.616126};
    ASSERT_TRUE(cat->upsert_items({"small", "gdal", "x", "", "", ""}, {chambord}, small));
    expect_valid_index(cat->db());
    geo::ItemFilter near;
    near.bbox = geo::LonLatBox{1.51, 47.61, 1.52, 47.62};
    auto found = cat->items(near);
    ASSERT_TRUE(found);
    EXPECT_TRUE(std::any_of(found->begin(), found->end(), [](const auto& i) { return i.source_id == "chambord"; }));
}

TEST(CatalogueBulk, ReimportUpdatesAndMovesPoints) {
    auto cat = geo::Catalogue::open((test::temp_dir() / "bulk.sqlite").string());
    ASSERT_TRUE(cat);
    geo::ImportReport first, second;
    ASSERT_TRUE(cat->upsert_items(bulk_source(), generated_items(kItems), first));
    ASSERT_TRUE(cat->upsert_items(bulk_source(), generated_items(kItems, 0.25), second));
    EXPECT_EQ(second.imported, 0);
    EXPECT_EQ(second.updated, kItems);
    EXPECT_EQ(*geo::store::query_int(cat->db(), "SELECT count(*) FROM offer_items"), kItems);
    expect_valid_index(cat->db());
    // Every indexed box sits on its row's moved point.
    EXPECT_EQ(*geo::store::query_int(cat->db(),
                                     "SELECT count(*) FROM offer_items o JOIN idx_offer_items_geom i ON i.pkid = o.id "
                                     "WHERE abs(i.xmin - o.lon) > 1e-5 OR abs(i.ymin - o.lat) > 1e-5"),
              0);
}

TEST(CatalogueBulk, FailedBulkImportLeavesTheFileUntouched) {
    const auto path = (test::temp_dir() / "bulk.sqlite").string();
    {
        auto cat = geo::Catalogue::open(path);
        ASSERT_TRUE(cat);
        geo::ImportReport report;
        ASSERT_TRUE(cat->upsert_items(bulk_source(), generated_items(kItems), report));
    }
    const auto before = test::file_checksum(path);
    {
        auto cat = geo::Catalogue::open(path);
        ASSERT_TRUE(cat);
        auto items = generated_items(kItems + 5'000, 0.1);
        items[kItems + 4'000].position.lat_deg = 95.0;  // after the first 25,000 rows were written
        geo::ImportReport report;
        auto written = cat->upsert_items(bulk_source(), items, report);
        ASSERT_FALSE(written);
        EXPECT_NE(written.error().message.find("g29000"), std::string::npos) << written.error().message;
        EXPECT_EQ(text_of(cat->db(), "SELECT rtreecheck('idx_offer_items_geom')"), "ok");
        EXPECT_EQ(*geo::store::query_int(cat->db(),
                                         "SELECT count(*) FROM sqlite_master WHERE type='trigger' "
                                         "AND tbl_name='offer_items'"),
                  8);
    }
    EXPECT_EQ(test::file_checksum(path), before);  // CheckSpatialIndex() writes: checked after
    auto cat = geo::Catalogue::open(path);
    ASSERT_TRUE(cat);
    expect_valid_index(cat->db());
}

TEST(CatalogueBulk, IsReadableByGdalWithItsSpatialIndex) {
    const auto path = (test::temp_dir() / "bulk.sqlite").string();
    {
        auto cat = geo::Catalogue::open(path);
        ASSERT_TRUE(cat);
        geo::ImportReport report;
        ASSERT_TRUE(cat->upsert_items(bulk_source(), generated_items(kItems), report));
    }
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(ds);
    OGRLayer* layer = ds->GetLayerByName("offer_items");
    ASSERT_NE(layer, nullptr);
    EXPECT_EQ(layer->GetFeatureCount(), kItems);
    EXPECT_TRUE(layer->TestCapability(OLCFastSpatialFilter));
    layer->SetSpatialFilterRect(0.5, 46.5, 2.5, 48.0);
    std::int64_t inside = 0;
    for (auto& feature : *layer) {
        const auto* p = feature->GetGeometryRef()->toPoint();
        EXPECT_TRUE(p->getX() >= 0.5 && p->getX() <= 2.5 && p->getY() >= 46.5 && p->getY() <= 48.0);
        ++inside;
    }
    EXPECT_GT(inside, 100);
}

TEST(CatalogueBulk, IndexesTheGeometryOfEveryRowAndKeepsOtherTriggers) {
    auto cat = geo::Catalogue::open((test::temp_dir() / "bulk.sqlite").string());
    ASSERT_TRUE(cat);
    sqlite3* db = cat->db();
    geo::OfferItem chambord;
    chambord.source_id = "chambord";
    chambord.name = "Château de Chambord";
    chambord.position = {1.517218, 47.616126};
    geo::ImportReport small;
    ASSERT_TRUE(cat->upsert_items({"small", "gdal", "x", "", "", ""}, {chambord}, small));
    // Edited in another GIS: the geometry moves, the lon/lat columns do not.
    ASSERT_TRUE(
        geo::store::exec(db, "UPDATE offer_items SET geom = MakePoint(-1.5, 43.5, 4326) WHERE source_id = 'chambord'"));
    // A user's own trigger must survive a bulk import and fire for its rows.
    ASSERT_TRUE(geo::store::exec(
        db,
        "CREATE TABLE audit(n INTEGER); INSERT INTO audit VALUES (0); "
        "CREATE TRIGGER audit_items AFTER INSERT ON offer_items BEGIN UPDATE audit SET n = n + 1; END"));

    geo::ImportReport report;
    ASSERT_TRUE(cat->upsert_items(bulk_source(), generated_items(kItems), report));
    expect_valid_index(db);
    EXPECT_EQ(*geo::store::query_int(db, "SELECT n FROM audit"), kItems);
    EXPECT_EQ(*geo::store::query_int(db, "SELECT count(*) FROM sqlite_master WHERE name = 'audit_items'"), 1);
    EXPECT_EQ(*geo::store::query_int(db,
                                     "SELECT count(*) FROM idx_offer_items_geom WHERE xmin <= -1.49 AND xmax >= -1.51 "
                                     "AND ymin <= 43.51 AND ymax >= 43.49"),
              1);
    EXPECT_EQ(*geo::store::query_int(db,
                                     "SELECT count(*) FROM geometry_columns_time WHERE f_table_name = 'offer_items' "
                                     "AND last_insert > '2000'"),
              1);
}

TEST(CatalogueBulk, WorksWithTheSpatialIndexDisabled) {
    auto cat = geo::Catalogue::open((test::temp_dir() / "bulk.sqlite").string());
    ASSERT_TRUE(cat);
    sqlite3* db = cat->db();
    ASSERT_EQ(*geo::store::query_int(db, "SELECT DisableSpatialIndex('offer_items', 'geom')"), 1);
    ASSERT_TRUE(geo::store::exec(db, "DROP TABLE idx_offer_items_geom"));
    geo::ImportReport report;
    auto written = cat->upsert_items(bulk_source(), generated_items(kItems), report);
    ASSERT_TRUE(written) << written.error().message;
    EXPECT_EQ(*geo::store::query_int(db, "SELECT count(*) FROM offer_items"), kItems);
    EXPECT_EQ(*geo::store::query_int(
                  db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'gi%_offer_items_geom'"),
              0);
}
