// The demo under Xvfb, as a new user opens it (`territoire gui`, no
// catalogue): the place names labelled at the start view, none over
// another; and the search field driven with real keys (Ctrl+F, typing,
// arrows, Enter), its effect read from the --state-file hook.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include "tests/support/gui_driver.hpp"
#include "tests/support/test_support.hpp"

namespace app::gui {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

constexpr auto kLoadTimeout = 90s;
constexpr auto kEffectTimeout = 10s;
constexpr double kLonLatTolerance = 1e-4;  // degrees: the state file's camera after the flight

bool settled(const json& s) {
    return s.at("items").get<int>() > 0 && !s.at("busy").get<bool>() && !s.at("labels").empty();
}

struct Box {
    double x0, y0, x1, y1;
};
Box box_of(const json& label) {
    const json& b = label.at("box");
    const double x = b.at(0).get<double>(), y = b.at(1).get<double>();
    return {x, y, x + b.at(2).get<double>(), y + b.at(3).get<double>()};
}

class GuiPlaces : public ::testing::Test {
protected:
    // The demo as `territoire gui` opens it with no catalogue: started in
    // an empty folder, with its own cache (the demo catalogue is imported
    // there), so nothing on the machine changes what it shows.
    bool start_demo() {
        m_dir = test::temp_dir();
        setenv("XDG_CACHE_HOME", (m_dir / "cache").c_str(), 1);
        if (chdir(m_dir.c_str()) != 0) return false;
        m_gui = test::GuiDriver::start_until(m_dir, {"--size", "1600x900"}, settled, kLoadTimeout);
        return m_gui != nullptr;
    }
    [[nodiscard]] const json& state() const { return m_gui->last_state(); }

    std::filesystem::path m_dir;
    std::unique_ptr<test::GuiDriver> m_gui;
};

TEST_F(GuiPlaces, DemoStartViewNamesTheMainTownsWithoutOverlap) {
    REQUIRE_X_INPUT();
    ASSERT_TRUE(start_demo());
    const json& labels = state().at("labels");
    std::set<std::string> names;
    for (const json& l : labels)
        if (l.at("place").get<bool>()) names.insert(l.at("text").get<std::string>());
    for (const char* town : {"Tours", "Amboise", "Blois", "Chinon", "Saumur"})
        EXPECT_TRUE(names.contains(town)) << town << " not labelled; labels: " << labels.dump();
    EXPECT_GE(names.size(), 20u);  // the towns, not only the cities

    const json& canvas = state().at("canvas");
    const double cx = canvas.at(0).get<double>(), cy = canvas.at(1).get<double>();
    const double cw = canvas.at(2).get<double>(), ch = canvas.at(3).get<double>();
    for (std::size_t a = 0; a < labels.size(); ++a) {
        const Box p = box_of(labels[a]);
        EXPECT_GE(p.x0, cx);
        EXPECT_GE(p.y0, cy);
        EXPECT_LE(p.x1, cx + cw);
        EXPECT_LE(p.y1, cy + ch);
        EXPECT_GT(p.x1 - p.x0, 5.0);
        for (std::size_t b = a + 1; b < labels.size(); ++b) {
            const Box q = box_of(labels[b]);
            const bool overlap = p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1;
            EXPECT_FALSE(overlap) << labels[a].dump() << " overlaps " << labels[b].dump();
        }
    }
}

TEST_F(GuiPlaces, CtrlFTypeArrowsAndEnterFlyToTheTown) {
    REQUIRE_X_INPUT();
    ASSERT_TRUE(start_demo());
    m_gui->key("ctrl+f");
    ASSERT_TRUE(m_gui->wait_for([](const json& s) { return s.at("search").at("focused").get<bool>(); }, kEffectTimeout))
        << "Ctrl+F did not focus the search field: " << state().dump();
    m_gui->type("chinon");
    ASSERT_TRUE(m_gui->wait_for(
        [](const json& s) {
            const json& hits = s.at("search").at("hits");
            return s.at("search").at("query") == "chinon" && !hits.empty() && hits.at(0).at("name") == "Chinon";
        },
        kEffectTimeout))
        << state().dump();
    m_gui->key("Return");
    const auto at_chinon = [](const json& s) {
        const json& c = s.at("camera");
        return std::abs(c.at("lon_deg").get<double>() - 0.2420) < kLonLatTolerance &&
               std::abs(c.at("lat_deg").get<double>() - 47.1675) < kLonLatTolerance &&
               c.at("zoom").get<double>() >= 12.0 - 1e-9 && !s.at("busy").get<bool>();
    };
    EXPECT_TRUE(m_gui->wait_for(at_chinon, kEffectTimeout)) << "Enter did not fly to Chinon: " << state().dump();

    // Again with the arrows: "mont" lists Montrichard, then Montlouis-sur-Loire…
    m_gui->key("ctrl+f");
    m_gui->type("mont");
    ASSERT_TRUE(m_gui->wait_for(
        [](const json& s) { return s.at("search").at("query") == "mont" && s.at("search").at("hits").size() >= 3; },
        kEffectTimeout))
        << state().dump();
    m_gui->key("Down");
    ASSERT_TRUE(m_gui->wait_for([](const json& s) { return s.at("search").at("selected") == 1; }, kEffectTimeout))
        << state().dump();
    EXPECT_EQ(state().at("search").at("hits").at(1).at("name"), "Montlouis-sur-Loire");
    m_gui->key("Return");
    EXPECT_TRUE(m_gui->wait_for(
        [](const json& s) {
            const json& c = s.at("camera");
            return std::abs(c.at("lon_deg").get<double>() - 0.8278) < kLonLatTolerance &&
                   std::abs(c.at("lat_deg").get<double>() - 47.3883) < kLonLatTolerance && !s.at("busy").get<bool>();
        },
        kEffectTimeout))
        << "Down + Enter did not fly to Montlouis-sur-Loire: " << state().dump();
}

TEST_F(GuiPlaces, CatalogueSearchNarrowsTheItemsOnTheMap) {
    REQUIRE_X_INPUT();
    ASSERT_TRUE(start_demo());
    const int items = state().at("items").get<int>();
    EXPECT_EQ(state().at("items_shown").get<int>(), items);
    m_gui->click_centre(state().at("catalogue_search"));
    m_gui->type("chateau");
    // The demo's 179 items hold a few dozen châteaux: the map draws those only.
    EXPECT_TRUE(m_gui->wait_for(
        [&](const json& s) {
            const int shown = s.at("items_shown").get<int>();
            return shown > 10 && shown < items / 2;
        },
        kEffectTimeout))
        << state().dump();
    m_gui->type(" de chenonceau");
    EXPECT_TRUE(m_gui->wait_for([&](const json& s) { return s.at("items_shown").get<int>() == 1; }, kEffectTimeout))
        << "\"chateau de chenonceau\" should leave one item on the map: " << state().dump();
}

}  // namespace
}  // namespace app::gui
