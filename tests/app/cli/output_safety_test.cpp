// Output safety through the built `territoire` binary:
// - issue 16.1: no command writes over its catalogue or an input (exit 2, a
//   message, the catalogue byte for byte as it was);
// - issue 13.1: CSV cells formula-neutralised unless --csv-raw; provenance
//   names the catalogue by its base name unless --provenance-paths full;
// - issue 16.4: KML export and render under a file size limit (ulimit -f, as
//   on a full disk) fail non-zero with a message and keep the previous file.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "geo/store/catalogue.hpp"
#include "tests/support/cli_process.hpp"
#include "tests/support/test_support.hpp"

namespace {

namespace fs = std::filesystem;

using test::CliRun;

std::string read_file(const fs::path& path) {
    return test::read_text(path);
}

std::string quote(const std::string& s) {
    return test::shell_quoted(s);
}

CliRun territoire(const fs::path& dir, const std::string& args, const std::string& prefix = "") {
    return test::run_territoire_shell(dir, args, prefix);
}

// Files in `dir` (names), to prove no temporary is left behind.
std::vector<std::string> listing(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

class OutputSafety : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = test::temp_dir();
        make_catalogue("territoire.sqlite");
    }

    // A catalogue with the six sample items and one hostile name.
    std::string make_catalogue(const std::string& name) {
        const auto path = (m_dir / name).string();
        auto catalogue = geo::Catalogue::open(path);
        EXPECT_TRUE(catalogue) << catalogue.error().message;
        if (!catalogue) return path;
        auto items = test::sample_items();
        items[4].name = "=HYPERLINK(\"http://x.invalid\",\"clic\")";
        geo::ImportReport report;
        const geo::SourceInfo source{
            "datatourisme", "datatourisme", "test", "Licence Ouverte 2.0 (Etalab)", "DATAtourisme", ""};
        auto ok = catalogue->upsert_items(source, items, report);
        EXPECT_TRUE(ok) << ok.error().message;
        return path;
    }

    // Runs a command that must be refused: exit 2, a message naming the
    // file, and nothing in the folder changed.
    void expect_refused(const std::string& args, const std::string& message) {
        std::map<std::string, std::string> before;
        for (const auto& name : listing(m_dir)) before[name] = test::file_checksum(m_dir / name);
        const CliRun run = territoire(m_dir, args);
        EXPECT_EQ(run.exit_code, 2) << args << "\n" << run.err;
        EXPECT_NE(run.err.find(message), std::string::npos) << args << "\n" << run.err;
        EXPECT_NE(run.err.find("refusing to write over it; nothing was written"), std::string::npos) << run.err;
        std::map<std::string, std::string> after;
        for (const auto& name : listing(m_dir)) after[name] = test::file_checksum(m_dir / name);
        EXPECT_EQ(after, before) << args;
    }

    fs::path m_dir;
};

}  // namespace

TEST_F(OutputSafety, PerimeterOverTheDefaultCatalogueIsRefused) {
    expect_refused("perimeter --audience patrimoine -o territoire.sqlite",
                   "territoire perimeter: -o territoire.sqlite is the catalogue (--catalogue "
                   "territoire.sqlite)");
}

TEST_F(OutputSafety, RenderOverTheCatalogueIsRefused) {
    if (!TERRITOIRE_HAS_GUI) GTEST_SKIP() << "render is not in a command-line-only build";
    expect_refused("render --catalogue territoire.sqlite -o ./territoire.sqlite",
                   "territoire render: -o ./territoire.sqlite is the catalogue");
}

TEST_F(OutputSafety, ExportOverItsCatalogueIsRefused) {
    make_catalogue("partage.gpkg");
    expect_refused("export --catalogue partage.gpkg --items -o partage.gpkg",
                   "territoire export: -o partage.gpkg is the catalogue (--catalogue partage.gpkg)");
    fs::create_symlink(m_dir / "territoire.sqlite", m_dir / "link.geojson");
    expect_refused("export --items -o link.geojson", "territoire export: -o link.geojson is the catalogue");
}

TEST_F(OutputSafety, GapsZonesCsvOverTheCatalogueIsRefused) {
    make_catalogue("CAT.csv");
    expect_refused(
        "gaps --catalogue CAT.csv --audience patrimoine -o gaps.geojson --zones-csv "
        "CAT.csv",
        "territoire gaps: --zones-csv CAT.csv is the catalogue (--catalogue CAT.csv)");
    EXPECT_FALSE(fs::exists(m_dir / "gaps.geojson"));
}

TEST_F(OutputSafety, CompareOverTheCatalogueIsRefused) {
    make_catalogue("CAT.json");
    expect_refused(
        "compare --catalogue CAT.json --audience patrimoine --territory "
        "departement:37 --against departement:41 -o CAT.json",
        "territoire compare: -o CAT.json is the catalogue (--catalogue CAT.json)");
}

TEST_F(OutputSafety, ImportOfTheCatalogueIntoItselfIsRefused) {
    expect_refused("import territoire.sqlite --catalogue territoire.sqlite",
                   "territoire import: --catalogue territoire.sqlite is an input (SOURCE "
                   "territoire.sqlite)");
    auto catalogue = geo::Catalogue::open((m_dir / "territoire.sqlite").string(), geo::Catalogue::Mode::read_only);
    ASSERT_TRUE(catalogue);
    EXPECT_EQ(catalogue->items()->size(), 6u);
}

TEST_F(OutputSafety, RenderOverAContextLayerIsRefused) {
    if (!TERRITOIRE_HAS_GUI) GTEST_SKIP() << "render is not in a command-line-only build";
    std::ofstream(m_dir / "rivers.geojson") << R"({"type":"FeatureCollection","features":[]})";
    expect_refused("render --context rivers.geojson -o rivers.geojson",
                   "territoire render: -o rivers.geojson is an input (--context rivers.geojson)");
}

TEST_F(OutputSafety, CsvCellsNeutralisedUnlessRaw) {
    CliRun run = territoire(m_dir, "export --items -o items.csv");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    std::string csv = read_file(m_dir / "items.csv");
    EXPECT_NE(csv.find(",\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"clic\"\")\","), std::string::npos) << csv;
    EXPECT_EQ(csv.find(",\"=HYPERLINK"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\n0,-0.0000001,"), std::string::npos) << "negative latitude as is";
    run = territoire(m_dir, "export --items --csv-raw -o items.csv");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    csv = read_file(m_dir / "items.csv");
    EXPECT_NE(csv.find(",\"=HYPERLINK(\"\"http://x.invalid\"\",\"\"clic\"\")\","), std::string::npos) << csv;
    for (const char* command : {"gaps", "compare"}) {
        run = territoire(m_dir, std::string(command) + " --help");
        EXPECT_NE(run.out.find("--csv-raw"), std::string::npos) << command;
        EXPECT_NE(run.out.find("--provenance-paths"), std::string::npos) << command;
    }
}

// issue 11.5: --csv-dialect excel-fr writes what a French spreadsheet opens
// (BOM, semicolons, decimal commas); the default stays RFC 4180.
TEST_F(OutputSafety, CsvDialectForFrenchSpreadsheets) {
    CliRun run = territoire(m_dir, "export --items --csv-dialect excel-fr -o items.csv");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string csv = read_file(m_dir / "items.csv");
    ASSERT_EQ(csv.rfind("\xEF\xBB\xBFlon;lat;", 0), 0u) << csv.substr(0, 80);
    EXPECT_NE(csv.find("\r\n0;-0,0000001;"), std::string::npos) << "decimal comma in the latitude";
    EXPECT_NE(csv.find(";\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"clic\"\")\";"), std::string::npos)
        << "text still neutralised (and quoted: it holds quotes)";
    const std::string rfc = (run = territoire(m_dir, "export --items -o items.csv"), read_file(m_dir / "items.csv"));
    EXPECT_EQ(rfc.rfind("lon,lat,", 0), 0u) << rfc.substr(0, 80);
    // Every row has as many cells as the header, in both dialects: a decimal
    // comma never splits a cell.
    for (const auto& [text, separator] : {std::pair{csv, ';'}, std::pair{rfc, ','}}) {
        std::vector<std::size_t> cells_per_record{1};
        bool quoted = false;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '"') quoted = !quoted;  // "" inside a field toggles twice
            if (quoted) continue;
            if (text[i] == separator) ++cells_per_record.back();
            if (text[i] == '\n' && i + 1 < text.size()) cells_per_record.push_back(1);
        }
        ASSERT_GT(cells_per_record.size(), 2u);
        for (std::size_t r = 1; r < cells_per_record.size(); ++r)
            EXPECT_EQ(cells_per_record[r], cells_per_record[0]) << separator << ": record " << r;
    }
    run = territoire(m_dir, "export --items --csv-dialect semicolons -o bad.csv");
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("--csv-dialect"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(m_dir / "bad.csv"));
    for (const char* command : {"gaps", "compare", "segments", "actors"})
        EXPECT_NE(territoire(m_dir, std::string(command) + " --help").out.find("--csv-dialect"), std::string::npos)
            << command;
}

TEST_F(OutputSafety, ProvenanceNamesTheCatalogueByItsBaseNameUnlessAsked) {
    const std::string catalogue = (m_dir / "territoire.sqlite").string();
    CliRun run = territoire(m_dir, "export --catalogue " + quote(catalogue) + " --items -o items.geojson");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    auto doc = nlohmann::json::parse(read_file(m_dir / "items.geojson"));
    EXPECT_EQ(doc["territoire"]["catalogue"], "territoire.sqlite");
    EXPECT_EQ(read_file(m_dir / "items.geojson").find(m_dir.string()), std::string::npos);
    run = territoire(m_dir, "export --items --provenance-paths full -o items.geojson");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    doc = nlohmann::json::parse(read_file(m_dir / "items.geojson"));
    EXPECT_EQ(doc["territoire"]["catalogue"], fs::canonical(catalogue).string());
    run = territoire(m_dir, "export --items --provenance-paths absolute -o items.geojson");
    EXPECT_EQ(run.exit_code, 2) << run.err;
}

TEST_F(OutputSafety, KmlExportOnAFullDiskFailsAndKeepsThePreviousFile) {
    CliRun run = territoire(m_dir, "export --items -o items.kml");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto size = fs::file_size(m_dir / "items.kml");
    ASSERT_GT(size, 2048u);
    const std::string before = test::file_checksum(m_dir / "items.kml");
    const auto files = listing(m_dir);
    run = territoire(m_dir, "export --items -o items.kml", "ulimit -f 1;");
    EXPECT_NE(run.exit_code, 0);
    EXPECT_NE(run.err.find("items.kml: write failed: File too large"), std::string::npos) << run.err;
    EXPECT_EQ(run.out.find("Exported"), std::string::npos) << run.out;
    EXPECT_EQ(test::file_checksum(m_dir / "items.kml"), before);
    EXPECT_EQ(listing(m_dir), files) << "a temporary file was left behind";
}

TEST_F(OutputSafety, RenderOnAFullDiskFailsAndKeepsThePreviousFile) {
    CliRun run = territoire(m_dir, "render --size 400x300 -o map.png");
    if (run.exit_code != 0) GTEST_SKIP() << "no headless rendering here: " << run.err;
    const auto size = fs::file_size(m_dir / "map.png");
    ASSERT_GT(size, 4096u);
    const std::string before = test::file_checksum(m_dir / "map.png");
    const auto files = listing(m_dir);
    run = territoire(m_dir, "render --size 400x300 --audience patrimoine -o map.png",
                     "ulimit -f " + std::to_string(size / 1024 / 2) + ";");
    EXPECT_NE(run.exit_code, 0);
    EXPECT_NE(run.err.find("map.png: write failed: File too large"), std::string::npos) << run.err;
    EXPECT_EQ(test::file_checksum(m_dir / "map.png"), before);
    EXPECT_EQ(listing(m_dir), files) << "a temporary file was left behind";
}
