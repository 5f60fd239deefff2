// Runs the built `territoire import` binary: exit codes, messages, and the
// catalogue file left untouched on failure.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "geo/core/data_dir.hpp"
#include "tests/support/test_support.hpp"

namespace {

struct Run {
    int exit_code = -1;
    std::string out;
    std::string err;
};

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string quote(const std::string& s) {
    return "'" + s + "'";
}

Run territoire(const std::filesystem::path& dir, const std::string& args) {
    const auto out = dir / "stdout.txt";
    const auto err = dir / "stderr.txt";
    const std::string cmd = quote(TERRITOIRE_BINARY_DIR "/app/territoire") + " " + args + " >" + quote(out.string()) +
                            " 2>" + quote(err.string());
    const int status = std::system(cmd.c_str());
    Run run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = read_file(out);
    run.err = read_file(err);
    return run;
}

std::string bad(const std::string& name) {
    return quote((test::test_data() / "bad" / name).string());
}
std::string demo() {
    return quote(geo::data_dir() + "/demo/items.geojson");
}

// issue 11.4: `territoire fields` shows what an import would read, before it.
TEST(CliFields, ListsTheLayerItsFieldsAndWhatAnImportWouldUse) {
    REQUIRE_SHARED_DATA();
    const auto dir = test::temp_dir();
    const std::string communes = quote(
        (test::shared_data() / "admin/departements/37-indre-et-loire/communes-37-indre-et-loire.geojson").string());
    auto run = territoire(dir, "fields " + communes);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("layer communes-37-indre-et-loire: polygon, 272 features"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("as territories: name nom, code code"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("as offer items: name nom, id code, family (none)"), std::string::npos) << run.out;
    run = territoire(dir, "fields --json " + communes);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto j = nlohmann::json::parse(run.out);
    EXPECT_EQ(j.at(0).at("territories").at("name"), "nom");
    EXPECT_EQ(j.at(0).at("features"), 272);
    run = territoire(dir, "fields " + quote((dir / "none.gpkg").string()));
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("none.gpkg: no such file"), std::string::npos) << run.err;
}

}  // namespace

TEST(CliImport, DemoThenAgainUpdates) {
    const auto dir = test::temp_dir();
    const auto catalogue = quote((dir / "cat.sqlite").string());
    auto run = territoire(dir, "import --catalogue " + catalogue + " " + demo());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("source demo: 179 read, 179 imported, 0 updated, 0 skipped"), std::string::npos) << run.out;
    run = territoire(dir, "import --catalogue " + catalogue + " " + demo());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("179 read, 0 imported, 179 updated"), std::string::npos) << run.out;
    EXPECT_EQ(run.err, "");  // no progress noise, no library messages
}

TEST(CliImport, UnusableInputExits1AndLeavesTheCatalogue) {
    const auto dir = test::temp_dir();
    const auto path = dir / "cat.sqlite";
    ASSERT_EQ(territoire(dir, "import --catalogue " + quote(path.string()) + " " + demo()).exit_code, 0);
    const std::string before = test::file_checksum(path);
    for (const char* name : {"truncated.geojson", "latitude_out_of_range.geojson", "unknown_crs.geojson",
                             "empty.geojson", "missing_file.geojson"}) {
        const auto run = territoire(dir, "import --catalogue " + quote(path.string()) + " " + bad(name));
        EXPECT_EQ(run.exit_code, 1) << name;
        EXPECT_NE(run.err.find(name), std::string::npos) << run.err;
        EXPECT_EQ(test::file_checksum(path), before) << name;
    }
    // One good and one bad source: the good one lands, the exit code says 1.
    const auto run = territoire(dir, "import --catalogue " + quote(path.string()) + " " + bad("latin1.csv") + " " +
                                         bad("null_geometry.geojson"));
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.out.find("source file:latin1.csv: 2 read, 2 imported"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Windows-1252"), std::string::npos) << run.out;
    EXPECT_NE(run.err.find("null_geometry.geojson:null_geometry:FID 0: no geometry"), std::string::npos) << run.err;
}

TEST(CliImport, NoCatalogueIsLeftBehindWhenNothingWasImported) {
    const auto dir = test::temp_dir();
    const auto path = dir / "new.sqlite";
    const auto run = territoire(dir, "import --catalogue " + quote(path.string()) + " " + bad("empty.geojson"));
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(CliImport, NotACatalogueOrReadOnlyIsRefusedUntouched) {
    const auto dir = test::temp_dir();
    const auto text = dir / "notes.sqlite";
    std::ofstream(text) << "these are my notes, not a catalogue\n";
    const std::string text_before = test::file_checksum(text);
    auto run = territoire(dir, "import --catalogue " + quote(text.string()) + " " + demo());
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find("not a Territoire catalogue"), std::string::npos) << run.err;
    EXPECT_EQ(test::file_checksum(text), text_before);

    const auto ro = dir / "ro.sqlite";
    ASSERT_EQ(territoire(dir, "import --catalogue " + quote(ro.string()) + " " + demo()).exit_code, 0);
    std::filesystem::permissions(ro, std::filesystem::perms::owner_read | std::filesystem::perms::group_read |
                                         std::filesystem::perms::others_read);
    const std::string ro_before = test::file_checksum(ro);
    run = territoire(dir, "import --catalogue " + quote(ro.string()) + " " + bad("latin1.csv"));
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find("read-only"), std::string::npos) << run.err;
    EXPECT_EQ(test::file_checksum(ro), ro_before);
}

TEST(CliImport, BadUsageExits2) {
    const auto dir = test::temp_dir();
    const auto catalogue = quote((dir / "cat.sqlite").string());
    for (const std::string& args :
         {"import --catalogue " + catalogue,
          "import --catalogue " + catalogue + " --territories " + bad("self_intersecting.geojson"),
          "import --catalogue " + catalogue + " --territories " + bad("self_intersecting.geojson") + " --level planet",
          "import --catalogue " + catalogue + " " + demo() + " --code-field code",
          "import --catalogue " + catalogue + " --no-such-option " + demo()}) {
        const auto run = territoire(dir, args);
        EXPECT_EQ(run.exit_code, 2) << args << "\n" << run.err;
        EXPECT_FALSE(run.err.empty()) << args;
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "cat.sqlite"));
    EXPECT_EQ(territoire(dir, "import --help").exit_code, 0);
}

TEST(CliImport, Territories) {
    const auto dir = test::temp_dir();
    const auto catalogue = quote((dir / "cat.sqlite").string());
    const auto run =
        territoire(dir, "import --catalogue " + catalogue + " --territories " + bad("self_intersecting.geojson") +
                            " --level reference --name-field nom --code-field code");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("3 read, 1 imported, 0 updated, 2 skipped"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("skipped self_intersecting.geojson:self_intersecting:FID 1: geometry is Line String"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("warning: self_intersecting.geojson:self_intersecting:FID 0 Bowtie (99001): "
                           "invalid polygon"),
              std::string::npos)
        << run.out;
}
