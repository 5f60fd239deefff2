// A raster basemap in the real window, toggled with the mouse: the built
// `territoire gui` on the demo items over an MBTiles written here with GDAL,
// driven by xdotool (tests/support/gui_driver.hpp). Unticking the basemap's
// box in the layer list takes the raster's colours off the screen (grabbed
// with xwd); ticking it again brings them back. Skipped without a display or
// xdotool, except under CI=true, where it fails.
#include <gtest/gtest.h>

#include <thread>

#include "tests/support/gui_driver.hpp"
#include "tests/support/raster_fixture.hpp"
#include "tests/support/test_support.hpp"

namespace app::gui {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

constexpr auto kLoadTimeout = 60s;
constexpr auto kEffectTimeout = 5s;

const json* basemap_row(const json& s) {
    if (!s.contains("layers")) return nullptr;
    for (const json& row : s.at("layers"))
        if (row.at("id") == "basemap:1") return &row;
    return nullptr;
}

bool settled_with_basemap(const json& s) {
    const json* row = basemap_row(s);
    return s.at("items").get<int>() > 0 && !s.at("busy").get<bool>() && row && row->contains("checkbox");
}

// The share of the map canvas's pixels (sampled every 8 px) that have one of
// the raster's four colours.
double raster_share(const test::GuiDriver::Picture& p, const json& canvas) {
    const int x0 = canvas.at(0).get<int>(), y0 = canvas.at(1).get<int>();
    const int w = canvas.at(2).get<int>(), h = canvas.at(3).get<int>();
    int sampled = 0, raster = 0;
    for (int y = y0; y < std::min(y0 + h, p.height); y += 8)
        for (int x = x0; x < std::min(x0 + w, p.width); x += 8) {
            ++sampled;
            const std::uint8_t* px = p.at(x, y);
            for (const test::Rgb8 c : {test::kQuadrantNW, test::kQuadrantNE, test::kQuadrantSW, test::kQuadrantSE})
                if (std::abs(px[0] - c.r) + std::abs(px[1] - c.g) + std::abs(px[2] - c.b) < 12) {
                    ++raster;
                    break;
                }
        }
    return sampled ? static_cast<double>(raster) / sampled : 0.0;
}

// Grabs the window until `ok(share)` holds; the last share.
template <class Ok>
double wait_for_share(const test::GuiDriver& gui, const json& canvas, Ok ok) {
    double share = -1;
    for (auto end = std::chrono::steady_clock::now() + kEffectTimeout; std::chrono::steady_clock::now() < end;) {
        share = raster_share(gui.grab(), canvas);
        if (ok(share)) break;
        std::this_thread::sleep_for(200ms);
    }
    return share;
}

TEST(GuiBasemapInput, UntickingTheBasemapTakesItOffTheMapAndTickingBringsItBack) {
    REQUIRE_X_INPUT();
    if (std::system("command -v xwd > /dev/null 2>&1") != 0) SKIP_OR_FAIL_IN_CI("xwd (x11-apps) not installed");
    const auto dir = test::temp_dir();
    const auto mbtiles = test::write_quadrant_mbtiles(dir);
    ASSERT_FALSE(mbtiles.empty());
    auto gui = test::GuiDriver::start_until(dir,
                                            {"--catalogue", test::demo_catalogue(dir).string(), "--size", "1280x800",
                                             "--bbox", "0.1,47.1,1.3,47.7", "--basemap", mbtiles.string()},
                                            settled_with_basemap, kLoadTimeout);
    ASSERT_TRUE(gui);
    const json canvas = gui->last_state().at("canvas");
    const json checkbox = basemap_row(gui->last_state())->at("checkbox");

    const double shown = wait_for_share(*gui, canvas, [](double s) { return s > 0.5; });
    EXPECT_GT(shown, 0.5) << "the raster's quadrants fill the view";

    // After each click the pointer leaves the checkbox for the right panel's
    // empty foot, so that the layer's tooltip (name and file) covers no map.
    const auto leave = [&] {
        gui->move_to(canvas.at(0).get<double>() + canvas.at(2).get<double>() + 60,
                     canvas.at(1).get<double>() + canvas.at(3).get<double>() - 10);
    };
    gui->click_centre(checkbox);
    leave();
    ASSERT_TRUE(gui->wait_for([](const json& s) { return !basemap_row(s)->at("visible").get<bool>(); }, kEffectTimeout))
        << gui->last_state().dump();
    const double hidden = wait_for_share(*gui, canvas, [](double s) { return s < 0.01; });
    EXPECT_LT(hidden, 0.01) << "unticked, no raster pixel is left";

    gui->click_centre(checkbox);
    leave();
    ASSERT_TRUE(gui->wait_for([](const json& s) { return basemap_row(s)->at("visible").get<bool>(); }, kEffectTimeout));
    const double back = wait_for_share(*gui, canvas, [](double s) { return s > 0.5; });
    EXPECT_GT(back, 0.5) << "ticked again, the raster is back";
    EXPECT_NEAR(back, shown, 0.02);
}

}  // namespace
}  // namespace app::gui
