// `territoire render` (map-window builds only: app/launch) as a printed page,
// end to end through the binary and poppler-utils: the PDF of the demo (perimeter, gaps, rivers) and of the
// real DATAtourisme sample reads with pdftotext (title, legend entries,
// attribution), renders with pdftoppm, holds no raster image (pdfimages:
// the map is vector) and has the ISO page size asked for (pdfinfo); a PNG
// page at 300 dpi has A4's pixels; bad page options exit 2 with a message.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "geo/core/data_dir.hpp"
#include "tests/support/cli_process.hpp"
#include "tests/support/sample_catalogue.hpp"
#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kEnglish = "LC_ALL=C LANG=C";

// The stdout of a shell command (poppler's tools), "" when it fails.
std::string command_output(const std::string& command, const fs::path& dir) {
    const fs::path out = dir / "tool.txt";
    const int status = std::system((command + " >" + test::shell_quoted(out.string()) + " 2>/dev/null").c_str());
    std::string text = test::read_text(out);
    fs::remove(out);
    return status == 0 ? text : std::string();
}

std::string pdf_text(const fs::path& pdf) {
    return command_output("pdftotext -layout " + test::shell_quoted(pdf.string()) + " -", pdf.parent_path());
}

// pdfinfo's "Page size: 841.89 x 595.276 pts (A4)" as points.
std::pair<double, double> pdf_page_pt(const fs::path& pdf) {
    const std::string info = command_output("pdfinfo " + test::shell_quoted(pdf.string()), pdf.parent_path());
    std::smatch m;
    if (!std::regex_search(info, m, std::regex(R"(Page size:\s+([0-9.]+) x ([0-9.]+) pts)"))) return {0, 0};
    return {std::stod(m[1]), std::stod(m[2])};
}

// Width and height from a PNG's IHDR chunk.
std::pair<int, int> png_size(const fs::path& png) {
    const std::string bytes = test::read_text(png);
    if (bytes.size() < 24 || bytes.compare(1, 3, "PNG") != 0) return {0, 0};
    const auto be32 = [&](std::size_t at) {
        return (static_cast<unsigned char>(bytes[at]) << 24) | (static_cast<unsigned char>(bytes[at + 1]) << 16) |
               (static_cast<unsigned char>(bytes[at + 2]) << 8) | static_cast<unsigned char>(bytes[at + 3]);
    };
    return {static_cast<int>(be32(16)), static_cast<int>(be32(20))};
}

// Renders the first page with pdftoppm at `dpi`; returns the PNG written.
fs::path rasterise(const fs::path& pdf, int dpi) {
    const fs::path stem = pdf.parent_path() / (pdf.stem().string() + "-page");
    const std::string cmd = "pdftoppm -png -singlefile -r " + std::to_string(dpi) + " " +
                            test::shell_quoted(pdf.string()) + " " + test::shell_quoted(stem.string());
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    return stem.string() + ".png";
}

// Image lines of `pdfimages -list` (after its two header lines).
int raster_images(const fs::path& pdf) {
    const std::string list = command_output("pdfimages -list " + test::shell_quoted(pdf.string()), pdf.parent_path());
    int lines = 0;
    for (char c : list) lines += c == '\n';
    return lines - 2;
}

test::CliRun render(const fs::path& dir, const std::string& args) {
    return test::run_territoire_shell(dir, "render " + args, kEnglish);
}

std::string q(const fs::path& p) {
    return test::shell_quoted(p.string());
}

TEST(RenderPrint, DemoPdfReadsWithLegendAndAttributionRendersAndIsVector) {
    const fs::path dir = test::temp_dir();
    const fs::path catalogue = test::demo_catalogue(dir);
    const fs::path pdf = dir / "demo.pdf";
    const auto run = render(dir, "--catalogue " + q(catalogue) + " --audience patrimoine --nested --gaps --context " +
                                     q(fs::path(geo::data_dir()) / "demo/rivers.geojson") +
                                     " --pdf --title \"Loire Valley heritage\" -o " + q(pdf));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string text = pdf_text(pdf);
    for (const char* expected :
         {"Loire Valley heritage", "Audience: ", "level 80 %", "Offer families", "Heritage (55)",
          "Nature & ecotourism (15)", "Services & information (22)", "Perimeter (nested levels)",
          "80 % of the weighted offer (chosen level)", "50 % of the weighted offer", "95 % of the weighted offer",
          "Offer gaps (score)", "low → high", "Context layers", "rivers", "km", "1 : ", "Sources: ", "Territoire 0."})
        EXPECT_NE(text.find(expected), std::string::npos) << expected << " not in:\n" << text;
    const auto [w, h] = pdf_page_pt(pdf);
    EXPECT_NEAR(w, 297.0 * 72 / 25.4, 0.5);  // A4 landscape by default
    EXPECT_NEAR(h, 210.0 * 72 / 25.4, 0.5);
    EXPECT_EQ(raster_images(pdf), 0) << "the map should be drawn as vector paths";
    const fs::path page = rasterise(pdf, 50);
    EXPECT_EQ(png_size(page), std::make_pair(585, 414));
}

TEST(RenderPrint, PaperSizesAndOrientationsGiveTheIsoPage) {
    const fs::path dir = test::temp_dir();
    const fs::path catalogue = test::demo_catalogue(dir);
    struct Case {
        const char* paper;
        const char* orientation;
        double w_mm, h_mm;
    };
    for (const Case c : {Case{"A4", "portrait", 210, 297}, Case{"A4", "landscape", 297, 210},
                         Case{"a3", "portrait", 297, 420}, Case{"A3", "landscape", 420, 297}}) {
        const fs::path pdf = dir / (std::string(c.paper) + c.orientation + ".pdf");
        const auto run = render(dir, "--catalogue " + q(catalogue) + " --paper " + c.paper + " --orientation " +
                                         c.orientation + " -o " + q(pdf));
        ASSERT_EQ(run.exit_code, 0) << run.err;
        const auto [w, h] = pdf_page_pt(pdf);
        EXPECT_NEAR(w, c.w_mm * 72 / 25.4, 0.5) << c.paper << " " << c.orientation;
        EXPECT_NEAR(h, c.h_mm * 72 / 25.4, 0.5) << c.paper << " " << c.orientation;
        EXPECT_NE(pdf_text(pdf).find("Tourism offer map"), std::string::npos);  // the default title
    }
}

TEST(RenderPrint, PngPageAt300DpiHasA4Pixels) {
    const fs::path dir = test::temp_dir();
    const fs::path catalogue = test::demo_catalogue(dir);
    const fs::path landscape = dir / "a4.png", portrait = dir / "a4p.png";
    auto run =
        render(dir, "--catalogue " + q(catalogue) + " --audience patrimoine --paper A4 --dpi 300 -o " + q(landscape));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(png_size(landscape), std::make_pair(3508, 2480));
    run = render(dir, "--catalogue " + q(catalogue) + " --paper A4 --orientation portrait --dpi 300 -o " + q(portrait));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(png_size(portrait), std::make_pair(2480, 3508));
    // A pixel size with a title is a page of exactly those pixels.
    const fs::path small = dir / "small.png";
    run = render(dir, "--catalogue " + q(catalogue) + " --size 1200x800 --title Demo -o " + q(small));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(png_size(small), std::make_pair(1200, 800));
}

TEST(RenderPrint, BadPageOptionsExitTwoWithAClearMessage) {
    const fs::path dir = test::temp_dir();
    const fs::path catalogue = test::demo_catalogue(dir);
    const fs::path out = dir / "bad.pdf";
    struct Case {
        std::string args, message;
    };
    for (const Case& c :
         {Case{"--paper A5", "unknown paper size \"A5\" (expected A4 or A3)"},
          Case{"--paper letter --pdf", "\"letter\""}, Case{"--dpi 0", "resolution 0 dpi outside [36, 1200]"},
          Case{"--dpi 100000", "resolution 100000 dpi outside [36, 1200]"},
          Case{"--orientation sideways", "unknown orientation \"sideways\""},
          Case{"--paper A3 --dpi 1200 -o x.png", "megapixels"}, Case{"--paper A4 --size 800x600", "not both"},
          Case{"--pdf -o x.png", "--pdf writes a PDF: give -o x.pdf"},
          Case{"--gaps --pdf", "--gaps needs an audience perimeter (--audience)"}}) {
        const std::string output = c.args.find(" -o ") == std::string::npos ? " -o " + q(out) : "";
        const auto run = render(dir, "--catalogue " + q(catalogue) + " " + c.args + output);
        EXPECT_EQ(run.exit_code, 2) << c.args << ": " << run.err;
        EXPECT_NE(run.err.find("territoire render: "), std::string::npos) << run.err;
        EXPECT_NE(run.err.find(c.message), std::string::npos) << c.args << ": " << run.err;
        EXPECT_FALSE(fs::exists(out)) << c.args;
        EXPECT_FALSE(fs::exists(dir / "x.png")) << c.args;
    }
}

TEST(RenderPrint, RealSampleA3PdfNamesItsSourcesAndTerritories) {
    REQUIRE_SHARED_DATA();
    const fs::path dir = test::temp_dir();
    const std::string catalogue = test::cached_sample_catalogue(true);
    const fs::path pdf = dir / "touraine.pdf";
    const auto run = render(dir, "--catalogue " + test::shell_quoted(catalogue) +
                                     " --audience patrimoine --paper A3 --orientation portrait --title "
                                     "\"Touraine — heritage\" -o " +
                                     q(pdf));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string text = pdf_text(pdf);
    for (const char* expected : {"Touraine — heritage", "Offer families", "Heritage (", "Accommodation (",
                                 "80 % of the weighted offer", "Territories", "Commune", "DATAtourisme",
                                 "Licence Ouverte", "IGN Admin Express", "Sources: ", "Indre-et-Loire", "Loir-et-Cher"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected << " not in:\n" << text;
    const auto [w, h] = pdf_page_pt(pdf);
    EXPECT_NEAR(w, 297.0 * 72 / 25.4, 0.5);
    EXPECT_NEAR(h, 420.0 * 72 / 25.4, 0.5);
    EXPECT_EQ(raster_images(pdf), 0);
    EXPECT_EQ(png_size(rasterise(pdf, 30)), std::make_pair(351, 497));
}

}  // namespace
