// File › Export map without a window: the dialog's choice turned into print
// options (the current view as the extent, the page asked for) and written
// through the same app::print::write_print_map as `territoire render --pdf`,
// from a copy of the GUI's model.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "app/gui/i18n.hpp"
#include "app/gui/render_scene.hpp"
#include "app/gui/views/print_dialog.hpp"
#include "tests/support/cli_process.hpp"
#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;

namespace {

TEST(GuiPrint, ExportMapWritesThePageOfTheCurrentView) {
    app::gui::set_language(app::gui::Language::fr);
    const fs::path dir = test::temp_dir();
    auto loaded = app::gui::load_render_scene(
        {test::demo_catalogue(dir).string(), "patrimoine", {}, false, 0.8, false, {}, {}, {}});
    ASSERT_TRUE(loaded) << loaded.error().message;
    app::gui::MapModel& model = loaded->model;
    const geo::LonLatBox tours{0.55, 47.30, 0.85, 47.45};
    app::gui::frame_scene(model, 1200, 800, tours);

    app::gui::PrintChoice choice;
    choice.paper = geo::PaperSize::a3;
    choice.orientation = geo::PageOrientation::portrait;
    choice.title = "Tours et ses environs";
    choice.path = (dir / "carte.pdf").string();
    const auto options = app::gui::print_options(choice, model);
    ASSERT_TRUE(options.bbox);  // the view on screen: at least the box fitted
    EXPECT_LE(options.bbox->west_deg, tours.west_deg + 1e-9);
    EXPECT_GE(options.bbox->east_deg, tours.east_deg - 1e-9);
    EXPECT_LE(options.bbox->south_deg, tours.south_deg + 1e-6);
    EXPECT_GE(options.bbox->north_deg, tours.north_deg - 1e-6);

    const auto scene = app::gui::print_scene(model, loaded->audience, loaded->attribution, loaded->sources);
    auto layout = app::print::write_print_map(scene, options);
    ASSERT_TRUE(layout) << layout.error().message;
    EXPECT_DOUBLE_EQ(layout->page.width_mm, 297.0);
    EXPECT_DOUBLE_EQ(layout->page.height_mm, 420.0);
    // A town-sized view: a scale bar of a few kilometres at most.
    EXPECT_LE(layout->scale_bar.length_m, 5000.0);
    EXPECT_GT(layout->scale_bar.length_m, 0.0);
    const fs::path text = dir / "carte.txt";
    ASSERT_EQ(std::system(("pdftotext " + choice.path + " " + text.string()).c_str()), 0);
    const std::string words = test::read_text(text);
    for (const char* expected : {"Tours et ses environs", "Cible : ", "niveau 80 %", "Familles d'offre",
                                 "Patrimoine (55)", "de l'offre pondérée", "Sources : "})
        EXPECT_NE(words.find(expected), std::string::npos) << expected << " not in:\n" << words;

    // The PNG choice: the page's pixels at the dpi asked.
    choice.format = app::print::PrintFormat::png;
    choice.dpi = 100;
    choice.path = (dir / "carte.png").string();
    layout = app::print::write_print_map(scene, app::gui::print_options(choice, model));
    ASSERT_TRUE(layout) << layout.error().message;
    EXPECT_EQ(layout->page.width_px, 1169);
    EXPECT_EQ(layout->page.height_px, 1654);
    EXPECT_GT(fs::file_size(choice.path), 10000u);
}

// The density layer, when shown, is a raster layer: one image in the PDF,
// coloured where the surface is (the page rendered by pdftoppm differs from
// the same page without it inside the perimeter).
TEST(GuiPrint, DensityLayerPrintsAsOneImage) {
    const fs::path dir = test::temp_dir();
    auto loaded = app::gui::load_render_scene(
        {test::demo_catalogue(dir).string(), "patrimoine", {}, false, 0.8, false, {}, {}, {}});
    ASSERT_TRUE(loaded) << loaded.error().message;
    ASSERT_FALSE(loaded->model.density().empty());
    app::gui::PrintChoice choice;
    choice.current_view = false;
    choice.path = (dir / "plain.pdf").string();
    auto scene = app::gui::print_scene(loaded->model, loaded->audience, loaded->attribution, loaded->sources);
    ASSERT_TRUE(app::print::write_print_map(scene, app::gui::print_options(choice, scene.model)));
    scene.model.layers().set_visible("density", true);
    choice.path = (dir / "density.pdf").string();
    ASSERT_TRUE(app::print::write_print_map(scene, app::gui::print_options(choice, scene.model)));
    const auto images = [&](const std::string& pdf) {
        const fs::path list = dir / "images.txt";
        EXPECT_EQ(std::system(("pdfimages -list " + pdf + " > " + list.string()).c_str()), 0);
        const std::string text = test::read_text(list);
        int n = 0;  // lines of type "image" (an image's alpha is a line of type "smask")
        std::istringstream lines(text);
        std::string line;
        std::getline(lines, line);  // the two header lines
        std::getline(lines, line);
        while (std::getline(lines, line)) {
            std::istringstream fields(line);
            std::string page, num, type;
            fields >> page >> num >> type;
            n += type == "image";
        }
        return n;
    };
    EXPECT_EQ(images((dir / "plain.pdf").string()), 0);
    EXPECT_EQ(images(choice.path), 1);
    // Rendered, the two pages differ (the surface is drawn), in some pixels only.
    for (const char* name : {"plain", "density"})
        ASSERT_EQ(
            std::system(("pdftoppm -r 20 -gray -singlefile " + (dir / name).string() + ".pdf " + (dir / name).string())
                            .c_str()),
            0);
    const std::string a = test::read_text(dir / "plain.pgm"), b = test::read_text(dir / "density.pgm");
    ASSERT_EQ(a.size(), b.size());
    std::size_t differ = 0;
    for (std::size_t i = 0; i < a.size(); ++i) differ += std::abs(a[i] - b[i]) > 8;
    EXPECT_GT(differ, a.size() / 100);
    EXPECT_LT(differ, a.size() / 2);
}

}  // namespace
