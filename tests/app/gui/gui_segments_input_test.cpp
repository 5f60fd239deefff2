// The Segments panel with real input (issue 14): the built `territoire gui`
// on the real sample (feed, communes of 37 and 41, départements 37, 41, 72
// and 36) with the Benchmark panel preset to 37 against 41, 72 and 36; a
// click on the Segments tab, one on "Classer les cibles", then one on the
// second row. The ranking shown must be geo::compute_segments' on the same
// catalogue (what `territoire segments` prints), and the click must select
// that audience in the map. The window is saved as window.ppm in the test
// folder for a look.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>

#include "app/gui/model/segments_controller.hpp"
#include "geo/io/import.hpp"
#include "geo/store/catalogue.hpp"
#include "tests/support/gui_driver.hpp"
#include "tests/support/loire_fixture.hpp"
#include "tests/support/marketing_fixture.hpp"
#include "tests/support/sample_catalogue.hpp"
#include "tests/support/test_support.hpp"

namespace {

using namespace std::chrono_literals;
using nlohmann::json;

bool has_rect(const json& r) {
    return r.is_array() && r.size() == 4 && r.at(2).get<double>() > 0 && r.at(3).get<double>() > 0;
}

TEST(GuiSegmentsInput, RankingShownIsTheCommandLinesAndAClickSelectsTheAudience) {
    REQUIRE_SHARED_DATA();
    REQUIRE_X_INPUT();
    const auto dir = test::temp_dir();
    const auto catalogue = dir / "loire.sqlite";
    test::make_marketing_catalogue(catalogue);
    // What the command line ranks (the same call as `territoire segments`).
    auto items = geo::Catalogue::open(catalogue.string(), geo::Catalogue::Mode::read_only)->items();
    ASSERT_TRUE(items);
    auto expected = app::gui::run_segments({catalogue.string(),
                                            "departement:37",
                                            {"departement:36", "departement:41", "departement:72"},
                                            std::make_shared<const std::vector<geo::OfferItem>>(*items)});
    ASSERT_TRUE(expected) << expected.error().message;
    json ranked = json::array();
    for (const auto& s : expected->result.segments) ranked.push_back(s.audience_id);
    ASSERT_EQ(ranked.size(), 6U);

    auto gui = test::GuiDriver::start_until(
        dir,
        {"--catalogue", catalogue.string(), "--size", "1600x1000", "--compare", "departement:37", "--against",
         "departement:41,departement:72,departement:36"},
        [](const json& s) {
            return s.at("items").get<int>() > 0 && !s.at("busy").get<bool>() && has_rect(s.at("segments").at("tab"));
        },
        90s);
    ASSERT_TRUE(gui);
    // On a loaded machine (ctest -j2 while another suite builds) a click was
    // once seen not to reach the tab (2026-12-08, not reproduced alone); a
    // user clicks again, and so does the test, at most three times.
    bool opened = false;
    for (int attempt = 0; attempt < 3 && !opened; ++attempt) {
        gui->click_centre(gui->last_state().at("segments").at("tab"));
        opened = gui->wait_for([](const json& s) { return has_rect(s.at("segments").at("button")); }, 10s);
    }
    ASSERT_TRUE(opened) << "the Segments tab did not open: " << gui->last_state().dump();
    gui->click_centre(gui->last_state().at("segments").at("button"));
    ASSERT_TRUE(gui->wait_for(
        [](const json& s) {
            const json& seg = s.at("segments");
            return !seg.at("busy").get<bool>() && seg.at("rows").size() == 6U;
        },
        60s))
        << "no ranking: " << gui->last_state().dump() << "\n"
        << gui->log();
    EXPECT_EQ(gui->last_state().at("segments").at("ranked"), ranked);
    EXPECT_EQ(gui->last_state().at("segments").at("error"), "");

    const std::string second = ranked.at(1);
    gui->click_centre(gui->last_state().at("segments").at("rows").at(1));
    EXPECT_TRUE(gui->wait_for(
        [&](const json& s) { return s.at("audience").is_object() && s.at("audience").at("id") == second; }, 5s))
        << "the click did not select " << second << ": " << gui->last_state().dump();

    gui->save_window(dir / "window.ppm");
}

}  // namespace
