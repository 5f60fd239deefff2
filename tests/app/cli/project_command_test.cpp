// territoire project show / check, and --project for perimeter and export,
// run as the built binary on the demo items: a project's modified weights
// reach the perimeter (not the preset's), a missing catalogue or a newer
// format fails naming the file, and export takes the project's catalogue.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "geo/io/project_file.hpp"
#include "tests/support/cli_process.hpp"
#include "tests/support/test_support.hpp"

namespace {

namespace fs = std::filesystem;

class ProjectCommand : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = test::temp_dir();
        m_catalogue = test::demo_catalogue(m_dir);
    }
    // A project on the demo items for "patrimoine" with the nature weight
    // `nature` (an attraction family that the preset weighs 0).
    fs::path project(double nature, const std::string& name = "p.territoire.json") {
        geo::Project p;
        p.catalogue = m_catalogue.string();
        p.audience = geo::ProjectAudience{};
        p.audience->id = "patrimoine";
        p.audience->family_weights = {{"nature", nature}, {"gastronomy", 1.0}};
        p.audience->level = 0.7;
        p.view = geo::ProjectView{0.7, 47.4, 9.0};
        const fs::path path = m_dir / name;
        EXPECT_TRUE(geo::write_project(path.string(), p));
        return path;
    }
    static nlohmann::json levels(const test::CliRun& run) {
        return nlohmann::json::parse(run.out, nullptr, false).value("levels", nlohmann::json::array());
    }

    fs::path m_dir, m_catalogue;
};

TEST_F(ProjectCommand, ShowPrintsWhatTheProjectHolds) {
    const auto run = test::run_territoire(m_dir, {"project", "show", project(0.2).string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    for (const char* needle : {"format version 1", "demo.sqlite", "audience: patrimoine, level 70 %",
                               "family nature: 0.2", "family gastronomy: 1", "view: 0.700000, 47.400000"})
        EXPECT_NE(run.out.find(needle), std::string::npos) << needle << " in\n" << run.out;
}

TEST_F(ProjectCommand, CheckSaysOkOrListsTheProblems) {
    auto run = test::run_territoire(m_dir, {"project", "check", project(0.2).string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("offer items"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("2 weight(s) changed: nature, gastronomy"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find(": ok"), std::string::npos) << run.out;

    const fs::path p = project(0.2, "gone.territoire.json");
    fs::remove(m_catalogue);
    run = test::run_territoire(m_dir, {"project", "check", p.string()});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find("gone.territoire.json: catalogue " + m_catalogue.string() + ": no such file"),
              std::string::npos)
        << run.err;
}

TEST_F(ProjectCommand, PerimeterTakesTheProjectsWeightsAndLevel) {
    const auto no_nature = test::run_territoire(
        m_dir, {"perimeter", "--project", project(0.0, "a.json").string(), "-o", "a.geojson", "--json"});
    ASSERT_EQ(no_nature.exit_code, 0) << no_nature.err;
    const auto nature = test::run_territoire(
        m_dir, {"perimeter", "--project", project(1.0, "b.json").string(), "-o", "b.geojson", "--json"});
    ASSERT_EQ(nature.exit_code, 0) << nature.err;
    const auto a = levels(no_nature), b = levels(nature);
    ASSERT_EQ(a.size(), 1u) << no_nature.out;
    ASSERT_EQ(b.size(), 1u) << nature.out;
    EXPECT_NEAR(a[0].at("level").get<double>(), 0.7, 1e-9) << "the project's level";
    EXPECT_GT(std::abs(a[0].at("area_km2").get<double>() - b[0].at("area_km2").get<double>()), 1.0)
        << "the nature weight changed the perimeter";
    // Unmodified weights: the same perimeter as --audience with the preset.
    const auto preset = test::run_territoire(m_dir, {"perimeter", "--catalogue", m_catalogue.string(), "--audience",
                                                     "patrimoine", "--level", "0.7", "-o", "p.geojson", "--json"});
    ASSERT_EQ(preset.exit_code, 0) << preset.err;
    EXPECT_DOUBLE_EQ(levels(preset).at(0).at("area_km2").get<double>(), a[0].at("area_km2").get<double>())
        << "nature 0 is the preset's; gastronomy is support, it does not shape the perimeter";
    // An option given on the command line wins over the project's.
    const auto level = test::run_territoire(m_dir, {"perimeter", "--project", project(1.0, "c.json").string(),
                                                    "--level", "0.5", "-o", "c.geojson", "--json"});
    ASSERT_EQ(level.exit_code, 0) << level.err;
    EXPECT_NEAR(levels(level).at(0).at("level").get<double>(), 0.5, 1e-9);
}

TEST_F(ProjectCommand, ExportReadsTheProjectsCatalogue) {
    const auto run = test::run_territoire(
        m_dir, {"export", "--project", project(0.5).string(), "--items", "-o", (m_dir / "items.geojson").string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("Exported"), std::string::npos) << run.out;
    EXPECT_TRUE(fs::exists(m_dir / "items.geojson"));
}

TEST_F(ProjectCommand, NewerOrForeignFilesFailNamingTheFile) {
    test::CliRun run;
    const fs::path newer = m_dir / "next.territoire.json";
    std::ofstream(newer) << R"({"territoire_project": 7, "catalogue": "x.sqlite"})";
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"project", "show", newer.string()},
          {"perimeter", "--project", newer.string(), "-o", "x.geojson"},
          {"export", "--project", newer.string(), "--items", "-o", "x.geojson"}}) {
        run = test::run_territoire(m_dir, args);
        EXPECT_EQ(run.exit_code, 1) << args[0];
        EXPECT_NE(run.err.find("next.territoire.json: project format version 7 is newer"), std::string::npos)
            << run.err;
    }
    EXPECT_FALSE(fs::exists(m_dir / "x.geojson"));
}

}  // namespace
