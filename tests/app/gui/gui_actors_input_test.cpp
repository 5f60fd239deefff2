// The Actors panel with real input (issue 14): the built `territoire gui` on
// the real sample (feed, communes of 37 and 41, départements), the wine
// audience shown, the Actors tab opened (--open actors); a click on "List the
// actors to federate". The producers shown must be those geo::compute_actors
// finds for the same catalogue and audience (what `territoire actors` lists),
// in the same order with the same counts. The window is saved as window.ppm.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>

#include "app/gui/model/actors_controller.hpp"
#include "geo/io/audience_presets.hpp"
#include "geo/store/catalogue.hpp"
#include "tests/support/gui_driver.hpp"
#include "tests/support/loire_fixture.hpp"
#include "tests/support/sample_catalogue.hpp"
#include "tests/support/test_support.hpp"

namespace {

using namespace std::chrono_literals;
using nlohmann::json;

bool has_rect(const json& r) {
    return r.is_array() && r.size() == 4 && r.at(2).get<double>() > 0 && r.at(3).get<double>() > 0;
}

TEST(GuiActorsInput, ClickListsTheProducersTheCommandFinds) {
    REQUIRE_SHARED_DATA();
    REQUIRE_X_INPUT();
    const auto dir = test::temp_dir();
    const auto catalogue = dir / "loire.sqlite";
    test::make_loire_catalogue(catalogue);
    auto cat = geo::Catalogue::open(catalogue.string(), geo::Catalogue::Mode::read_only);
    ASSERT_TRUE(cat) << cat.error().message;
    auto items = cat->items();
    auto territories = cat->territories();
    auto wine = geo::resolve_audience("oenotourisme", nullptr);
    ASSERT_TRUE(items && territories && wine);
    auto expected = app::gui::run_actors({*wine, 0.8, std::make_shared<const std::vector<geo::OfferItem>>(*items),
                                          std::make_shared<const std::vector<geo::Territory>>(*territories)});
    ASSERT_TRUE(expected) << expected.error().message;
    json producers = json::array();
    for (const auto& p : expected->actors.producers) producers.push_back({p.name, p.item_count});
    ASSERT_GE(producers.size(), 3u);

    auto gui = test::GuiDriver::start_until(
        dir,
        {"--catalogue", catalogue.string(), "--size", "1400x900", "--audience", "oenotourisme", "--open", "actors"},
        [](const json& s) {
            return s.at("items").get<int>() > 0 && !s.at("busy").get<bool>() && has_rect(s.at("actors").at("button"));
        },
        90s);
    ASSERT_TRUE(gui);
    gui->click_centre(gui->last_state().at("actors").at("button"));
    ASSERT_TRUE(gui->wait_for(
        [](const json& s) { return !s.at("actors").at("busy").get<bool>() && !s.at("actors").at("producers").empty(); },
        60s))
        << "no actors listed: " << gui->last_state().dump() << "\n"
        << gui->log();
    EXPECT_EQ(gui->last_state().at("actors").at("producers"), producers);
    EXPECT_EQ(gui->last_state().at("actors").at("error"), "");

    gui->save_window(dir / "window.ppm");
}

}  // namespace
