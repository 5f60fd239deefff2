// Interaction tests with real input: the built `territoire gui` on the
// current X display (the suite runs under xvfb-run), driven by xdotool
// (tests/support/gui_driver.hpp), its effect read from the --state-file
// hook (app/gui/state_file.hpp). Skipped without a display or xdotool,
// except under CI=true, where they fail.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "tests/support/gui_driver.hpp"
#include "tests/support/test_support.hpp"

namespace app::gui {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

constexpr auto kLoadTimeout = 60s;
constexpr auto kEffectTimeout = 5s;      // a click or key shows its effect within a few frames
constexpr double kZoomTolerance = 1e-6;  // zoom levels

double zoom_of(const json& s) {
    return s.at("camera").at("zoom").get<double>();
}

bool popup_open(const json& s, const std::string& name) {
    const auto& popups = s.at("popups");
    return std::find(popups.begin(), popups.end(), name) != popups.end();
}

// The catalogue loaded and drawn, the camera fitted, nothing running.
bool settled(const json& s) {
    return s.at("items").get<int>() > 0 && !s.at("busy").get<bool>();
}

class GuiInput : public ::testing::Test {
protected:
    // Starts the app on the demo items (a fresh catalogue) and waits until
    // it has settled; false (with a failure) otherwise.
    bool start(std::vector<std::string> args = {}) {
        m_dir = test::temp_dir();
        args.insert(args.begin(), {"--catalogue", test::demo_catalogue(m_dir).string(), "--size", "1280x800"});
        m_gui = test::GuiDriver::start_until(m_dir, args, settled, kLoadTimeout);
        return m_gui != nullptr;
    }
    [[nodiscard]] const json& state() const { return m_gui->last_state(); }
    // The centre of the map canvas, clear of the on-map buttons and overlays.
    [[nodiscard]] std::pair<double, double> map_centre() const {
        const json& c = state().at("canvas");
        return {c.at(0).get<double>() + c.at(2).get<double>() / 2, c.at(1).get<double>() + c.at(3).get<double>() / 2};
    }

    std::filesystem::path m_dir;
    std::unique_ptr<test::GuiDriver> m_gui;
};

TEST_F(GuiInput, OnMapButtonsZoomInZoomOutAndFit) {
    REQUIRE_X_INPUT();
    ASSERT_TRUE(start());
    const json fitted = state();
    const double zoom = zoom_of(fitted);
    const json controls = fitted.at("controls");

    m_gui->click_centre(controls.at("zoom_in"));
    EXPECT_TRUE(m_gui->wait_for([&](const json& s) { return std::abs(zoom_of(s) - (zoom + 1)) < kZoomTolerance; },
                                kEffectTimeout))
        << "+ ignored: " << state().dump();

    m_gui->click_centre(controls.at("zoom_out"));
    m_gui->click_centre(controls.at("zoom_out"));
    EXPECT_TRUE(m_gui->wait_for([&](const json& s) { return std::abs(zoom_of(s) - (zoom - 1)) < kZoomTolerance; },
                                kEffectTimeout))
        << "− ignored: " << state().dump();

    // Dragging the map moves the centre; Fit brings back the fitted view.
    const auto [x, y] = map_centre();
    m_gui->drag(x, y, x + 200, y + 120);
    const json& fitted_camera = fitted.at("camera");
    EXPECT_TRUE(m_gui->wait_for([&](const json& s) { return s.at("camera") != fitted_camera; }, kEffectTimeout));
    EXPECT_NEAR(zoom_of(state()), zoom - 1, kZoomTolerance) << "a drag pans, it does not zoom";
    EXPECT_LT(state().at("camera").at("lon_deg").get<double>(), fitted_camera.at("lon_deg").get<double>())
        << "dragging the map east shows what lies west of it";

    m_gui->click_centre(controls.at("fit"));
    EXPECT_TRUE(m_gui->wait_for([&](const json& s) { return s.at("camera") == fitted_camera; }, kEffectTimeout))
        << "Fit ignored: " << state().dump() << " fitted: " << fitted_camera.dump();
}

TEST_F(GuiInput, EscapeClosesTheOpenMenu) {
    REQUIRE_X_INPUT();
    ASSERT_TRUE(start());
    m_gui->click(25, 10);  // "Fichier" / "File", the first menu of the menu bar
    ASSERT_TRUE(m_gui->wait_for([](const json& s) { return !s.at("popups").empty(); }, kEffectTimeout))
        << "the File menu did not open: " << state().dump();
    m_gui->key("Escape");
    EXPECT_TRUE(m_gui->wait_for([](const json& s) { return s.at("popups").empty(); }, kEffectTimeout))
        << "Escape left the menu open: " << state().dump();
}

TEST_F(GuiInput, F1ShowsTheShortcutList) {
    REQUIRE_X_INPUT();
    ASSERT_TRUE(start());
    m_gui->key("F1");
    ASSERT_TRUE(m_gui->wait_for([](const json& s) { return popup_open(s, "##shortcuts"); }, kEffectTimeout))
        << "F1 did not open the shortcut list: " << state().dump();
    m_gui->key("Return");
    EXPECT_TRUE(m_gui->wait_for([](const json& s) { return s.at("popups").empty(); }, kEffectTimeout))
        << "Enter left the shortcut list open: " << state().dump();
}

// Each dialog that --open can show first: its option and its popup's name.
struct Dialog {
    const char* open;
    const char* popup;
};

class GuiDialog : public GuiInput, public ::testing::WithParamInterface<Dialog> {};

TEST_P(GuiDialog, EscapeClosesIt) {
    REQUIRE_X_INPUT();
    ASSERT_TRUE(start({"--open", GetParam().open}));
    const std::string popup = GetParam().popup;
    ASSERT_TRUE(m_gui->wait_for([&](const json& s) { return popup_open(s, popup); }, kEffectTimeout));
    m_gui->key("Escape");
    EXPECT_TRUE(m_gui->wait_for([](const json& s) { return s.at("popups").empty(); }, kEffectTimeout))
        << "Escape left the dialog open: " << state().dump();
}

INSTANTIATE_TEST_SUITE_P(Dialogs, GuiDialog,
                         ::testing::Values(Dialog{"import", "##import"}, Dialog{"export", "##export"},
                                           Dialog{"export-map", "##export-map"}, Dialog{"report", "##export-report"},
                                           Dialog{"shortcuts", "##shortcuts"}),
                         [](const ::testing::TestParamInfo<Dialog>& info) {
                             std::string name = info.param.open;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

// File › Export map: Enter writes the page (A4 landscape PDF by default)
// beside the catalogue, in the background, with the map's legend in it.
TEST_F(GuiInput, EnterExportsTheMapAsAPdfBesideTheCatalogue) {
    REQUIRE_X_INPUT();
    ASSERT_TRUE(start({"--open", "export-map"}));
    ASSERT_TRUE(m_gui->wait_for([](const json& s) { return popup_open(s, "##export-map"); }, kEffectTimeout));
    m_gui->key("Return");
    const std::filesystem::path pdf = m_dir / "territoire-carte.pdf";
    EXPECT_TRUE(m_gui->wait_for([&](const json&) { return std::filesystem::exists(pdf); }, kLoadTimeout))
        << "no " << pdf << ": " << state().dump() << "\n"
        << m_gui->log();
    const std::filesystem::path text = m_dir / "carte.txt";
    ASSERT_EQ(std::system(("pdftotext " + pdf.string() + " " + text.string()).c_str()), 0);
    std::ifstream in(text);
    const std::string words((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const char* expected : {"Heritage (55)", "Patrimoine (55)"})
        if (words.find(expected) != std::string::npos) return;
    ADD_FAILURE() << "no family legend in:\n" << words;
}

// Enter runs the import typed into the dialog; when it finishes in the
// background, the map shows the new items with no further input (the frame
// loop sleeps until an event: the finished task must post one).
TEST_F(GuiInput, EnterRunsTheImportAndTheMapShowsItWithoutFurtherInput) {
    REQUIRE_X_INPUT();
    REQUIRE_SHARED_DATA();
    ASSERT_TRUE(start({"--open", "import"}));
    ASSERT_TRUE(m_gui->wait_for([](const json& s) { return popup_open(s, "##import"); }, kEffectTimeout));
    const int items = state().at("items").get<int>();
    m_gui->type((test::shared_data() / "poi/datatourisme-touraine-2020").string());
    m_gui->key("Return");
    EXPECT_TRUE(
        m_gui->wait_for([&](const json& s) { return s.at("items").get<int>() > items && settled(s); }, kLoadTimeout))
        << "the import's items are not on the map: " << state().dump() << "\n"
        << m_gui->log();
}

// issue 11.4: the import dialog reads the file's fields with GDAL once the
// path names a file, and offers them (the detected ones first).
TEST_F(GuiInput, ImportDialogReadsTheFieldsOfTheFileTyped) {
    REQUIRE_X_INPUT();
    REQUIRE_SHARED_DATA();
    ASSERT_TRUE(start({"--open", "import"}));
    ASSERT_TRUE(m_gui->wait_for([](const json& s) { return popup_open(s, "##import"); }, kEffectTimeout));
    EXPECT_TRUE(state().at("import").at("layers").empty());
    m_gui->type(
        (test::shared_data() / "admin/departements/37-indre-et-loire/communes-37-indre-et-loire.geojson").string());
    ASSERT_TRUE(m_gui->wait_for([](const json& s) { return !s.at("import").at("layers").empty(); }, kEffectTimeout))
        << state().at("import").dump();
    const json& layer = state().at("import").at("layers").at(0);
    EXPECT_EQ(layer.at("geometry"), "polygon");
    EXPECT_EQ(layer.at("item_name"), "nom");
    EXPECT_EQ(layer.at("item_family"), "") << "no family field: the dialog offers a family for every item";
    EXPECT_EQ(layer.at("territory_code"), "code");
    m_gui->save_window(m_dir / "import-fields.png");
    m_gui->key("Escape");
    EXPECT_TRUE(m_gui->wait_for([](const json& s) { return !popup_open(s, "##import"); }, kEffectTimeout));
}

// A file with nothing usable: the dialog's refusal, the record's reason and
// the catalogue's state all read in French (geo::Error through error_text).
TEST_F(GuiInput, ImportRefusalFromGeoReadsInFrench) {
    REQUIRE_X_INPUT();
    ::setenv("LANG", "fr_FR.UTF-8", 1);
    ::unsetenv("LC_ALL");
    ::unsetenv("LC_MESSAGES");
    ASSERT_TRUE(start({"--open", "import"}));
    ASSERT_TRUE(m_gui->wait_for([](const json& s) { return popup_open(s, "##import"); }, kEffectTimeout));
    EXPECT_EQ(state().at("project").at("language"), "fr");
    const auto bad = m_dir / "sans-geometrie.geojson";
    std::ofstream(bad) << R"({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null, )"
                       << R"("properties": {"name": "Château", "family": "heritage"}}]})";
    m_gui->type(bad.string());
    m_gui->key("Return");
    ASSERT_TRUE(m_gui->wait_for([](const json& s) { return !s.at("import").at("error").get<std::string>().empty(); },
                                kEffectTimeout))
        << state().at("import").dump();
    const std::string error = state().at("import").at("error");
    EXPECT_NE(error.find("rien à importer : 1 enregistrement lu, inutilisable"), std::string::npos) << error;
    EXPECT_NE(error.find("aucune géométrie (null)"), std::string::npos) << error;
    EXPECT_NE(error.find("le catalogue n'a pas été modifié"), std::string::npos) << error;
    for (const char* english : {"nothing to import", "record", "no geometry", "catalogue was not changed"})
        EXPECT_EQ(error.find(english), std::string::npos) << error;
    m_gui->save_window(m_dir / "import-refused-fr.png");
    m_gui->key("Escape");
    EXPECT_TRUE(m_gui->wait_for([](const json& s) { return !popup_open(s, "##import"); }, kEffectTimeout));
}

}  // namespace
}  // namespace app::gui
