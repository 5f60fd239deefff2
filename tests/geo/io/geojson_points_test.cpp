// The fast GeoJSON reader (geo/io/geojson_points.hpp) against GDAL's own
// driver: on every GeoJSON file of the tests, of data/ and of ../shared/data,
// on the real DATAtourisme sample exported to GeoJSON, and on one file per
// kind of property value, the importer gives the same source, items, skips,
// warnings and unknown types with the fast reader as with GDAL's; and the
// fast reader takes the files it is meant for and leaves the others to GDAL.
// Also: stream_gdal_items hands every kept item to the stream, in order, and
// stops on a stream error.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "geo/io/datatourisme_importer.hpp"
#include "geo/io/exporters.hpp"
#include "geo/io/gdal_importer.hpp"
#include "geo/io/geojson_points.hpp"
#include "geo/io/import.hpp"
#include "geo/store/catalogue.hpp"
#include "tests/support/item_compare.hpp"
#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;

namespace {

geo::Result<geo::ParsedItems> parse(const fs::path& path, geo::GdalImportOptions options, bool fast) {
    options.fast_geojson = fast;
    return geo::parse_gdal_items(path.string(), options, test::default_taxonomy());
}

bool taken_fast(const fs::path& path) {
    geo::gdal::FieldRoles roles;
    roles.text = [](std::string_view name) { return name == "name"; };
    roles.list = [](std::string_view name) { return name == "labels"; };
    return geo::gdal::open_geojson_points(path.string(), roles) != nullptr;
}

// Both readers give the same result for `path`.
void expect_same_parse(const fs::path& path, const geo::GdalImportOptions& options = {}) {
    SCOPED_TRACE(path.string());
    const auto fast = parse(path, options, true);
    const auto gdal = parse(path, options, false);
    ASSERT_EQ(fast.has_value(), gdal.has_value()) << (fast ? gdal.error().message : fast.error().message);
    if (!fast) {
        EXPECT_EQ(fast.error().message, gdal.error().message);
        return;
    }
    EXPECT_EQ(fast->source.key, gdal->source.key);
    EXPECT_EQ(fast->source.kind, gdal->source.kind);
    EXPECT_EQ(fast->source.path, gdal->source.path);
    test::expect_same_items(fast->items, gdal->items);
    EXPECT_EQ(fast->report.read, gdal->report.read);
    ASSERT_EQ(fast->report.skipped.size(), gdal->report.skipped.size());
    for (std::size_t i = 0; i < fast->report.skipped.size(); ++i) {
        EXPECT_EQ(fast->report.skipped[i].record, gdal->report.skipped[i].record);
        EXPECT_EQ(fast->report.skipped[i].reason.message, gdal->report.skipped[i].reason.message);
    }
    EXPECT_EQ(fast->report.unknown_types, gdal->report.unknown_types);
    ASSERT_EQ(fast->report.warnings.size(), gdal->report.warnings.size());
    for (std::size_t i = 0; i < fast->report.warnings.size(); ++i)
        EXPECT_EQ(fast->report.warnings[i].message, gdal->report.warnings[i].message);
}

fs::path write_file(const std::string& name, const std::string& text) {
    const fs::path path = test::temp_dir() / name;
    std::ofstream(path) << text;
    return path;
}

std::string collection(const std::string& features) {
    return R"({"type":"FeatureCollection","features":[)" + features + "]}";
}

std::string point(const std::string& properties, const std::string& coordinates = "[1.5172,47.6161]") {
    return R"({"type":"Feature","properties":)" + properties + R"(,"geometry":{"type":"Point","coordinates":)" +
           coordinates + "}}";
}

struct Case {
    const char* name;
    std::string json;
    bool fast;  // the fast reader takes it
};

std::vector<Case> cases() {
    const std::string a = R"("name":"Château A","family":"heritage")";
    const std::string b = R"("name":"B","family":"castle")";
    return {
        {"plain", collection(point("{" + a + R"(,"id":"a1"})") + "," + point("{" + b + R"(,"id":"b2"})")), true},
        {"integer_and_real",
         collection(point("{" + a + R"(,"price":12,"n":3000000000})") + "," +
                    point("{" + b + R"(,"price":12.5,"n":1})")),
         true},
        {"booleans_nulls_first",
         collection(point("{" + a + R"(,"open":true,"stars":null,"note":null})") + "," +
                    point("{" + b + R"(,"open":false,"stars":4,"note":null})")),
         true},
        {"lists",
         collection(point("{" + a +
                          R"(,"labels":["unesco"," monument_historique "],"themes":["x","y"],)"
                          R"("months":[1,2,3],"scores":[1,2.5],"tags":["a",1],"empty":[]})") +
                    "," +
                    point("{" + b +
                          R"(,"labels":["bogus"],"themes":["z"],"months":[7],)"
                          R"("scores":[3],"tags":[{"k":1}],"empty":[]})")),
         true},
        {"objects",
         collection(point("{" + a +
                          R"(,"extra":{"web":"https://x.fr","n":1.10,"deep":{"a":[1,2]}},)"
                          R"("contact":{"tel":"02 47"}})") +
                    "," + point("{" + b + R"(,"extra":{"web":"y"},"contact":{}})")),
         true},
        {"unicode_and_spaces",
         collection(point(R"({"name":"  Église Saint-Martin — Tours 🏰 ","family":"church",)"
                          R"("producer":"Office \"Val\"\n","commune_insee":" 37261 "})")),
         true},
        {"skips",
         collection(point("{" + a + "}", "[1.5,147.6]") + "," + point(R"({"name":"","family":"heritage"})") + "," +
                    point(R"({"name":"X","family":"not_a_family"})") + "," +
                    R"({"type":"Feature","properties":{"name":"N","family":"heritage"},"geometry":null})" + "," +
                    R"({"type":"Feature","properties":{"name":"M","family":"heritage"}})" + "," +
                    R"({"type":"Feature","properties":null,"geometry":{"type":"Point","coordinates":[1,47]}})" + "," +
                    point("{" + b + "}")),
         true},
        {"empty_arrays_first_and_last",
         collection(point("{" + a + R"(,"labels":[],"themes":["x"],"e":[],"m":[1],"t":[],"r":[1.5]})") + "," +
                    point("{" + b + R"(,"labels":["unesco"],"themes":[],"e":[],"m":[],"t":[2,"a"],"r":[]})") + "," +
                    point("{" + b + R"(,"labels":[[1],"x"],"themes":[],"e":[],"m":[3],"t":[],"r":[2]})")),
         true},
        {"object_in_a_list_field", collection(point("{" + a + R"(,"labels":{"a":"b"}})")), false},
        {"repeated_ids", collection(point("{" + a + R"(,"id":"same"})") + "," + point("{" + b + R"(,"id":"same"})")),
         true},
        {"integer_ids_are_fids",
         collection(point("{" + a + R"(,"id":4})", "[1,147]") + "," + point("{" + b + "}", "[1,147]") + "," +
                    point("{" + b + R"(,"id":7})", "[1,147]") + "," + point("{" + b + R"(,"id":null})", "[1,147]") +
                    "," + point("{" + b + R"(,"id":4})", "[1,147]") + "," + point("{" + b + R"(,"months":[1.5]})")),
         true},
        {"other_ids_are_not_fids",
         collection(point("{" + a + R"(,"Id":4})", "[1,147]") + "," +
                    point("{" + b + R"(,"ID":5,"id":"x"})", "[1,147]")),
         false},
        {"numbers_as_ids", collection(point("{" + a + R"(,"id":12})") + "," + point("{" + b + R"(,"id":13})")), true},
        {"layer_name",
         R"({"type":"FeatureCollection","name":"poi","bbox":[0,0,2,48],"features":[)" + point("{" + a + "}") + "]}",
         true},
        {"no_name_field", collection(point(R"({"title_x":"A","family":"heritage"})")), true},
        {"crs",
         R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:2154"}},"features":[)" +
             point("{" + a + "}", "[525000,6700000]") + "]}",
         false},
        {"feature_id",
         collection(R"({"type":"Feature","id":7,"properties":{)" + a +
                    R"(},"geometry":{"type":"Point","coordinates":[1,47]}})"),
         false},
        {"dates", collection(point("{" + a + R"(,"since":"2020-01-02"})")), false},
        {"integer_then_string", collection(point("{" + a + R"(,"code":3})") + "," + point("{" + b + R"(,"code":"q"})")),
         false},
        {"three_d", collection(point("{" + a + "}", "[1,47,120]")), false},
        {"polygon",
         collection(R"({"type":"Feature","properties":{)" + a +
                    R"(},"geometry":{"type":"Polygon","coordinates":[[[1,47],[2,47],[2,48],[1,47]]]}})"),
         false},
        {"names_differing_in_case", collection(point("{" + a + R"(,"Web":"x","web":"y"})")), false},
        {"key_twice", collection(point("{" + a + R"(,"k":1,"k":2})")), false},
        {"json_in_a_text_field", collection(point(R"({"name":{"fr":"A"},"family":"heritage"})")), false},
        {"huge_integer", collection(point("{" + a + R"(,"n":18446744073709551615})")), false},
        {"not_utf8", collection(point("{" + a + ",\"p\":\"caf\xE9\"}")), false},
        {"empty_collection", collection(""), false},
    };
}

}  // namespace

TEST(GeoJsonPoints, EachKindOfValueReadsAsGdalReadsIt) {
    for (const Case& c : cases()) {
        SCOPED_TRACE(c.name);
        const fs::path path = write_file(std::string(c.name) + ".geojson", c.json);
        EXPECT_EQ(taken_fast(path), c.fast);
        expect_same_parse(path);
    }
}

TEST(GeoJsonPoints, OptionsReadTheSame) {
    const fs::path path =
        write_file("options.geojson", collection(point(R"({"titre":"A","famille_x":"castle","k":1})") + "," +
                                                 point(R"({"titre":"B","famille_x":"wine"})")));
    geo::GdalImportOptions named;
    named.name_field = "titre";
    named.family_field = "famille_x";
    expect_same_parse(path, named);
    geo::GdalImportOptions fixed;
    fixed.name_field = "TITRE";
    fixed.family = "heritage";
    fixed.source_key = "partner";
    expect_same_parse(path, fixed);
    geo::GdalImportOptions missing;
    missing.name_field = "nom_absent";
    expect_same_parse(path, missing);
}

TEST(GeoJsonPoints, EveryGeoJsonFileOfTheTestsReadsTheSame) {
    std::vector<fs::path> files;
    for (const fs::path& root : {test::test_data(), fs::path(TERRITOIRE_SOURCE_DATA_DIR), test::shared_data()}) {
        if (!fs::exists(root)) continue;
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            const std::string ext = entry.path().extension().string();
            if (entry.is_regular_file() && (ext == ".geojson" || ext == ".json") &&
                entry.path().string().find("datatourisme") == std::string::npos && entry.file_size() < 64'000'000)
                files.push_back(entry.path());
        }
    }
    ASSERT_GT(files.size(), 30U);
    int fast = 0;
    for (const fs::path& file : files) {
        expect_same_parse(file);
        fast += taken_fast(file) ? 1 : 0;
    }
    EXPECT_TRUE(taken_fast(fs::path(TERRITOIRE_SOURCE_DATA_DIR) / "demo/items.geojson"));
    EXPECT_TRUE(taken_fast(test::test_data() / "import/export_roundtrip.geojson"));
    EXPECT_GE(fast, 5);
}

TEST(GeoJsonPoints, TheRealSampleExportedReadsTheSame) {
    const fs::path sample = test::shared_data() / "poi/datatourisme-touraine-2020";
    if (!fs::exists(sample)) GTEST_SKIP() << "../shared/data missing";
    auto parsed = geo::parse_datatourisme(sample.string(), test::default_taxonomy());
    ASSERT_TRUE(parsed) << parsed.error().message;
    ASSERT_EQ(parsed->items.size(), 1399U);
    for (const bool provenance : {false, true}) {
        geo::ExportOptions options;
        if (provenance) options.metadata = {{"generator", "territoire"}, {"sources", {"datatourisme"}}};
        const fs::path path = test::temp_dir() / (provenance ? "sample-provenance.geojson" : "sample.geojson");
        auto written = geo::export_items(parsed->items, path.string(), options);
        ASSERT_TRUE(written) << written.error().message;
        EXPECT_TRUE(taken_fast(path));
        expect_same_parse(path);
        const auto reread = parse(path, {}, true);
        ASSERT_TRUE(reread);
        EXPECT_EQ(reread->items.size(), 1399U);
    }
}

namespace {

// The real sample six times over (8,394 points: more than two runs of
// 4,096), exported to GeoJSON in `dir`; "" without ../shared/data.
fs::path six_samples(const fs::path& dir) {
    const fs::path path = dir / "stream.geojson";
    const fs::path sample = test::shared_data() / "poi/datatourisme-touraine-2020";
    if (!fs::exists(sample)) return {};
    auto parsed = geo::parse_datatourisme(sample.string(), test::default_taxonomy());
    EXPECT_TRUE(parsed);
    if (!parsed) return {};
    std::vector<geo::OfferItem> items;
    for (int copy = 0; copy < 6; ++copy)
        for (geo::OfferItem item : parsed->items) {
            item.source_id += "-" + std::to_string(copy);
            items.push_back(std::move(item));
        }
    EXPECT_TRUE(geo::export_items(items, path.string()));
    return path;
}

}  // namespace

TEST(GdalStream, EveryKeptItemReachesTheStreamInOrder) {
    const fs::path path = six_samples(test::temp_dir());
    if (path.empty()) GTEST_SKIP() << "../shared/data missing";
    const auto whole = geo::parse_gdal_items(path.string(), {}, test::default_taxonomy());
    ASSERT_TRUE(whole);

    std::vector<geo::OfferItem> streamed;
    int opened = 0, batches = 0;
    std::int64_t expected = 0;
    geo::ItemStream stream;
    stream.open = [&](const geo::SourceInfo& source, std::int64_t records) -> geo::Result<void> {
        ++opened;
        expected = records;
        EXPECT_EQ(source.key, whole->source.key);
        return {};
    };
    stream.batch = [&](const std::vector<geo::OfferItem>& batch) -> geo::Result<void> {
        ++batches;
        streamed.insert(streamed.end(), batch.begin(), batch.end());
        return {};
    };
    const auto result = geo::stream_gdal_items(path.string(), {}, test::default_taxonomy(), stream);
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(opened, 1);
    EXPECT_EQ(expected, 6 * 1399);
    EXPECT_GE(batches, 3);
    EXPECT_TRUE(result->items.empty());
    EXPECT_EQ(result->report.read, whole->report.read);
    test::expect_same_items(streamed, whole->items);

    // A failing write stops the read and is what the caller gets.
    int calls = 0;
    stream.batch = [&](const std::vector<geo::OfferItem>&) -> geo::Result<void> {
        if (++calls == 2) return geo::fail_fmt("disk full");
        return {};
    };
    const auto failed = geo::stream_gdal_items(path.string(), {}, test::default_taxonomy(), stream);
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().message, "disk full");
    EXPECT_EQ(calls, 2);
}

TEST(GdalStream, AnImportCancelledAfterSomeRunsLeavesTheCatalogueAsItWas) {
    const fs::path dir = test::temp_dir();
    const fs::path path = six_samples(dir);
    if (path.empty()) GTEST_SKIP() << "../shared/data missing";
    const fs::path file = dir / "cancelled.sqlite";
    {
        auto catalogue = geo::Catalogue::open(file.string());
        ASSERT_TRUE(catalogue);
        ASSERT_TRUE(geo::import_source(*catalogue,
                                       (fs::path(TERRITOIRE_SOURCE_DATA_DIR) / "demo/items.geojson").string(), {},
                                       test::default_taxonomy()));
    }
    const std::string before = test::file_checksum(file);
    {
        auto catalogue = geo::Catalogue::open(file.string());
        ASSERT_TRUE(catalogue);
        // Cancelled once two runs have been read (the first is written by then).
        const geo::Progress cancel{[](std::int64_t done, std::int64_t, void*) { return done < 8192; }, nullptr};
        const auto report = geo::import_source(*catalogue, path.string(), {}, test::default_taxonomy(), cancel);
        ASSERT_FALSE(report);
        EXPECT_NE(report.error().message.find("cancelled"), std::string::npos) << report.error().message;
        const auto info = catalogue->info();
        ASSERT_TRUE(info);
        EXPECT_EQ(info->item_count, 179);
    }
    EXPECT_EQ(test::file_checksum(file), before);
}
