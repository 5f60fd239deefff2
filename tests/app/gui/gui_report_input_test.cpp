// File › Export report with real input (issue 14): the built `territoire gui`
// on the real sample (feed, communes of 37 and 41, départements 37, 41, 72
// and 36), the Benchmark panel preset to 37 against 41, 72 and 36, the
// report dialog opened (--open report) with the audience shown ticked; Enter
// writes the HTML report beside the catalogue in the background. It must be
// the command line's report: every section title, the target, the
// competitors. The window is saved as window.ppm in the test folder.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>

#include "geo/io/import.hpp"
#include "geo/io/report_document.hpp"
#include "geo/store/catalogue.hpp"
#include "tests/support/cli_process.hpp"
#include "tests/support/gui_driver.hpp"
#include "tests/support/loire_fixture.hpp"
#include "tests/support/marketing_fixture.hpp"
#include "tests/support/sample_catalogue.hpp"
#include "tests/support/test_support.hpp"

namespace {

using namespace std::chrono_literals;
using nlohmann::json;

bool popup_open(const json& s, const std::string& name) {
    const auto& popups = s.at("popups");
    return std::find(popups.begin(), popups.end(), name) != popups.end();
}

TEST(GuiReportInput, EnterWritesTheDestinationReportBesideTheCatalogue) {
    REQUIRE_SHARED_DATA();
    REQUIRE_X_INPUT();
    const auto dir = test::temp_dir();
    const auto catalogue = dir / "loire.sqlite";
    test::make_marketing_catalogue(catalogue);
    auto gui = test::GuiDriver::start_until(
        dir,
        {"--catalogue", catalogue.string(), "--size", "1400x900", "--audience", "oenotourisme", "--compare",
         "departement:37", "--against", "departement:41,departement:72,departement:36", "--open", "report"},
        [](const json& s) {
            return s.at("items").get<int>() > 0 && !s.at("busy").get<bool>() && popup_open(s, "##export-report");
        },
        90s);
    ASSERT_TRUE(gui);
    gui->key("Return");
    const auto html = dir / "territoire-rapport.html";
    ASSERT_TRUE(
        gui->wait_for([&](const json& s) { return std::filesystem::exists(html) && !s.at("busy").get<bool>(); }, 60s))
        << "no " << html << ": " << gui->last_state().dump() << "\n"
        << gui->log();
    const std::string text = test::read_text(html);
    // In the interface's language (from the environment).
    const bool fr = text.find("lang=\"fr\"") != std::string::npos;
    for (const std::string& title : geo::report_section_titles(fr ? geo::ReportLanguage::fr : geo::ReportLanguage::en))
        EXPECT_NE(text.find(title), std::string::npos) << title;
    // The target is the audience shown (the map's), ticked when the dialog opened.
    for (const char* words : {fr ? "2.1 Œnotouristes" : "2.1 Wine lovers", "Loir-et-Cher", "Sarthe", "Indre-et-Loire"})
        EXPECT_NE(text.find(words), std::string::npos) << words;

    gui->save_window(dir / "window.ppm");
}

}  // namespace
