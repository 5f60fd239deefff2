// End-to-end tests of `territoire perimeter` and `territoire perimeter-compare`:
// the built binary on a catalogue of the DATAtourisme sample and the communes
// and départements of 37 and 41.
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "geo/io/audience_presets.hpp"
#include "geo/io/rfc7946_check.hpp"
#include "geo/store/catalogue.hpp"
#include "tests/support/cli_process.hpp"
#include "tests/support/loire_fixture.hpp"
#include "tests/support/test_support.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using test::CliRun;

std::string slurp(const fs::path& p) {
    return test::read_text(p);
}

CliRun territoire(const fs::path& dir, const std::vector<std::string>& args) {
    return test::run_territoire(dir, args);
}

using PerimeterCli = test::LoireCatalogueTest;

const json* unit_named(const json& units, const std::string& name) {
    for (const auto& u : units)
        if (u["name"] == name) return &u;
    return nullptr;
}

}  // namespace

TEST_F(PerimeterCli, WritesRfc7946GeoJsonWithStatisticsAndProvenanceAndStoresIt) {
    const fs::path out = dir / "patrimoine.geojson";
    const CliRun r = territoire(dir, {"perimeter", "--catalogue", catalogue.string(), "--audience", "patrimoine",
                                      "--levels", "0.5,0.8,0.95", "-o", out.string(), "--report"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // The border table lists both départements, and the park as a reference territory.
    EXPECT_NE(r.out.find("Administrative units crossed"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Indre-et-Loire"), std::string::npos);
    EXPECT_NE(r.out.find("Loir-et-Cher"), std::string::npos);
    EXPECT_NE(r.out.find("% perimeter"), std::string::npos);
    EXPECT_NE(r.out.find("Reference territories"), std::string::npos);

    geo::Rfc7946CheckOptions strict;
    strict.require_bbox = true;
    const auto problems = geo::check_rfc7946(out.string(), strict);
    EXPECT_TRUE(problems.empty()) << problems.front();
    const json doc = json::parse(slurp(out));
    ASSERT_EQ(doc["features"].size(), 3u);
    const double kLevels[] = {0.5, 0.8, 0.95};
    double previous_area = 0;
    for (std::size_t k = 0; k < 3; ++k) {
        const json& p = doc["features"][k]["properties"];
        EXPECT_DOUBLE_EQ(p["level"].get<double>(), kLevels[k]);
        EXPECT_GT(p["area_km2"].get<double>(), previous_area);
        previous_area = p["area_km2"].get<double>();
        EXPECT_GE(p["components"].get<int>(), 1);
        EXPECT_GT(p["compactness"].get<double>(), 0.0);
        EXPECT_NEAR(p["captured_mass_share"].get<double>(), p["level"].get<double>(), 0.05);
        EXPECT_GT(p["captured_offer_share"].get<double>(), 0.0);
        EXPECT_GT(p["items_inside_per_family"]["heritage"].get<int>(), 0);
        EXPECT_EQ(p["audience_id"], "patrimoine");
        EXPECT_EQ(p["audience"]["name_fr"], "Amateurs de patrimoine");
        EXPECT_DOUBLE_EQ(p["audience"]["family_weights"]["heritage"].get<double>(), 1.0);
        EXPECT_GT(p["parameters"]["bandwidth_m"].get<double>(), 0.0);
        EXPECT_TRUE(p["parameters"]["bandwidth_from_data"].get<bool>());
        EXPECT_GT(p["parameters"]["cell_m"].get<double>(), 0.0);
        EXPECT_EQ(p["parameters"]["kernel"], "quartic");
        EXPECT_EQ(p["parameters"]["metric_crs"], "EPSG:2154");
        ASSERT_EQ(p["sources"].size(), 1u);
        EXPECT_EQ(p["sources"][0]["key"], "datatourisme");
        EXPECT_NE(p["sources"][0]["licence"].get<std::string>().find("Etalab"), std::string::npos);
        EXPECT_EQ(p["created_at"].get<std::string>().size(), 20u);  // 2026-11-26T11:02:31Z
        EXPECT_EQ(p["generator"].get<std::string>().rfind("Territoire ", 0), 0u);
        EXPECT_GE(p["units_crossed"]["departement"].get<int>(), k == 0 ? 1 : 2);
    }
    EXPECT_EQ(doc["territoire"]["audience"]["id"], "patrimoine");

    auto opened = geo::Catalogue::open(catalogue.string(), geo::Catalogue::Mode::read_only);
    ASSERT_TRUE(opened) << opened.error().message;
    auto stored = opened->perimeters("patrimoine");
    ASSERT_TRUE(stored) << stored.error().message;
    ASSERT_EQ(stored->size(), 3u);
    EXPECT_FALSE((*stored)[1].geometry.empty());
    const json stats = json::parse((*stored)[1].stats_json);
    EXPECT_GT(stats["area_km2"].get<double>(), 0.0);
    EXPECT_EQ(json::parse((*stored)[1].params_json)["audience"]["id"], "patrimoine");
}

TEST_F(PerimeterCli, JsonHasStatisticsAndTheBorderReport) {
    const CliRun r = territoire(dir, {"perimeter", "--catalogue", catalogue.string(), "--audience", "patrimoine", "-o",
                                      (dir / "p.geojson").string(), "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json j = json::parse(r.out);
    ASSERT_EQ(j["levels"].size(), 1u);
    const json& level = j["levels"][0];
    EXPECT_DOUBLE_EQ(level["level"].get<double>(), 0.8);
    const json& units = level["border"]["units"];
    const json* d37 = unit_named(units, "Indre-et-Loire");
    const json* d41 = unit_named(units, "Loir-et-Cher");
    ASSERT_TRUE(d37 && d41) << level["border"].dump(1);
    EXPECT_EQ((*d37)["level"], "departement");
    EXPECT_GT((*d37)["share_of_perimeter"].get<double>(), 0.1);
    EXPECT_GT((*d41)["share_of_perimeter"].get<double>(), 0.1);
    EXPECT_GT((*d41)["share_of_unit"].get<double>(), 0.0);
    EXPECT_GT((*d37)["intersection_km2"].get<double>(), 100.0);
    EXPECT_EQ(level["units_crossed"]["departement"], 2);
    EXPECT_GT(level["stored_perimeter_id"].get<int>(), 0);
    EXPECT_EQ(j["parameters"]["levels"], json::array({0.8}));
}

TEST_F(PerimeterCli, CompareReportsBothPerimetersAndTheirDifference) {
    CliRun r = territoire(dir, {"perimeter-compare", "--catalogue", catalogue.string(), "--audience", "patrimoine",
                                "--audience", "oenotourisme", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_EQ(j["a"]["audience"]["id"], "patrimoine");
    EXPECT_EQ(j["b"]["audience"]["id"], "oenotourisme");
    EXPECT_GT(j["a"]["statistics"]["area_km2"].get<double>(), 0.0);
    EXPECT_GT(j["b"]["statistics"]["area_km2"].get<double>(), 0.0);
    const json& c = j["comparison"];
    EXPECT_LT(c["jaccard"].get<double>(), 0.95);
    EXPECT_GT(c["area_a_km2"].get<double>(), 0.0);
    EXPECT_GT(c["area_b_km2"].get<double>(), 0.0);
    EXPECT_GE(c["union_km2"].get<double>(), c["intersection_km2"].get<double>());
    EXPECT_EQ(c["gained"].size(), c["gained_count"].get<std::size_t>());
    EXPECT_GT(c["gained_count"].get<int>() + c["lost_count"].get<int>(), 0);

    r = territoire(dir, {"perimeter-compare", "--catalogue", catalogue.string(), "--audience", "patrimoine",
                         "--audience", "oenotourisme", "--level", "0.5"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("A: patrimoine"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("B: oenotourisme"), std::string::npos);
    EXPECT_NE(r.out.find("Jaccard"), std::string::npos);
    EXPECT_NE(r.out.find("Gained (inside B, not A)"), std::string::npos);
}

TEST_F(PerimeterCli, BadInputExitsWithAClearMessageAndLeavesTheCatalogueUntouched) {
    const std::string before = test::file_checksum(catalogue);
    const std::string cat = catalogue.string();
    const std::string out = (dir / "x.geojson").string();
    struct Case {
        std::vector<std::string> args;
        int exit_code;
        std::string message;
    };
    const fs::path zero = dir / "zero.json";
    std::ofstream(zero) << R"({"id": "nobody", "family_weights": {"heritage": 0}})";
    const fs::path empty = dir / "empty.sqlite";
    ASSERT_TRUE(geo::Catalogue::open(empty.string()));
    const std::vector<Case> cases = {
        {{"perimeter", "--catalogue", cat, "--audience", "astronautes", "-o", out}, 1, "astronautes"},
        {{"perimeter", "--catalogue", cat, "--audience", zero.string(), "-o", out}, 1, "positive weight"},
        {{"perimeter", "--catalogue", empty.string(), "--audience", "patrimoine", "-o", out}, 1, "no offer item"},
        {{"perimeter", "--catalogue", (dir / "missing.sqlite").string(), "--audience", "patrimoine", "-o", out},
         1,
         "missing.sqlite"},
        {{"perimeter", "--catalogue", cat, "--audience", "patrimoine", "-o", out, "--level", "1.5"}, 2, "--level"},
        {{"perimeter", "--catalogue", cat, "--audience", "patrimoine", "-o", out, "--level", "0"}, 2, "--level"},
        // Under 1 % of the mass the perimeter would be empty (issue 16): refused.
        {{"perimeter", "--catalogue", cat, "--audience", "patrimoine", "-o", out, "--level", "1e-12"}, 2, "--level"},
        {{"perimeter", "--catalogue", cat, "--audience", "patrimoine", "-o", out, "--levels", "0.5,0.001"},
         2,
         "[0.01, 1]"},
        {{"perimeter", "--catalogue", cat, "--audience", "patrimoine", "-o", out, "--levels", "0.5,abc"}, 2, "abc"},
        {{"perimeter", "--catalogue", cat, "--audience", "patrimoine", "-o", out, "--level", "0.5", "--levels",
          "0.5,0.8"},
         2,
         "--level"},
        {{"perimeter", "--catalogue", cat, "--audience", "patrimoine", "-o", out, "--bandwidth-m", "-3"},
         2,
         "--bandwidth-m"},
        {{"perimeter", "--catalogue", cat, "--audience", "patrimoine", "-o", out, "--kernel", "cubic"}, 2, "--kernel"},
        {{"perimeter", "--catalogue", cat, "--audience", "patrimoine"}, 2, "--output"},
        {{"perimeter-compare", "--catalogue", cat, "--audience", "patrimoine"}, 2, "exactly twice"},
        {{"perimeter-compare", "--catalogue", cat, "--audience", "patrimoine", "--audience", "astronautes"},
         1,
         "astronautes"},
    };
    for (const Case& c : cases) {
        const CliRun r = territoire(dir, c.args);
        std::string shown;
        for (const auto& a : c.args) shown += a + " ";
        EXPECT_EQ(r.exit_code, c.exit_code) << shown << "\n" << r.err;
        EXPECT_NE(r.err.find(c.message), std::string::npos) << shown << "\nstderr: " << r.err;
        EXPECT_FALSE(fs::exists(out)) << shown;
    }
    EXPECT_EQ(test::file_checksum(catalogue), before);
    EXPECT_FALSE(fs::exists(dir / "missing.sqlite"));
}

namespace {

// Issue 16: on a catalogue that cannot be written, `perimeter` writes its
// GeoJSON, says it did not store it, exits 0 and leaves the catalogue as it
// was (it used to fail after writing the file). Root writes any file, so
// under root the command runs as nobody (setpriv).
TEST_F(PerimeterCli, ReadOnlyCatalogueGivesThePerimeterWithoutStoringIt) {
    const fs::path ro = fs::temp_directory_path() / ("territoire-ro-" + std::to_string(::getpid()));
    fs::remove_all(ro);
    fs::create_directories(ro);
    fs::permissions(ro, fs::perms::all);
    fs::copy_file(catalogue, ro / "ro.sqlite");
    fs::permissions(ro / "ro.sqlite", fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    const std::string before = test::file_checksum(ro / "ro.sqlite");
    const std::string as_nobody = ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    const std::string cmd = "cd " + test::shell_quoted(ro.string()) + " && " + as_nobody +
                            test::shell_quoted(TERRITOIRE_BINARY_DIR "/app/territoire") +
                            " perimeter --catalogue ro.sqlite --audience patrimoine -o out.geojson >out.txt 2>err.txt";
    const int status = std::system(cmd.c_str());
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << test::read_text(ro / "err.txt");
    EXPECT_NE(
        test::read_text(ro / "err.txt").find("is read-only: the perimeter was written to out.geojson but not stored"),
        std::string::npos)
        << test::read_text(ro / "err.txt");
    EXPECT_TRUE(geo::check_rfc7946((ro / "out.geojson").string()).empty());
    EXPECT_EQ(test::file_checksum(ro / "ro.sqlite"), before);
    fs::remove_all(ro);
}

}  // namespace
