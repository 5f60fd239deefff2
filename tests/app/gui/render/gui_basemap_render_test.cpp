// Basemaps in `territoire render` (the real binary, EGL, no display): a
// raster MBTiles written here with GDAL (gdal_translate's MBTiles driver,
// then overviews as gdaladdo makes them) and the OpenStreetMap extract of
// Tours, under the demo's offer items.
//
// Screenshot tests in the maplibre render-test manner: each picture is
// compared with an expected PNG under tests/data/render/ pixel by pixel; a
// pixel differs when a channel is off by more than kChannelTolerance, and
// the test fails when more than kMaxDifferingShare of the pixels differ (a
// diff picture is written next to the rendered one). Regenerate the expected
// pictures after a deliberate change of the map's look with
//   TERRITOIRE_UPDATE_EXPECTED=1 ctest -R GuiBasemapRender
// and look at them before committing. Pixel probes check what the pictures
// must show regardless: the raster's colours under the items, a road in its
// class colour, the items on top.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <stb_image.h>
#include <stb_image_write.h>

#include "app/gui/model/camera.hpp"
#include "app/gui/render/basemap_style.hpp"
#include "app/gui/render/palette.hpp"
#include "geo/io/osm_basemap.hpp"
#include "geo/store/catalogue.hpp"
#include "tests/support/raster_fixture.hpp"
#include "tests/support/test_support.hpp"

namespace app::gui {
namespace {

namespace fs = std::filesystem;

const std::string kBinary = std::string(TERRITOIRE_BINARY_DIR) + "/app/territoire";
constexpr int kWidthPx = 480, kHeightPx = 300;
constexpr int kChannelTolerance = 24;
constexpr double kMaxDifferingShare = 0.005;
// Touraine (the raster's four quadrants meet at Tours) and the station
// district of Tours, the OSM extract's area.
constexpr geo::LonLatBox kRegion{0.1, 47.1, 1.3, 47.7};
constexpr geo::LonLatBox kStation{0.670, 47.378, 0.712, 47.398};

struct Picture {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgb;
    [[nodiscard]] const std::uint8_t* at(int x, int y) const {
        return rgb.data() + (static_cast<std::size_t>(y) * width + x) * 3;
    }
};

Picture load_png(const fs::path& path) {
    Picture p;
    int channels = 0;
    unsigned char* data = stbi_load(path.string().c_str(), &p.width, &p.height, &channels, 3);
    if (data == nullptr) return p;
    p.rgb.assign(data, data + static_cast<std::size_t>(p.width) * p.height * 3);
    stbi_image_free(data);
    return p;
}

std::string bbox_arg(const geo::LonLatBox& b) {
    std::ostringstream os;
    os << b.west_deg << ',' << b.south_deg << ',' << b.east_deg << ',' << b.north_deg;
    return os.str();
}

int run(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Renders the demo catalogue over `basemaps` at `view`; returns the PNG.
fs::path render(const fs::path& dir, const std::string& name, const geo::LonLatBox& view,
                const std::vector<fs::path>& basemaps) {
    const fs::path png = dir / (name + ".png");
    std::string cmd = "env -u DISPLAY XDG_CACHE_HOME=" + (dir / "cache").string() + " " + kBinary +
                      " render --catalogue " + test::demo_catalogue(dir).string() + " --bbox " + bbox_arg(view) +
                      " --size " + std::to_string(kWidthPx) + "x" + std::to_string(kHeightPx) + " -o " + png.string();
    for (const fs::path& b : basemaps) cmd += " --basemap " + b.string();
    EXPECT_EQ(run(cmd + " 2> " + (dir / (name + ".err")).string()), 0) << cmd;
    return png;
}

Camera camera_for(const geo::LonLatBox& view) {
    Camera camera;
    camera.set_viewport(kWidthPx, kHeightPx);
    camera.fit(view, 0.0);
    return camera;
}

// Compares with tests/data/render/<name>.png (or rewrites it when asked).
void expect_matches_expected(const fs::path& rendered, const std::string& name) {
    const fs::path expected = test::test_data() / "render" / (name + ".png");
    if (const char* update = std::getenv("TERRITOIRE_UPDATE_EXPECTED"); update && std::string(update) == "1") {
        fs::copy_file(rendered, expected, fs::copy_options::overwrite_existing);
        GTEST_SKIP() << "expected picture rewritten: " << expected;
    }
    const Picture want = load_png(expected), got = load_png(rendered);
    ASSERT_GT(want.width, 0) << expected << " missing: run with TERRITOIRE_UPDATE_EXPECTED=1";
    ASSERT_EQ(got.width, want.width);
    ASSERT_EQ(got.height, want.height);
    std::vector<std::uint8_t> diff(got.rgb.size(), 255);
    std::size_t differing = 0;
    for (std::size_t i = 0; i < got.rgb.size(); i += 3) {
        int worst = 0;
        for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(got.rgb[i + c] - want.rgb[i + c]));
        if (worst > kChannelTolerance) {
            ++differing;
            diff[i + 1] = diff[i + 2] = 0;  // red where the pictures differ
        }
    }
    const double share = static_cast<double>(differing) / (got.rgb.size() / 3);
    if (share > kMaxDifferingShare) {
        const fs::path diff_png = fs::path(rendered).replace_extension(".diff.png");
        stbi_write_png(diff_png.c_str(), got.width, got.height, 3, diff.data(), got.width * 3);
        ADD_FAILURE() << name << ": " << differing << " pixels (" << share * 100 << " %) differ by more than "
                      << kChannelTolerance << " from " << expected << "; diff: " << diff_png;
    }
}

int distance(const std::uint8_t* px, Rgba8 c) {
    return std::abs(px[0] - c.r) + std::abs(px[1] - c.g) + std::abs(px[2] - c.b);
}
int distance(const std::uint8_t* px, test::Rgb8 c) {
    return distance(px, Rgba8{c.r, c.g, c.b, 255});
}

const std::uint8_t* probe(const Picture& p, const Camera& camera, geo::LonLat at) {
    const ScreenPx s = camera.to_screen(at);
    return p.at(std::clamp(static_cast<int>(s.x_px), 0, p.width - 1),
                std::clamp(static_cast<int>(s.y_px), 0, p.height - 1));
}

class GuiBasemapRender : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = test::temp_dir();
        m_mbtiles = test::write_quadrant_mbtiles(m_dir);
        ASSERT_FALSE(m_mbtiles.empty());
    }
    fs::path m_dir, m_mbtiles;
};

TEST_F(GuiBasemapRender, RasterMbtilesUnderTheItems) {
    const fs::path png = render(m_dir, "region", kRegion, {m_mbtiles});
    const Picture p = load_png(png);
    ASSERT_EQ(p.width, kWidthPx);
    const Camera camera = camera_for(kRegion);
    // Tile pixels have the raster's colours, one quadrant each side of Tours
    // (probes away from the items, the legend and the attribution).
    EXPECT_LT(distance(probe(p, camera, {0.45, 47.2}), test::kQuadrantSW), 12);
    EXPECT_LT(distance(probe(p, camera, {1.2, 47.15}), test::kQuadrantSE), 12);
    EXPECT_LT(distance(probe(p, camera, {1.25, 47.65}), test::kQuadrantNE), 12);
    // The items are drawn over it: some family colour stands out of the quadrants.
    auto c = geo::Catalogue::open((m_dir / "demo.sqlite").string(), geo::Catalogue::Mode::read_only);
    ASSERT_TRUE(c);
    auto items = c->items();
    ASSERT_TRUE(items);
    int on_top = 0;
    for (const geo::OfferItem& it : *items) {
        if (!kRegion.contains(it.position)) continue;
        const ScreenPx s = camera.to_screen(it.position);
        if (s.x_px < 250 || s.y_px < 10 || s.y_px > kHeightPx - 30) continue;  // clear of the legend
        on_top += distance(probe(p, camera, it.position), family_colour(it.family)) < 60;
    }
    EXPECT_GT(on_top, 5);
    expect_matches_expected(png, "basemap_region");
}

TEST_F(GuiBasemapRender, OsmBasemapOverTheRasterAtTheStation) {
    REQUIRE_SHARED_DATA();
    const fs::path pbf = test::shared_data() / "poi/osm/tours.osm.pbf";
    const fs::path png = render(m_dir, "station", kStation, {m_mbtiles, pbf});
    const Picture p = load_png(png);
    ASSERT_EQ(p.width, kWidthPx);
    const Camera camera = camera_for(kStation);
    // A primary road's pixels have the primary colour: the middle of each of
    // its long segments inside the view, clear of the items and overlays.
    auto osm = geo::read_osm_basemap(pbf.string());
    ASSERT_TRUE(osm) << osm.error().message;
    const Rgba8 primary = basemap_line_style(geo::BasemapClass::primary).colour;
    int probed = 0, matched = 0;
    for (const geo::BasemapLine& line : osm->bands[0].lines) {
        if (line.cls != geo::BasemapClass::primary) continue;
        for (std::size_t i = 1; i < line.points.size(); ++i) {
            const ScreenPx a = camera.to_screen(line.points[i - 1]), b = camera.to_screen(line.points[i]);
            if (std::hypot(b.x_px - a.x_px, b.y_px - a.y_px) < 12) continue;
            const ScreenPx m{(a.x_px + b.x_px) / 2, (a.y_px + b.y_px) / 2};
            if (m.x_px < 250 || m.x_px > kWidthPx - 10 || m.y_px < 10 || m.y_px > kHeightPx - 30) continue;
            ++probed;
            matched += distance(p.at(static_cast<int>(m.x_px), static_cast<int>(m.y_px)), primary) < 40;
        }
    }
    ASSERT_GT(probed, 3);
    EXPECT_GE(matched, probed * 3 / 4) << matched << " of " << probed << " primary-road probes";
    // The raster shows around the extract: the station lies just south of
    // where the quadrants meet (0.7 E, 47.4 N), the south-east one east of it.
    EXPECT_LT(distance(probe(p, camera, {0.714, 47.392}), test::kQuadrantSE), 12);
    expect_matches_expected(png, "basemap_station");
}

TEST_F(GuiBasemapRender, PrintedPageListsAndCreditsTheBasemaps) {
    REQUIRE_SHARED_DATA();
    const fs::path pdf = m_dir / "page.pdf", text = m_dir / "page.txt";
    const std::string cmd =
        "env -u DISPLAY XDG_CACHE_HOME=" + (m_dir / "cache").string() + " " + kBinary + " render --catalogue " +
        test::demo_catalogue(m_dir).string() + " --bbox " + bbox_arg(kStation) + " --basemap " + m_mbtiles.string() +
        " --basemap " + (test::shared_data() / "poi/osm/tours.osm.pbf").string() + " --title Gare -o " + pdf.string();
    ASSERT_EQ(run(cmd), 0) << cmd;
    ASSERT_EQ(run("pdftotext " + pdf.string() + " " + text.string()), 0);
    std::ifstream in(text);
    const std::string words((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const char* expected :
         {"tours.osm.pbf (© OpenStreetMap contributors)", "quadrants.mbtiles (Quadrants © Territoire tests)"})
        EXPECT_NE(words.find(expected), std::string::npos) << "legend: " << expected << " in\n" << words;
    // Attribution line: both credits.
    EXPECT_NE(words.find("Quadrants © Territoire tests, © OpenStreetMap contributors"), std::string::npos) << words;
    // The page renders, the raster's colour under the vector basemap.
    ASSERT_EQ(run("pdftoppm -r 40 -png -singlefile " + pdf.string() + " " + (m_dir / "page").string()), 0);
    const Picture page = load_png(m_dir / "page.png");
    ASSERT_GT(page.width, 0);
    int raster = 0;
    for (int y = 0; y < page.height; y += 4)
        for (int x = 0; x < page.width; x += 4) raster += distance(page.at(x, y), test::kQuadrantSW) < 20;
    EXPECT_GT(raster, 50);
}

TEST_F(GuiBasemapRender, UnreadableBasemapFailsWithTheFileNamed) {
    const fs::path bad = m_dir / "broken.mbtiles";
    std::ofstream(bad) << "not a database";
    const std::string cmd = "env -u DISPLAY " + kBinary + " render --catalogue " +
                            test::demo_catalogue(m_dir).string() + " --basemap " + bad.string() + " -o " +
                            (m_dir / "x.png").string() + " 2> " + (m_dir / "err.txt").string();
    EXPECT_EQ(run(cmd), 1);
    std::ifstream err(m_dir / "err.txt");
    const std::string message((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
    EXPECT_NE(message.find("broken.mbtiles: neither a raster nor a vector file GDAL can read"), std::string::npos)
        << message;
    EXPECT_FALSE(fs::exists(m_dir / "x.png"));
}

}  // namespace
}  // namespace app::gui
