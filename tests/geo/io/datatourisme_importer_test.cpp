#include "geo/io/datatourisme_importer.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <cpl_conv.h>
#include <gtest/gtest.h>

#include "geo/core/json_text.hpp"
#include "geo/io/datatourisme_object.hpp"
#include "geo/store/catalogue.hpp"
#include "tests/support/item_compare.hpp"
#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;

namespace {

const geo::Taxonomy& taxonomy() {
    return test::default_taxonomy();
}

fs::path sample_feed() {
    return test::shared_data() / "poi/datatourisme-touraine-2020";
}
fs::path bad_feed() {
    return test::test_data() / "bad/datatourisme";
}

const geo::OfferItem* find_item(const geo::ParsedItems& parsed, const std::string& source_id) {
    for (const auto& item : parsed.items)
        if (item.source_id == source_id) return &item;
    return nullptr;
}

std::map<std::string, std::string> skipped_by_record(const geo::ImportReport& report) {
    std::map<std::string, std::string> out;
    for (const auto& s : report.skipped) out[s.record] = s.reason.message;
    return out;
}

// Zips every file under `folder` into `zip_path`, entry names prefixed by `prefix`.
void zip_folder(const fs::path& folder, const fs::path& zip_path, const std::string& prefix = "") {
    void* zip = CPLCreateZip(zip_path.c_str(), nullptr);
    ASSERT_NE(zip, nullptr);
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(folder))
        if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::string name = prefix + fs::relative(f, folder).generic_string();
        ASSERT_EQ(CPLCreateFileInZip(zip, name.c_str(), nullptr), CE_None);
        ASSERT_EQ(CPLWriteFileInZip(zip, bytes.data(), static_cast<int>(bytes.size())), CE_None);
        ASSERT_EQ(CPLCloseFileInZip(zip), CE_None);
    }
    ASSERT_EQ(CPLCloseZip(zip), CE_None);
}

constexpr double kDegTolerance = 1e-9;  // degrees: the strings carry 6 decimals

}  // namespace

TEST(DatatourismeImporter, SampleFeedYieldsAllObjects) {
    REQUIRE_SHARED_DATA();
    auto parsed = geo::parse_datatourisme(sample_feed().string(), taxonomy());
    ASSERT_TRUE(parsed) << parsed.error().message;
    const auto& report = parsed->report;
    for (const auto& s : report.skipped) ADD_FAILURE() << s.record << ": " << s.reason.message;
    EXPECT_EQ(parsed->items.size(), 1399u);
    EXPECT_EQ(report.read, 1399);
    EXPECT_TRUE(report.unknown_types.empty());
    EXPECT_EQ(parsed->source.key, "datatourisme");
    EXPECT_EQ(parsed->source.kind, "datatourisme");
    EXPECT_EQ(parsed->source.licence, "Licence Ouverte 2.0 (Etalab)");
    EXPECT_EQ(parsed->source.attribution, "DATAtourisme");

    // SOURCES.md: the extent of the 1,399 objects, unique ids, a producer each.
    std::set<std::string> ids;
    std::map<geo::Family, int> families;
    int with_labels = 0, with_insee = 0;
    for (const auto& item : parsed->items) {
        EXPECT_EQ(item.source, "datatourisme");
        constexpr double kRounding = 1e-5;  // degrees: SOURCES.md gives the extent to 5 decimals
        EXPECT_GE(item.position.lon_deg, 0.36112 - kRounding) << item.source_id;
        EXPECT_LE(item.position.lon_deg, 1.63658 + kRounding) << item.source_id;
        EXPECT_GE(item.position.lat_deg, 46.99285 - kRounding) << item.source_id;
        EXPECT_LE(item.position.lat_deg, 47.86725 + kRounding) << item.source_id;
        EXPECT_FALSE(item.name.empty());
        EXPECT_FALSE(item.producer.empty()) << item.source_id;
        EXPECT_FALSE(item.subtypes.empty()) << item.source_id;
        ids.insert(item.source_id);
        ++families[item.family];
        with_labels += item.labels.empty() ? 0 : 1;
        with_insee += item.commune_insee.size() == 5 ? 1 : 0;
    }
    EXPECT_EQ(ids.size(), 1399u);
    EXPECT_EQ(with_insee, 1399);
    EXPECT_GT(with_labels, 200);
    // Every family is represented; SOURCES.md's buckets bound the big ones.
    for (geo::Family f : geo::kAllFamilies) EXPECT_GT(families[f], 10) << geo::family_id(f);
    EXPECT_EQ(families[geo::Family::accommodation], 250);
    EXPECT_GE(families[geo::Family::events_culture], 59);
    EXPECT_GE(families[geo::Family::heritage], 200);
    EXPECT_GE(families[geo::Family::gastronomy], 300);

    // Items come in index.json order.
    EXPECT_EQ(parsed->items.front().name, "Visite – Le chantier de la chapelle du Centre paroissial Jeanne d'Arc");

    const auto* chambord =
        find_item(*parsed, "https://data.datatourisme.gouv.fr/15/4c9a94a5-520f-331d-8a8e-0e19a9b22a5f");
    ASSERT_NE(chambord, nullptr);
    EXPECT_EQ(chambord->name, "Château de Chambord");
    EXPECT_NEAR(chambord->position.lat_deg, 47.616126, kDegTolerance);
    EXPECT_NEAR(chambord->position.lon_deg, 1.517218, kDegTolerance);
    EXPECT_EQ(chambord->family, geo::Family::heritage);
    EXPECT_EQ(chambord->subtypes, (std::vector<std::string>{"castle", "garden", "remarkable_building"}));
    EXPECT_EQ(chambord->labels, (std::vector<std::string>{"qualite_tourisme", "accueil_velo"}));
    EXPECT_EQ(chambord->commune_insee, "41034");
    EXPECT_EQ(chambord->producer, "ADT41");
    EXPECT_NE(std::find(chambord->themes.begin(), chambord->themes.end(), "kb:Renaissance"), chambord->themes.end());
    // Open 2020-06-05 … 2020-12-31: June to December.
    EXPECT_EQ(chambord->opening_months, 0b1111'1110'0000);
    EXPECT_NE(chambord->extra_json.find("\"website\":\"http://www.chambord.org/\""), std::string::npos);
    EXPECT_NE(chambord->extra_json.find("\"postal_code\":\"41250\""), std::string::npos);

    const auto* vouvray =
        find_item(*parsed, "https://data.datatourisme.gouv.fr/15/0df5d812-bd6c-33ec-9ef8-186828cbb975");
    ASSERT_NE(vouvray, nullptr);
    EXPECT_EQ(vouvray->family, geo::Family::gastronomy);
    EXPECT_EQ(vouvray->subtypes.front(), "wine_cellar");

    // The wrong geocode of SOURCES.md stays as published (outlier detection is analysis).
    auto vessey = std::find_if(parsed->items.begin(), parsed->items.end(),
                               [](const geo::OfferItem& i) { return i.name.find("Vessey") != std::string::npos; });
    ASSERT_NE(vessey, parsed->items.end());
    EXPECT_NEAR(vessey->position.lat_deg, 47.492151, kDegTolerance);
}

TEST(DatatourismeImporter, ZipGivesIdenticalItems) {
    REQUIRE_SHARED_DATA();
    auto zip = test::temp_dir() / "feed.zip";
    zip_folder(sample_feed(), zip);
    auto from_folder = geo::parse_datatourisme(sample_feed().string(), taxonomy());
    auto from_zip = geo::parse_datatourisme(zip.string(), taxonomy());
    ASSERT_TRUE(from_folder) << from_folder.error().message;
    ASSERT_TRUE(from_zip) << from_zip.error().message;
    EXPECT_EQ(from_zip->report.read, 1399);
    EXPECT_TRUE(from_zip->report.skipped.empty());
    EXPECT_EQ(from_zip->source.path, zip.string());
    test::expect_same_items(from_folder->items, from_zip->items);
}

// Importing the same feed twice updates, never duplicates.
TEST(DatatourismeImporter, ImportingTwiceLeavesCatalogueCountsUnchanged) {
    REQUIRE_SHARED_DATA();
    auto parsed = geo::parse_datatourisme(sample_feed().string(), taxonomy());
    ASSERT_TRUE(parsed) << parsed.error().message;
    auto cat = geo::Catalogue::open((test::temp_dir() / "catalogue.sqlite").string());
    ASSERT_TRUE(cat) << cat.error().message;

    geo::ImportReport first = parsed->report;
    ASSERT_TRUE(cat->upsert_items(parsed->source, parsed->items, first));
    EXPECT_EQ(first.imported, 1399);
    EXPECT_EQ(first.updated, 0);
    auto info1 = cat->info();
    ASSERT_TRUE(info1) << info1.error().message;

    geo::ImportReport second = parsed->report;
    ASSERT_TRUE(cat->upsert_items(parsed->source, parsed->items, second));
    EXPECT_EQ(second.imported, 0);
    EXPECT_EQ(second.updated, 1399);
    auto info2 = cat->info();
    ASSERT_TRUE(info2) << info2.error().message;
    EXPECT_EQ(info2->item_count, 1399);
    EXPECT_EQ(info2->items_per_family, info1->items_per_family);
    EXPECT_EQ(info2->items_per_label, info1->items_per_label);
    EXPECT_EQ(info2->items_per_source, (std::map<std::string, std::int64_t>{{"datatourisme", 1399}}));

    // What was stored reads back as parsed (Chambord).
    auto items = cat->items();
    ASSERT_TRUE(items) << items.error().message;
    auto chambord = std::find_if(items->begin(), items->end(), [](const geo::OfferItem& i) {
        return i.source_id == "https://data.datatourisme.gouv.fr/15/4c9a94a5-520f-331d-8a8e-0e19a9b22a5f";
    });
    ASSERT_NE(chambord, items->end());
    EXPECT_EQ(chambord->family, geo::Family::heritage);
    EXPECT_EQ(chambord->labels, (std::vector<std::string>{"qualite_tourisme", "accueil_velo"}));
    EXPECT_NEAR(chambord->position.lat_deg, 47.616126, kDegTolerance);
}

TEST(DatatourismeImporter, BadFeedSkipsEachBrokenObjectWithItsReason) {
    auto parsed = geo::parse_datatourisme(bad_feed().string(), taxonomy());
    ASSERT_TRUE(parsed) << parsed.error().message;
    const auto& report = parsed->report;
    auto skipped = skipped_by_record(report);
    for (const auto& [record, reason] : skipped) std::cout << record << ": " << reason << "\n";

    EXPECT_EQ(report.read, 12);  // 11 files + 1 listed but missing
    EXPECT_EQ(skipped.size(), 9u);
    EXPECT_EQ(skipped["objects/t/latitude_out_of_range.json"], "latitude \"147.61\" outside [-90, 90]");
    EXPECT_EQ(skipped["objects/t/latitude_nan.json"], "latitude \"NaN\" is not a finite number");
    EXPECT_EQ(skipped["objects/t/missing_geo.json"], "missing isLocatedAt[].schema:geo (no position)");
    EXPECT_EQ(skipped["objects/t/label_wrong_type.json"], "rdfs:label.fr[0] is 42, expected a string");
    EXPECT_EQ(skipped["objects/t/latin1_name.json"], "not valid UTF-8: byte 0xE2 at line 12, column 10");
    EXPECT_EQ(skipped["objects/t/duplicate_id.json"],
              "duplicate @id \"https://example.invalid/test/good\" (already read from "
              "objects/t/good.json)");
    EXPECT_EQ(skipped["objects/t/unknown_type.json"], "unknown types [\"Spaceport\"]");
    EXPECT_EQ(skipped["objects/t/missing.json"], "listed in index.json but missing from the feed");
    EXPECT_EQ(skipped["objects/t/truncated.json"].rfind("malformed JSON: truncated at byte 351", 0), 0u)
        << skipped["objects/t/truncated.json"];
    EXPECT_EQ(report.unknown_types, (std::vector<std::string>{"Spaceport"}));

    // Kept: the good object, the swapped one (swapped back, with a warning) and
    // the unlisted one, found by scanning objects/ since the index is stale.
    ASSERT_EQ(parsed->items.size(), 3u);
    EXPECT_EQ(parsed->items[0].name, "Château de test");
    EXPECT_EQ(parsed->items[0].family, geo::Family::heritage);
    EXPECT_EQ(parsed->items[0].labels, (std::vector<std::string>{"qualite_tourisme"}));
    EXPECT_EQ(parsed->items[0].source_id, "https://example.invalid/test/good");
    EXPECT_EQ(parsed->items[1].name, "Coordonnées inversées");
    EXPECT_NEAR(parsed->items[1].position.lat_deg, 47.39, kDegTolerance);
    EXPECT_NEAR(parsed->items[1].position.lon_deg, 0.689, kDegTolerance);
    EXPECT_EQ(parsed->items[2].name, "Absent de l'index");
    EXPECT_EQ(parsed->items[2].family, geo::Family::gastronomy);
    auto has_warning = [&](const std::string& text) {
        return std::any_of(report.warnings.begin(), report.warnings.end(),
                           [&](const geo::Error& w) { return w.message == text; });
    };
    EXPECT_TRUE(
        has_warning("objects/t/swapped.json: latitude \"0.6890\" and longitude \"47.3900\" look "
                    "swapped; swapped back"));
    EXPECT_TRUE(has_warning("index.json lists 1 missing file(s); 1 unlisted file(s) found in objects/ were read"));
}

TEST(DatatourismeImporter, ZipWithTopFolderReadsTheSame) {
    auto zip = test::temp_dir() / "bad feed.zip";
    zip_folder(bad_feed(), zip, "flux-1234/");
    auto from_folder = geo::parse_datatourisme(bad_feed().string(), taxonomy());
    auto from_zip = geo::parse_datatourisme(zip.string(), taxonomy());
    ASSERT_TRUE(from_folder) << from_folder.error().message;
    ASSERT_TRUE(from_zip) << from_zip.error().message;
    test::expect_same_items(from_folder->items, from_zip->items);
    auto a = skipped_by_record(from_folder->report);
    auto b = skipped_by_record(from_zip->report);
    EXPECT_EQ(a, b);
}

TEST(DatatourismeImporter, NotAFeedIsAnError) {
    auto dir = test::temp_dir();
    auto missing = geo::parse_datatourisme((dir / "nowhere").string(), taxonomy());
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().message, (dir / "nowhere").string() + ": no such file or folder");

    auto empty = geo::parse_datatourisme(dir.string(), taxonomy());
    ASSERT_FALSE(empty);
    EXPECT_NE(empty.error().message.find("not a DATAtourisme feed"), std::string::npos) << empty.error().message;

    auto text = dir / "notes.zip";
    std::ofstream(text) << "not a zip";
    auto not_zip = geo::parse_datatourisme(text.string(), taxonomy());
    ASSERT_FALSE(not_zip);
    EXPECT_NE(not_zip.error().message.find("notes.zip: not a folder nor a readable .zip archive"), std::string::npos)
        << not_zip.error().message;

    // A feed without index.json is scanned, with a warning.
    fs::create_directories(dir / "feed/objects/a");
    fs::copy_file(bad_feed() / "objects/t/good.json", dir / "feed/objects/a/good.json");
    auto scanned = geo::parse_datatourisme((dir / "feed").string(), taxonomy());
    ASSERT_TRUE(scanned) << scanned.error().message;
    EXPECT_EQ(scanned->items.size(), 1u);
    ASSERT_FALSE(scanned->report.warnings.empty());
    EXPECT_EQ(scanned->report.warnings.front().message, "index.json: missing; the objects/ folder was scanned instead");
}

TEST(DatatourismeImporter, IndexEntriesCannotLeaveTheFeed) {
    auto dir = test::temp_dir();
    fs::create_directories(dir / "feed/objects/a");
    fs::copy_file(bad_feed() / "objects/t/good.json", dir / "feed/objects/a/good.json");
    fs::copy_file(bad_feed() / "objects/t/unlisted.json", dir / "secret.json");
    std::ofstream(dir / "feed/index.json") << R"([{"file": "../../secret.json"}, {"file": "a/good.json"}])";
    auto parsed = geo::parse_datatourisme((dir / "feed").string(), taxonomy());
    ASSERT_TRUE(parsed) << parsed.error().message;
    ASSERT_EQ(parsed->items.size(), 1u);
    EXPECT_EQ(parsed->items[0].name, "Château de test");
    ASSERT_EQ(parsed->report.warnings.size(), 1U);
    EXPECT_EQ(parsed->report.warnings[0].message,
              "index.json: entry 0 names \"../../secret.json\" outside objects/; ignored");
}

TEST(DatatourismeImporter, ProgressAndCancel) {
    struct Calls {
        std::vector<std::pair<std::int64_t, std::int64_t>> seen;
        bool cancel = false;
    };
    auto fn = [](std::int64_t done, std::int64_t total, void* user) {
        auto* calls = static_cast<Calls*>(user);
        calls->seen.emplace_back(done, total);
        return !calls->cancel;
    };
    Calls calls;
    auto parsed = geo::parse_datatourisme(bad_feed().string(), taxonomy(), geo::Progress{fn, &calls});
    ASSERT_TRUE(parsed);
    ASSERT_FALSE(calls.seen.empty());
    EXPECT_EQ(calls.seen.back(), (std::pair<std::int64_t, std::int64_t>{12, 12}));
    for (size_t i = 1; i < calls.seen.size(); ++i) EXPECT_GE(calls.seen[i].first, calls.seen[i - 1].first);

    Calls cancelled{{}, true};
    auto stopped = geo::parse_datatourisme(bad_feed().string(), taxonomy(), geo::Progress{fn, &cancelled});
    ASSERT_FALSE(stopped);
    EXPECT_NE(stopped.error().message.find("import cancelled"), std::string::npos);
}

TEST(DatatourismeObject, MonthRanges) {
    using geo::detail::month_range;
    EXPECT_EQ(month_range("2020-06-05T00:00:00", "2020-10-25T00:00:00"), geo::MonthMask{0b0011'1110'0000});
    EXPECT_EQ(month_range("2020-11-01", "2021-02-28"), geo::MonthMask{0b1100'0000'0011});
    EXPECT_EQ(month_range("2020-01-01", "2020-12-31"), geo::kAllMonths);
    EXPECT_EQ(month_range("2020-03-01", "2022-03-01"), geo::kAllMonths);
    EXPECT_EQ(month_range("2020-09-19", "2020-09-20"), geo::MonthMask{1 << 8});
    EXPECT_FALSE(month_range("2020-10-01", "2020-02-01").has_value());
    EXPECT_FALSE(month_range("soon", "2020-02-01").has_value());
    EXPECT_FALSE(month_range("2020-13-01", "2020-12-01").has_value());
}

TEST(DatatourismeObject, NeverThrowsOnOddInput) {
    for (std::string bad : std::vector<std::string>{
             "", "[]", "null", "42", "{\"@id\": 5}", "{\"@id\": \"x\", \"rdfs:label\": 3}",
             "{\"@id\": \"x\", \"rdfs:label\": {\"fr\": [\"A\"]}, \"@type\": 7}",
             "{\"@id\": \"x\", \"rdfs:label\": {\"fr\": \"A\"}, \"@type\": [\"Castle\"],"
             " \"isLocatedAt\": [{\"schema:geo\": {\"schema:latitude\": [], \"schema:longitude\": "
             "1}}]}",
             "{\"@id\": \"x\", \"rdfs:label\": {\"fr\": \"A\"}, \"@type\": [\"Castle\"],"
             " \"isLocatedAt\": {\"schema:geo\": {\"schema:latitude\": 47.1, \"schema:longitude\": "
             "\"1,5\"}}}",
             std::string("{\"@id\": \"\xff\"}")}) {
        auto p = geo::detail::parse_datatourisme_object(bad, taxonomy());
        std::cout << bad.substr(0, 40) << " -> "
                  << (p.item ? std::string("kept") : p.skip_reason.value_or(geo::Error("?")).message) << "\n";
        EXPECT_TRUE(p.item.has_value() || (p.skip_reason && !p.skip_reason->message.empty())) << bad;
    }
    // Numbers and French decimal commas are accepted.
    auto ok = geo::detail::parse_datatourisme_object(
        "{\"@id\": \"x\", \"rdfs:label\": {\"fr\": \"A\"}, \"@type\": [\"Castle\"],"
        " \"isLocatedAt\": {\"schema:geo\": {\"schema:latitude\": 47.1, \"schema:longitude\": "
        "\"1,5\"}}}",
        taxonomy());
    ASSERT_TRUE(ok.item.has_value()) << ok.skip_reason.value_or(geo::Error()).message;
    EXPECT_NEAR(ok.item->position.lon_deg, 1.5, kDegTolerance);
    EXPECT_EQ(ok.item->opening_months, 0);  // no opening data: unknown
}

// The fast parse (simdjson) and the exact one (nlohmann, json_depth) agree on
// the nesting limit, also when the deep part is a member no field reads.
TEST(DatatourismeObject, NestingLimitHoldsOnBothParsePaths) {
    for (int depth = 60; depth <= 68; ++depth) {
        std::string deep;
        for (int i = 1; i < depth; ++i) deep += "[";
        deep += "1";
        for (int i = 1; i < depth; ++i) deep += "]";
        const std::string object =
            R"({"@id": "https://data.datatourisme.fr/x", "@type": ["schema:Castle"], "rdfs:label": {"fr": ["Château"]},)"
            R"( "isLocatedAt": [{"schema:geo": {"schema:latitude": "47.6", "schema:longitude": "1.5"}}],)"
            R"( "hasFeature": )" +
            deep + "}";
        ASSERT_EQ(geo::json_depth(object, 100), depth);
        const auto parsed = geo::detail::parse_datatourisme_object(object, taxonomy());
        SCOPED_TRACE(depth);
        if (depth <= geo::kMaxJsonDepth) {
            EXPECT_TRUE(parsed.item.has_value()) << (parsed.skip_reason ? parsed.skip_reason->message : "");
        } else {
            ASSERT_TRUE(parsed.skip_reason.has_value());
            EXPECT_EQ(parsed.skip_reason->message, "nesting deeper than 64 levels");
        }
    }
}
