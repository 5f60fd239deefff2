// Project files (geo/io/project_file, project_check, recent_projects): a
// round trip keeps everything, paths are written relative to the project's
// folder, newer and foreign files are refused naming the file and the
// field, unknown fields are kept out with a warning; a project's audience is
// its preset with the saved weights; the recent list stays short and ordered.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "geo/io/demo_catalogue.hpp"
#include "geo/io/project_check.hpp"
#include "geo/io/project_file.hpp"
#include "geo/io/recent_projects.hpp"
#include "tests/support/test_support.hpp"

namespace geo {
namespace {

namespace fs = std::filesystem;

Project sample_project(const fs::path& dir) {
    Project p;
    p.catalogue = (dir / "cat.sqlite").string();
    ProjectAudience a;
    a.id = "patrimoine";
    a.family_weights = {{"heritage", 1.0}, {"gastronomy", 0.3}};
    a.subtype_weights = {{"castle", 0.9}};
    a.level = 0.7;
    a.nested = true;
    a.bandwidth = {BandwidthSelector::fixed, 7300.0};
    p.audience = a;
    p.layers = {{"basemap:1", (dir / "maps/tours.mbtiles").string(), true, 0.5},
                {"territories", "", false, 1.0},
                {"items", "", true, 0.75},
                {"places", "", true, 1.0}};
    p.view = ProjectView{0.6891234, 47.3941, 10.25};
    p.language = "en";
    p.panels = {"left", "gaps"};
    p.panel_widths = ProjectPanelWidths{420.0, 0.0};  // the right one automatic
    return p;
}

void write_text(const fs::path& path, const std::string& text) {
    std::ofstream(path) << text;
}

TEST(ProjectFile, RoundTripKeepsEverythingWithPathsRelativeToTheProject) {
    const fs::path dir = test::temp_dir();
    const Project p = sample_project(dir);
    const std::string path = (dir / "board.territoire.json").string();
    ASSERT_TRUE(write_project(path, p));
    auto back = read_project(path);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(*back, p);
    EXPECT_TRUE(back->warnings.empty());
    // On disk: versioned, and the files named from the project's folder.
    std::ifstream in(path);
    const auto j = nlohmann::json::parse(in);
    EXPECT_EQ(j.at("territoire_project"), kProjectVersion);
    EXPECT_EQ(j.at("catalogue"), "cat.sqlite");
    EXPECT_EQ(j.at("layers").at(0).at("path"), "maps/tours.mbtiles");
    EXPECT_EQ(j.at("audience").at("bandwidth"), "7300");
    EXPECT_EQ(j.at("panel_widths"), nlohmann::json({{"left_px", 420.0}})) << "an automatic width is not written";
    // Moved with its folder, the project still finds its files.
    const fs::path moved = dir.string() + "-moved";
    fs::remove_all(moved);
    fs::rename(dir, moved);
    auto again = read_project((moved / "board.territoire.json").string());
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->catalogue, (moved / "cat.sqlite").string());
    EXPECT_EQ(again->layers.at(0).path, (moved / "maps/tours.mbtiles").string());
}

// A project on a shared PostGIS catalogue keeps its address as written, not
// as a path relative to the project's folder.
TEST(ProjectFile, DatabaseCatalogueKeepsItsAddress) {
    const fs::path dir = test::temp_dir();
    Project p = sample_project(dir);
    p.catalogue = "postgresql:///observatoire";
    const std::string path = (dir / "shared.territoire.json").string();
    ASSERT_TRUE(write_project(path, p));
    std::ifstream in(path);
    EXPECT_EQ(nlohmann::json::parse(in).at("catalogue"), "postgresql:///observatoire");
    auto back = read_project(path);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->catalogue, "postgresql:///observatoire");
}

TEST(ProjectFile, EveryRightPanelTabAndWeightsAsWrittenReadBack) {
    const fs::path dir = test::temp_dir();
    for (const char* tab : {"catalogue", "benchmark", "segments", "actors", "gaps"}) {
        Project p = sample_project(dir);
        p.panels = {"right", tab};
        const std::string path = (dir / "tab.territoire.json").string();
        ASSERT_TRUE(write_project(path, p));
        auto back = read_project(path);
        ASSERT_TRUE(back) << tab << ": " << back.error().message;
        EXPECT_EQ(back->panels, p.panels);
    }
    Project p = sample_project(dir);
    p.audience->family_weights["nature"] = static_cast<double>(0.73f);  // a slider's float
    p.layers[0].opacity = static_cast<double>(0.35f);
    const std::string text = project_to_json(p, (dir / "w.territoire.json").string());
    for (const char* written : {"\"nature\": 0.73\n", "\"opacity\": 0.35,"})
        EXPECT_NE(text.find(written), std::string::npos) << written << " in\n" << text;
}

TEST(ProjectFile, DemoProjectNamesNoCatalogueFile) {
    const fs::path dir = test::temp_dir();
    Project p;
    p.demo = true;
    const std::string path = (dir / "demo.territoire.json").string();
    ASSERT_TRUE(write_project(path, p));
    auto back = read_project(path);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_TRUE(back->demo);
    EXPECT_TRUE(back->catalogue.empty());
    EXPECT_EQ(project_catalogue_path(*back), demo_catalogue_path());
}

TEST(ProjectFile, NewerVersionIsRefusedNamingTheFileAndBothVersions) {
    auto p = parse_project(R"({"territoire_project": 2, "catalogue": "a.sqlite"})", "/x/next.territoire.json");
    ASSERT_FALSE(p);
    EXPECT_NE(p.error().message.find("/x/next.territoire.json"), std::string::npos) << p.error().message;
    EXPECT_NE(p.error().message.find("version 2 is newer"), std::string::npos) << p.error().message;
    EXPECT_NE(p.error().message.find("(1)"), std::string::npos) << p.error().message;
}

TEST(ProjectFile, ForeignAndBrokenFilesAreRefusedWithTheReason) {
    const std::string where = "p.json";
    const std::pair<const char*, const char*> cases[] = {
        {R"({"catalogue": "a.sqlite"})", "not a Territoire project"},
        {R"([1, 2])", "not a Territoire project"},
        {R"({"territoire_project": "1"})", "expected a version number"},
        {R"({"territoire_project": 0, "catalogue": "a"})", "version 0 is unknown"},
        {R"({"territoire_project": 1})", "\"catalogue\": missing"},
        {R"({"territoire_project": 1, "catalogue": "a", "audience": {"id": "x", "family_weights": {"heritage": 1.5}}})",
         "\"audience.family_weights.heritage\": expected a weight in [0, 1], got 1.5"},
        {R"({"territoire_project": 1, "catalogue": "a", "audience": {"id": "x", "family_weights": {"castles": 1}}})",
         "unknown family"},
        {R"({"territoire_project": 1, "catalogue": "a", "audience": {"id": "x", "level": 1.5}})", "audience.level"},
        {R"({"territoire_project": 1, "catalogue": "a", "audience": {"id": "x", "bandwidth": "wide"}})",
         "audience.bandwidth"},
        {R"({"territoire_project": 1, "catalogue": "a", "layers": [{"id": "roads"}]})", "unknown layer \"roads\""},
        {R"({"territoire_project": 1, "catalogue": "a", "layers": [{"id": "context:1"}]})", "names no file"},
        {R"({"territoire_project": 1, "catalogue": "a", "layers": [{"id": "items"}, {"id": "items"}]})",
         "listed twice"},
        {R"({"territoire_project": 1, "catalogue": "a", "layers": [{"id": "items", "opacity": 2}]})",
         "\"layers[0].opacity\""},
        {R"({"territoire_project": 1, "catalogue": "a", "view": {"lon_deg": 0, "lat_deg": 95, "zoom": 3}})",
         "\"view.lat_deg\""},
        {R"({"territoire_project": 1, "catalogue": "a", "language": "de"})", "\"language\""},
        {R"({"territoire_project": 1, "catalogue": "a", "panels": ["left", "timeline"]})", "unknown panel"},
        {R"({"territoire_project": 1, "catalogue": "a", "panel_widths": {"left_px": 5}})", "\"panel_widths.left_px\""},
        {R"({"territoire_project": 1, "catalogue": "a", "panel_widths": [340, 480]})", "\"panel_widths\""},
        {R"({"territoire_project": 1, "catalogue": "a",)", "not valid JSON"},
    };
    for (const auto& [text, needle] : cases) {
        auto p = parse_project(text, where);
        ASSERT_FALSE(p) << text;
        EXPECT_EQ(p.error().message.rfind(where + ": ", 0), 0u) << p.error().message;
        EXPECT_NE(p.error().message.find(needle), std::string::npos) << text << " → " << p.error().message;
    }
}

TEST(ProjectFile, UnknownFieldsAreIgnoredWithAWarning) {
    auto p = parse_project(R"({"territoire_project": 1, "catalogue": "/d/a.sqlite", "splitters": [340, 480]})",
                           "/d/p.territoire.json");
    ASSERT_TRUE(p) << p.error().message;
    EXPECT_EQ(p->catalogue, "/d/a.sqlite");
    ASSERT_EQ(p->warnings.size(), 1u);
    EXPECT_NE(p->warnings[0].message.find("\"splitters\" is unknown to this version, ignored"), std::string::npos);
}

TEST(ProjectFile, MissingFileAndFailedWriteSayWhich) {
    const fs::path dir = test::temp_dir();
    auto missing = read_project((dir / "none.json").string());
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("none.json: no such project file"), std::string::npos);
    // A save into a folder that does not exist fails; the old file elsewhere stays.
    const std::string path = (dir / "p.territoire.json").string();
    ASSERT_TRUE(write_project(path, sample_project(dir)));
    const std::string before = test::file_checksum(path);
    EXPECT_FALSE(write_project((dir / "no/such/folder/p.json").string(), sample_project(dir)));
    EXPECT_EQ(test::file_checksum(path), before);
}

TEST(ProjectCheck, AudienceIsThePresetWithTheSavedWeights) {
    const fs::path dir = test::temp_dir();
    Project p;
    p.catalogue = test::demo_catalogue(dir).string();
    p.audience = ProjectAudience{};
    p.audience->id = "patrimoine";
    p.audience->family_weights = {{"gastronomy", 0.95}};
    const ProjectCheck check = check_project(p, "p.json");
    EXPECT_TRUE(check.problems.empty()) << check.problems.front();
    EXPECT_GT(check.items, 0);
    ASSERT_TRUE(check.audience);
    EXPECT_DOUBLE_EQ(check.audience->audience.family_weight(Family::gastronomy), 0.95);
    EXPECT_NE(check.audience->preset.family_weight(Family::gastronomy), 0.95);
    EXPECT_EQ(modified_weights(check.audience->audience, check.audience->preset),
              std::vector<std::string>{"gastronomy"});
    EXPECT_NE(check.audience->audience.name_fr.find("(modifié)"), std::string::npos);
    // And back: the weights a project saves for it.
    const ProjectAudience saved = project_audience_of(check.audience->audience);
    EXPECT_DOUBLE_EQ(saved.family_weights.at("gastronomy"), 0.95);
    EXPECT_EQ(saved.family_weights.size(), kFamilyCount);
}

TEST(ProjectCheck, ListsEveryMissingFileAndUnknownAudience) {
    const fs::path dir = test::temp_dir();
    Project p;
    p.catalogue = (dir / "gone.sqlite").string();
    p.audience = ProjectAudience{};
    p.audience->id = "no-such-audience";
    p.layers = {{"context:1", (dir / "rivers.geojson").string(), true, 1.0}};
    const ProjectCheck check = check_project(p, "p.json");
    ASSERT_EQ(check.problems.size(), 3u);
    EXPECT_NE(check.problems[0].find("gone.sqlite: no such file"), std::string::npos) << check.problems[0];
    EXPECT_NE(check.problems[1].find("no-such-audience"), std::string::npos) << check.problems[1];
    EXPECT_NE(check.problems[2].find("rivers.geojson: no such file"), std::string::npos) << check.problems[2];
}

TEST(RecentProjects, MostRecentFirstWithoutDuplicatesAndBounded) {
    const fs::path config = test::temp_dir();
    ::setenv("XDG_CONFIG_HOME", config.c_str(), 1);
    EXPECT_TRUE(read_recent_projects().empty());
    for (std::size_t i = 0; i < kMaxRecentProjects + 3; ++i)
        ASSERT_TRUE(add_recent_project((config / ("p" + std::to_string(i) + ".json")).string()));
    ASSERT_TRUE(add_recent_project((config / "p5.json").string()));
    const auto recent = read_recent_projects();
    ASSERT_EQ(recent.size(), kMaxRecentProjects);
    EXPECT_EQ(recent[0], (config / "p5.json").string());
    EXPECT_EQ(recent[1], (config / ("p" + std::to_string(kMaxRecentProjects + 2) + ".json")).string());
    EXPECT_EQ(std::count(recent.begin(), recent.end(), (config / "p5.json").string()), 1);
    EXPECT_TRUE(fs::exists(config / "territoire" / "recent_projects.json"));
    // A damaged list reads as empty (it is a convenience, not data).
    write_text(config / "territoire" / "recent_projects.json", "{\"recent_projects\": [");
    EXPECT_TRUE(read_recent_projects().empty());
    ::unsetenv("XDG_CONFIG_HOME");
}

}  // namespace
}  // namespace geo
