// Prices in the catalogue (schema 3, offer_items.min_price_eur): stored and
// read back, absent stays absent, and a schema-2 catalogue (written before
// prices) still opens read-only as it is — prices unknown, file untouched —
// and is migrated when opened for writing.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include "geo/detail/handles.hpp"
#include "geo/store/catalogue.hpp"
#include "geo/store/schema.hpp"
#include "geo/store/sqlite_util.hpp"
#include "tests/support/test_support.hpp"

namespace {

geo::OfferItem item(const std::string& id, std::optional<double> price) {
    geo::OfferItem it;
    it.source = "s";
    it.source_id = id;
    it.name = "Item " + id;
    it.family = geo::Family::heritage;
    it.position = {0.98, 47.32};
    it.min_price_eur = price;
    return it;
}

const geo::SourceInfo kSource{"s", "gdal", "items.geojson", "", "", ""};

TEST(CataloguePrices, StoredReadBackAndUpdated) {
    const auto path = (test::temp_dir() / "c.sqlite").string();
    auto cat = geo::Catalogue::open(path);
    ASSERT_TRUE(cat) << cat.error().message;
    geo::ImportReport report;
    ASSERT_TRUE(cat->upsert_items(kSource, {item("1", 12.5), item("2", std::nullopt), item("3", 0.0)}, report));
    auto items = cat->items();
    ASSERT_TRUE(items);
    ASSERT_EQ(items->size(), 3U);
    EXPECT_EQ((*items)[0].min_price_eur, std::optional<double>(12.5));
    EXPECT_EQ((*items)[1].min_price_eur, std::nullopt);
    EXPECT_EQ((*items)[2].min_price_eur, std::optional<double>(0.0));  // free, not unknown
    ASSERT_TRUE(cat->upsert_items(kSource, {item("1", std::nullopt), item("2", 7.0)}, report));
    items = cat->items();
    EXPECT_EQ((*items)[0].min_price_eur, std::nullopt);
    EXPECT_EQ((*items)[1].min_price_eur, std::optional<double>(7.0));
    EXPECT_EQ(cat->info()->schema_version, geo::Catalogue::kSchemaVersion);
}

TEST(CataloguePrices, SchemaTwoOpensReadOnlyUnchangedAndMigratesForWriting) {
    const auto path = (test::temp_dir() / "v2.sqlite").string();
    {
        auto cat = geo::Catalogue::open(path);
        ASSERT_TRUE(cat);
        geo::ImportReport report;
        ASSERT_TRUE(cat->upsert_items(kSource, {item("1", 12.5)}, report));
    }
    {  // back to what Territoire wrote before prices
        sqlite3* raw = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
        geo::detail::SqliteDb db(raw);
        ASSERT_TRUE(geo::store::exec(db.get(),
                                     "ALTER TABLE offer_items DROP COLUMN min_price_eur;"
                                     "DROP TABLE theme_names;"
                                     "UPDATE territoire_meta SET value='2' WHERE key='schema_version';"));
    }
    const auto before = test::file_checksum(path);
    {
        auto ro = geo::Catalogue::open(path, geo::Catalogue::Mode::read_only);
        ASSERT_TRUE(ro) << ro.error().message;
        EXPECT_EQ(ro->schema_version(), 2);
        EXPECT_EQ(ro->info()->schema_version, 2);
        auto items = ro->items();
        ASSERT_TRUE(items) << items.error().message;
        ASSERT_EQ(items->size(), 1U);
        EXPECT_EQ((*items)[0].name, "Item 1");
        EXPECT_FALSE((*items)[0].min_price_eur);
        auto themes = ro->theme_names();
        ASSERT_TRUE(themes) << themes.error().message;
        EXPECT_TRUE(themes->empty()) << "a schema 2 file names no theme";
    }
    EXPECT_EQ(test::file_checksum(path), before);

    auto rw = geo::Catalogue::open(path);
    ASSERT_TRUE(rw) << rw.error().message;
    EXPECT_EQ(rw->schema_version(), geo::Catalogue::kSchemaVersion);
    EXPECT_EQ(geo::store::schema_version(rw->db()).value(), geo::Catalogue::kSchemaVersion);
    geo::ImportReport report;
    ASSERT_TRUE(rw->upsert_items(kSource, {item("1", 4.0)}, report, {}, {{"kb:Wine", "Vin", "Wine"}}));
    EXPECT_EQ(rw->items()->front().min_price_eur, std::optional<double>(4.0));
    // A later import that names a theme in one language keeps the other name.
    ASSERT_TRUE(rw->upsert_items(kSource, {item("1", 4.0)}, report, {}, {{"kb:Wine", "", "Wines"}}));
    auto themes = rw->theme_names();
    ASSERT_TRUE(themes) << themes.error().message;
    ASSERT_EQ(themes->size(), 1U);
    EXPECT_EQ((*themes)[0].name_fr, "Vin");
    EXPECT_EQ((*themes)[0].name_en, "Wines");
}

}  // namespace
