// The real Loire Valley sample on both backends (same counts, same Chambord,
// same perimeter), and `catalogue copy` between them, both ways, losslessly.
#include "geo/store/catalogue_copy.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <tuple>

#include "geo/analysis/audience.hpp"
#include "geo/analysis/perimeter.hpp"
#include "geo/io/audience_presets.hpp"
#include "geo/store/catalogue.hpp"
#include "tests/support/item_compare.hpp"
#include "tests/support/postgis_server.hpp"
#include "tests/support/sample_catalogue.hpp"
#include "tests/support/test_support.hpp"

namespace {

namespace fs = std::filesystem;

const geo::LonLat kChambord{1.517218, 47.616126};

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

geo::Catalogue open_read_only(const std::string& path) {
    auto cat = geo::Catalogue::open(path, geo::Catalogue::Mode::read_only);
    EXPECT_TRUE(cat) << cat.error().message;
    return std::move(*cat);
}

std::vector<geo::OfferItem> all_items(const geo::Catalogue& cat) {
    auto items = cat.items();
    EXPECT_TRUE(items) << items.error().message;
    if (!items) return {};
    // A copy numbers the rows source by source: compare in key order.
    std::sort(items->begin(), items->end(), [](const auto& a, const auto& b) {
        return std::tie(a.source, a.source_id) < std::tie(b.source, b.source_id);
    });
    return *items;
}

std::vector<geo::Territory> all_territories(const geo::Catalogue& cat) {
    auto t = cat.territories();
    EXPECT_TRUE(t) << t.error().message;
    if (!t) return {};
    std::sort(t->begin(), t->end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return *t;
}

bool same_geometry(const geo::MultiPolygon& a, const geo::MultiPolygon& b) {
    if (a.polygons.size() != b.polygons.size()) return false;
    for (std::size_t p = 0; p < a.polygons.size(); ++p) {
        const auto& ra = a.polygons[p].rings;
        const auto& rb = b.polygons[p].rings;
        if (ra.size() != rb.size()) return false;
        for (std::size_t r = 0; r < ra.size(); ++r)
            if (ra[r] != rb[r]) return false;
    }
    return true;
}

void expect_same_territories(const std::vector<geo::Territory>& a, const std::vector<geo::Territory>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        SCOPED_TRACE(a[i].code);
        EXPECT_EQ(a[i].name, b[i].name);
        EXPECT_EQ(a[i].code, b[i].code);
        EXPECT_EQ(a[i].level, b[i].level);
        EXPECT_EQ(a[i].source, b[i].source);
        EXPECT_TRUE(same_geometry(a[i].geometry, b[i].geometry));
        if (::testing::Test::HasFailure()) return;
    }
}

void expect_same_catalogue(const geo::Catalogue& a, const geo::Catalogue& b) {
    test::expect_same_items(all_items(a), all_items(b));
    expect_same_territories(all_territories(a), all_territories(b));
    auto sa = a.sources(), sb = b.sources();
    ASSERT_TRUE(sa && sb);
    ASSERT_EQ(sa->size(), sb->size());
    for (std::size_t i = 0; i < sa->size(); ++i) {
        EXPECT_EQ((*sa)[i].key, (*sb)[i].key);
        EXPECT_EQ((*sa)[i].kind, (*sb)[i].kind);
        EXPECT_EQ((*sa)[i].path, (*sb)[i].path);
        EXPECT_EQ((*sa)[i].licence, (*sb)[i].licence);
        EXPECT_EQ((*sa)[i].attribution, (*sb)[i].attribution);
        EXPECT_EQ((*sa)[i].imported_at, (*sb)[i].imported_at);
    }
    auto na = a.theme_names(), nb = b.theme_names();
    ASSERT_TRUE(na && nb);
    ASSERT_EQ(na->size(), nb->size());
    for (std::size_t i = 0; i < na->size(); ++i) {
        EXPECT_EQ((*na)[i].id, (*nb)[i].id);
        EXPECT_EQ((*na)[i].name_fr, (*nb)[i].name_fr);
        EXPECT_EQ((*na)[i].name_en, (*nb)[i].name_en);
    }
    auto aa = a.audience_ids(), ab = b.audience_ids();
    ASSERT_TRUE(aa && ab);
    EXPECT_EQ(*aa, *ab);
    for (const auto& id : *aa) EXPECT_EQ(*a.audience_json(id), *b.audience_json(id));
    auto pa = a.perimeters(), pb = b.perimeters();
    ASSERT_TRUE(pa && pb);
    ASSERT_EQ(pa->size(), pb->size());
    for (std::size_t i = 0; i < pa->size(); ++i) {
        EXPECT_EQ((*pa)[i].audience_id, (*pb)[i].audience_id);
        EXPECT_EQ((*pa)[i].level, (*pb)[i].level);
        EXPECT_EQ((*pa)[i].params_json, (*pb)[i].params_json);
        EXPECT_EQ((*pa)[i].stats_json, (*pb)[i].stats_json);
        EXPECT_EQ((*pa)[i].created_at, (*pb)[i].created_at);
        EXPECT_TRUE(same_geometry((*pa)[i].geometry, (*pb)[i].geometry));
    }
}

// The heritage perimeter (80 %) computed from what the catalogue reads back.
geo::PerimeterLevel heritage_perimeter(const geo::Catalogue& cat) {
    auto audience = geo::resolve_audience("patrimoine", &cat);
    EXPECT_TRUE(audience) << audience.error().message;
    const auto items = all_items(cat);
    std::vector<geo::LonLat> positions;
    for (const auto& item : items) positions.push_back(item.position);
    geo::PerimeterParams params;
    params.levels = {0.8};
    auto res = geo::compute_perimeter(positions, geo::item_weights(*audience, items), params);
    EXPECT_TRUE(res) << res.error().message;
    return res && !res->levels.empty() ? res->levels.front() : geo::PerimeterLevel{};
}

// The sample with a second source that names its themes, a saved audience
// and a stored perimeter, as a user's catalogue holds them.
void add_audience_and_perimeter(geo::Catalogue& cat) {
    geo::OfferItem wine;
    wine.source_id = "cave-1";
    wine.name = "Cave des Vignerons — « dégustation »";
    wine.family = geo::Family::gastronomy;
    wine.themes = {"kb:Wine", "kb:Loire"};
    wine.opening_months = 0x3F0;
    wine.min_price_eur = 0.0;
    wine.extra_json = R"({"phone": "+33 2 54 00 00 00"})";
    wine.position = {1.333333333333333, 47.58612345678901};
    geo::ImportReport report;
    auto up = cat.upsert_items({"caves", "gdal", "caves.gpkg", "ODbL 1.0", "© Caves", ""}, {wine}, report, {},
                               {{"kb:Wine", "Vin", "Wine"}, {"kb:Loire", "Loire", ""}});
    ASSERT_TRUE(up) << up.error().message;
    ASSERT_TRUE(cat.set_imported_at("caves", "2025-06-01T10:00:00Z"));
    auto audience = geo::resolve_audience("patrimoine", nullptr);
    ASSERT_TRUE(audience) << audience.error().message;
    audience->id = "patrimoine-blois";
    ASSERT_TRUE(cat.save_audience(audience->id, geo::audience_to_json(*audience)));
    const geo::PerimeterLevel p80 = heritage_perimeter(cat);
    geo::StoredPerimeter stored;
    stored.audience_id = audience->id;
    stored.level = 0.8;
    stored.params_json = R"({"bandwidth_m": 7000})";
    stored.stats_json = R"({"area_km2": 4905.2})";
    stored.created_at = "2026-11-30T08:15:00Z";
    stored.geometry = p80.geometry;
    auto id = cat.save_perimeter(stored);
    ASSERT_TRUE(id) << id.error().message;
}

}  // namespace

TEST(CatalogueBackends, RealSampleGivesTheSameResultsOnSpatialiteAndPostgis) {
    REQUIRE_SHARED_DATA();
    REQUIRE_POSTGIS();
    const fs::path dir = test::temp_dir();
    const std::string file = (dir / "sample.sqlite").string();
    const std::string database = test::fresh_postgis_database("real");
    { test::sample_catalogue(file, true); }
    { test::sample_catalogue(database, true); }
    const geo::Catalogue lite = open_read_only(file);
    const geo::Catalogue pg = open_read_only(database);
    EXPECT_EQ(pg.kind(), "postgis");

    auto il = lite.info(), ip = pg.info();
    ASSERT_TRUE(il && ip);
    EXPECT_EQ(il->item_count, 1399);
    EXPECT_EQ(ip->item_count, 1399);
    EXPECT_EQ(il->items_per_family, ip->items_per_family);
    EXPECT_EQ(il->items_per_label, ip->items_per_label);
    EXPECT_EQ(il->territories_per_level, ip->territories_per_level);
    EXPECT_EQ(ip->territories_per_level.at("commune"), 544);
    test::expect_same_items(all_items(lite), all_items(pg));
    expect_same_territories(all_territories(lite), all_territories(pg));

    // Chambord, where the feed puts it, on both.
    for (const geo::Catalogue* cat : {&lite, &pg}) {
        SCOPED_TRACE(std::string(cat->kind()));
        const auto items = all_items(*cat);
        const auto it = std::find_if(items.begin(), items.end(), [](const geo::OfferItem& i) {
            return i.name == "Château de Chambord" && i.family == geo::Family::heritage;
        });
        ASSERT_NE(it, items.end());
        EXPECT_NEAR(it->position.lon_deg, kChambord.lon_deg, 1e-9);
        EXPECT_NEAR(it->position.lat_deg, kChambord.lat_deg, 1e-9);
        // Found by a box query and by the commune's polygon (41034, Chambord).
        geo::ItemFilter box;
        box.bbox = geo::LonLatBox{1.51, 47.61, 1.52, 47.62};
        auto in_box = cat->items(box);
        ASSERT_TRUE(in_box) << in_box.error().message;
        EXPECT_TRUE(std::any_of(in_box->begin(), in_box->end(),
                                [&](const geo::OfferItem& i) { return i.source_id == it->source_id; }));
    }

    const geo::PerimeterLevel a = heritage_perimeter(lite);
    const geo::PerimeterLevel b = heritage_perimeter(pg);
    ASSERT_GT(a.area_km2, 0.0);
    EXPECT_NEAR(b.area_km2, a.area_km2, a.area_km2 * 0.001);
}

TEST(CatalogueCopy, SpatialiteToPostgisAndBackIsLossless) {
    REQUIRE_SHARED_DATA();
    REQUIRE_POSTGIS();
    const fs::path dir = test::temp_dir();
    const std::string file = (dir / "sample.sqlite").string();
    {
        geo::Catalogue cat = test::sample_catalogue(file, true);
        add_audience_and_perimeter(cat);
    }
    const std::string database = test::fresh_postgis_database("copy");
    auto there = geo::copy_catalogue(file, database);
    ASSERT_TRUE(there) << there.error().message;
    EXPECT_EQ(there->sources, 3);
    EXPECT_EQ(there->items, 1400);
    EXPECT_EQ(there->territories, 546);
    EXPECT_EQ(there->theme_names, 2);
    EXPECT_EQ(there->audiences, 1);
    EXPECT_EQ(there->perimeters, 1);

    const std::string back = (dir / "back.sqlite").string();
    auto home = geo::copy_catalogue(database, back);
    ASSERT_TRUE(home) << home.error().message;
    EXPECT_EQ(home->items, 1400);
    EXPECT_EQ(home->theme_names, 2);

    const geo::Catalogue original = open_read_only(file);
    {
        SCOPED_TRACE("SpatiaLite → PostGIS");
        expect_same_catalogue(original, open_read_only(database));
    }
    {
        SCOPED_TRACE("PostGIS → SpatiaLite");
        expect_same_catalogue(original, open_read_only(back));
    }
    // The copy answers the analyses alike.
    EXPECT_NEAR(heritage_perimeter(open_read_only(back)).area_km2, heritage_perimeter(original).area_km2,
                1e-9 * heritage_perimeter(original).area_km2);
}

TEST(CatalogueCopy, RefusesANonEmptyDestinationAndLeavesItUntouched) {
    REQUIRE_SHARED_DATA();
    const fs::path dir = test::temp_dir();
    const std::string file = (dir / "sample.sqlite").string();
    { test::sample_catalogue(file, false); }
    const std::string other = (dir / "other.sqlite").string();
    { test::sample_catalogue(other, false); }
    const std::string before = file_bytes(other);

    auto again = geo::copy_catalogue(file, other);
    ASSERT_FALSE(again);
    EXPECT_NE(again.error().message.find("other.sqlite: the destination catalogue is not empty (1399 items"),
              std::string::npos)
        << again.error().message;
    EXPECT_EQ(file_bytes(other), before);

    auto itself = geo::copy_catalogue(file, file);
    ASSERT_FALSE(itself);
    EXPECT_NE(itself.error().message.find("cannot be copied onto itself"), std::string::npos);

    const std::string gone = (dir / "gone.sqlite").string();
    auto missing = geo::copy_catalogue(gone, (dir / "new.sqlite").string());
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("gone.sqlite: no such catalogue file"), std::string::npos);
    EXPECT_FALSE(fs::exists(dir / "new.sqlite"));
}

TEST(CatalogueCopy, RefusesANonEmptyDatabase) {
    REQUIRE_SHARED_DATA();
    REQUIRE_POSTGIS();
    const fs::path dir = test::temp_dir();
    const std::string file = (dir / "sample.sqlite").string();
    { test::sample_catalogue(file, false); }
    const std::string database = test::fresh_postgis_database("full");
    ASSERT_TRUE(geo::copy_catalogue(file, database));
    auto again = geo::copy_catalogue(file, database);
    ASSERT_FALSE(again);
    EXPECT_NE(again.error().message.find(": the destination catalogue is not empty (1399 items, 2 territories"),
              std::string::npos)
        << again.error().message;
    EXPECT_EQ(open_read_only(database).info()->item_count, 1399);
}
