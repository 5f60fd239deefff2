// A shared PostGIS catalogue in the window, with real input (xdotool under
// Xvfb, read back through --state-file): File › Open a PostGIS database
// takes an address typed in its field and loads the real sample from the
// test server; text that is no PostgreSQL address keeps the dialog open
// with its message; `--catalogue postgresql:///…` opens it at start-up.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "tests/support/gui_driver.hpp"
#include "tests/support/postgis_server.hpp"
#include "tests/support/sample_catalogue.hpp"
#include "tests/support/test_support.hpp"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using nlohmann::json;

constexpr auto kLoadTimeout = 90s;
constexpr auto kEffectTimeout = 20s;

bool popup_open(const json& s, const std::string& name) {
    const auto& popups = s.at("popups");
    return std::find(popups.begin(), popups.end(), name) != popups.end();
}

// The sample (1,399 items, the départements 37 and 41) in a fresh database.
std::string sample_database() {
    const std::string address = test::fresh_postgis_database("gui");
    { test::sample_catalogue(address, false); }
    return address;
}

bool loaded_from(const json& s, const std::string& address) {
    return s.at("items").get<int>() == 1399 && !s.at("busy").get<bool>() &&
           s.at("project").at("catalogue").get<std::string>() == address;
}

}  // namespace

TEST(GuiDatabase, TheOpenDatabaseDialogLoadsTheTypedAddress) {
    REQUIRE_X_INPUT();
    REQUIRE_SHARED_DATA();
    REQUIRE_POSTGIS();
    const fs::path dir = test::temp_dir();
    const std::string address = sample_database();
    auto gui = test::GuiDriver::start_until(
        dir, {"--catalogue", (dir / "empty.sqlite").string(), "--open", "database", "--size", "1280x800"},
        [](const json& s) { return popup_open(s, "##open-database"); }, kLoadTimeout);
    ASSERT_TRUE(gui);

    // Not an address: said in the dialog, which stays open.
    gui->key("ctrl+a");
    gui->type("observatoire");
    gui->key("Return");
    std::this_thread::sleep_for(1s);
    ASSERT_TRUE(gui->wait_for([](const json& s) { return popup_open(s, "##open-database"); }, kEffectTimeout));
    EXPECT_EQ(gui->last_state().at("items").get<int>(), 0);

    gui->key("ctrl+a");
    gui->type(address);
    gui->key("Return");
    EXPECT_TRUE(
        gui->wait_for([&](const json& s) { return loaded_from(s, address) && s.at("popups").empty(); }, kLoadTimeout))
        << gui->last_state().dump() << "\n"
        << gui->log();
    gui->save_window(dir.parent_path() / "gui-database-open.ppm");
}

TEST(GuiDatabase, StartsOnADatabaseAddress) {
    REQUIRE_X_INPUT();
    REQUIRE_SHARED_DATA();
    REQUIRE_POSTGIS();
    const fs::path dir = test::temp_dir();
    const std::string address = sample_database();
    auto gui = test::GuiDriver::start_until(
        dir, {"--catalogue", address, "--audience", "patrimoine", "--size", "1280x800"},
        [&](const json& s) {
            return loaded_from(s, address) && s.at("audience").is_object() &&
                   !s.at("audience").at("computing").get<bool>() && s.at("audience").at("perimeter_km2").is_number();
        },
        kLoadTimeout);
    ASSERT_TRUE(gui);
    EXPECT_NEAR(gui->last_state().at("audience").at("perimeter_km2").get<double>(), 4905.0, 5.0);
}
