// Smoke tests of the real binary: `territoire render` (no display, EGL) and
// `territoire gui --screenshot` under xvfb-run, on the demo catalogue. They
// check the pictures: family colours at the projected positions of known
// items, panels and legend drawn, scale bar present.
#include <gtest/gtest.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include <stb_image.h>

#include "app/gui/model/camera.hpp"
#include "app/gui/render/palette.hpp"
#include "app/gui/views/radar_view.hpp"
#include "geo/core/data_dir.hpp"
#include "geo/core/taxonomy.hpp"
#include "geo/store/catalogue.hpp"
#include "tests/support/sample_catalogue.hpp"
#include "tests/support/test_support.hpp"

namespace app::gui {
namespace {

namespace fs = std::filesystem;

const std::string kBinary = std::string(TERRITOIRE_BINARY_DIR) + "/app/territoire";
// Touraine and western Loir-et-Cher, where the demo's items sit.
constexpr geo::LonLatBox kView{0.05, 46.95, 1.95, 47.80};

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

int distance(const std::uint8_t* px, Rgba8 c) {
    return std::abs(px[0] - c.r) + std::abs(px[1] - c.g) + std::abs(px[2] - c.b);
}

// Smallest colour distance to `c` within `radius` px of (x, y).
int nearest_match(const Picture& p, int x, int y, Rgba8 c, int radius) {
    int best = 1000;
    for (int dy = -radius; dy <= radius; ++dy)
        for (int dx = -radius; dx <= radius; ++dx) {
            const int xx = x + dx, yy = y + dy;
            if (xx >= 0 && yy >= 0 && xx < p.width && yy < p.height) best = std::min(best, distance(p.at(xx, yy), c));
        }
    return best;
}

// The items of a catalogue, as the binary reads them.
std::vector<geo::OfferItem> items_of(const fs::path& catalogue) {
    auto c = geo::Catalogue::open(catalogue.string(), geo::Catalogue::Mode::read_only);
    EXPECT_TRUE(c);
    auto items = c->items();
    EXPECT_TRUE(items);
    return items ? *items : std::vector<geo::OfferItem>{};
}

bool have_xvfb() {
    return std::system("command -v xvfb-run > /dev/null 2>&1") == 0;
}

int run(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// For each family, an item inside `view` with no other item within 8 px, so
// that its disc is not covered: its colour must be at its projected position.
// Returns the families checked.
std::set<geo::Family> expect_family_colours(const Picture& p, const Camera& camera, int x0, int y0,
                                            const geo::LonLatBox& view, const std::vector<geo::OfferItem>& items) {
    std::set<geo::Family> checked;
    for (const geo::Family f : geo::kAllFamilies) {
        for (const auto& it : items) {
            if (it.family != f || !view.contains(it.position)) continue;
            const ScreenPx s = camera.to_screen(it.position);
            if (s.x_px < 20 || s.y_px < 60 || s.x_px > camera.width_px() - 20 || s.y_px > camera.height_px() - 40)
                continue;  // clear of the corner overlays
            const bool isolated = std::none_of(items.begin(), items.end(), [&](const geo::OfferItem& o) {
                if (&o == &it) return false;
                const ScreenPx q = camera.to_screen(o.position);
                return std::hypot(q.x_px - s.x_px, q.y_px - s.y_px) < 8.0;
            });
            if (!isolated) continue;
            EXPECT_LT(
                nearest_match(p, x0 + static_cast<int>(s.x_px), y0 + static_cast<int>(s.y_px), family_colour(f), 1), 45)
                << it.name << " (" << geo::family_id(f) << ")";
            checked.insert(f);
            break;
        }
    }
    return checked;
}

// Views where every family has an item clear of the others: the region, and
// closer views of Tours and Saumur (cycle stops and hotels sit in towns).
const std::vector<geo::LonLatBox> kViews = {kView, {0.62, 47.36, 0.78, 47.43}, {-0.14, 47.22, 0.02, 47.29}};

std::string bbox_arg(const geo::LonLatBox& b) {
    std::ostringstream os;
    os << b.west_deg << ',' << b.south_deg << ',' << b.east_deg << ',' << b.north_deg;
    return os.str();
}

TEST(GuiSmoke, RenderDrawsFamilyColoursAtItemPositionsWithoutADisplay) {
    const fs::path dir = test::temp_dir();
    const fs::path catalogue = test::demo_catalogue(dir);
    std::set<geo::Family> checked;
    Picture p;
    for (std::size_t v = kViews.size(); v-- > 0;) {  // the region last: its picture is kept
        const fs::path png = dir / ("render" + std::to_string(v) + ".png");
        const std::string cmd = "env -u DISPLAY " + kBinary + " render --catalogue " + catalogue.string() + " --bbox " +
                                bbox_arg(kViews[v]) + " --size 1200x800 -o " + png.string();
        ASSERT_EQ(run(cmd), 0) << cmd;
        p = load_png(png);
        ASSERT_EQ(p.width, 1200);
        ASSERT_EQ(p.height, 800);
        Camera camera;
        camera.set_viewport(1200, 800);
        camera.fit(kViews[v], 0.0);
        for (auto f : expect_family_colours(p, camera, 0, 0, kViews[v], items_of(catalogue))) checked.insert(f);
    }
    EXPECT_EQ(checked.size(), static_cast<std::size_t>(geo::kFamilyCount));
    // The legend box (top-left) shows every family colour.
    for (const geo::Family f : geo::kAllFamilies) {
        int best = 1000;
        for (int y = 10; y < 220; ++y)
            for (int x = 10; x < 40; ++x) best = std::min(best, distance(p.at(x, y), family_colour(f)));
        EXPECT_LT(best, 30) << "legend swatch for " << geo::family_id(f);
    }
}

TEST(GuiSmoke, RenderDrawsTheDemoPerimeterAndRiversAsTheReadmeCommandDoes) {
    const fs::path dir = test::temp_dir();
    const fs::path catalogue = test::demo_catalogue(dir);
    const fs::path png = dir / "demo.png";
    const std::string cmd = "env -u DISPLAY " + kBinary + " render --catalogue " + catalogue.string() +
                            " --audience patrimoine --context " + geo::data_dir() + "/demo/rivers.geojson" +
                            " --bbox " + bbox_arg(kView) + " --size 1200x800 -o " + png.string();
    ASSERT_EQ(run(cmd), 0) << cmd;
    const Picture p = load_png(png);
    ASSERT_EQ(p.width, 1200);
    Camera camera;
    camera.set_viewport(1200, 800);
    camera.fit(kView, 0.0);
    // The Loire between Amboise and Tours: vertices of the demo's river line.
    for (const geo::LonLat on_loire : {geo::LonLat{0.900, 47.402}, geo::LonLat{0.750, 47.398}}) {
        const ScreenPx s = camera.to_screen(on_loire);
        EXPECT_LT(nearest_match(p, static_cast<int>(s.x_px), static_cast<int>(s.y_px), kContextLine, 2), 60)
            << on_loire.lon_deg << ", " << on_loire.lat_deg;
    }
    // The perimeter fill covers the countryside between the Loire châteaux:
    // away from any item, the pixel is the background tinted by the fill.
    const ScreenPx inside = camera.to_screen(geo::LonLat{1.10, 47.50});
    const std::uint8_t* px = p.at(static_cast<int>(inside.x_px), static_cast<int>(inside.y_px));
    const std::uint8_t* corner = p.at(1190, 400);  // far east of the demo, outside the perimeter
    EXPECT_GT(std::abs(px[0] - corner[0]) + std::abs(px[1] - corner[1]) + std::abs(px[2] - corner[2]), 20)
        << "no perimeter fill at 1.10 E 47.50 N";
}

TEST(GuiSmoke, RenderRefusesBadInput) {
    const fs::path dir = test::temp_dir();
    EXPECT_EQ(run("env -u DISPLAY " + kBinary + " render --catalogue " + (dir / "missing.sqlite").string() + " -o " +
                  (dir / "x.png").string() + " 2> " + (dir / "err.txt").string()),
              1);
    std::ifstream err(dir / "err.txt");
    const std::string message((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
    EXPECT_NE(message.find("missing.sqlite"), std::string::npos) << message;
    EXPECT_FALSE(fs::exists(dir / "x.png"));
    EXPECT_EQ(run(kBinary + " render --bbox 3,2,1 -o " + (dir / "x.png").string() + " 2> /dev/null"), 2);
    EXPECT_EQ(run(kBinary + " render --size 12x -o " + (dir / "x.png").string() + " 2> /dev/null"), 2);
}

TEST(GuiSmoke, GuiScreenshotUnderXvfbShowsMapPanelsAndLegend) {
    if (!have_xvfb()) {
        if (const char* ci = std::getenv("CI"); ci && std::string(ci) == "true") FAIL() << "xvfb-run missing";
        GTEST_SKIP() << "xvfb-run missing";
    }
    const fs::path dir = test::temp_dir();
    const fs::path catalogue = test::demo_catalogue(dir);
    std::set<geo::Family> checked;
    Picture p;
    int x0 = -1, y0 = -1, w = 0, h = 0;
    for (std::size_t v = kViews.size(); v-- > 0;) {  // the region last: its picture is kept
        const fs::path png = dir / ("gui" + std::to_string(v) + ".png");
        const fs::path out = dir / "stdout.txt";
        const std::string cmd = "LANG=fr_FR.UTF-8 xvfb-run -a -s '-screen 0 1920x1080x24' " + kBinary +
                                " gui --catalogue " + catalogue.string() + " --bbox " + bbox_arg(kViews[v]) +
                                " --size 1600x900 --frames 3 --screenshot " + png.string() + " > " + out.string();
        ASSERT_EQ(run(cmd), 0) << cmd;
        p = load_png(png);
        ASSERT_EQ(p.width, 1600);
        ASSERT_EQ(p.height, 900);
        // Where the map canvas is, as the GUI reports it.
        std::ifstream in(out);
        std::string line, word;
        while (std::getline(in, line))
            if (line.rfind("map canvas", 0) == 0) std::istringstream(line) >> word >> word >> x0 >> y0 >> w >> h;
        ASSERT_GT(w, 300);
        ASSERT_GT(h, 300);
        Camera camera;
        camera.set_viewport(w, h);
        camera.fit(kViews[v], 0.0);
        for (auto f : expect_family_colours(p, camera, x0, y0, kViews[v], items_of(catalogue))) checked.insert(f);
    }
    EXPECT_EQ(checked.size(), static_cast<std::size_t>(geo::kFamilyCount));

    // Panels: text (dark pixels) on both sides of the map, and the legend's
    // family swatches in the left panel.
    auto dark_pixels = [&](int xa, int xb) {
        int n = 0;
        for (int y = 30; y < p.height; ++y)
            for (int x = xa; x < xb; ++x)
                if (p.at(x, y)[0] < 90 && p.at(x, y)[1] < 90 && p.at(x, y)[2] < 90) ++n;
        return n;
    };
    EXPECT_GT(dark_pixels(0, x0), 2000);
    EXPECT_GT(dark_pixels(x0 + w, p.width), 2000);
    for (const geo::Family f : geo::kAllFamilies) {
        int best = 1000;
        for (int y = 30; y < p.height; ++y)
            for (int x = 0; x < x0; ++x) best = std::min(best, distance(p.at(x, y), family_colour(f)));
        EXPECT_LT(best, 30) << "legend swatch for " << geo::family_id(f);
    }
    // Scale bar: dark pixels in the canvas's bottom-left corner.
    int scale = 0;
    for (int y = y0 + h - 30; y < y0 + h; ++y)
        for (int x = x0; x < x0 + 160; ++x)
            if (p.at(x, y)[0] < 80) ++scale;
    EXPECT_GT(scale, 50);
}

// The canvas rectangle the GUI printed ("map canvas X Y W H ...").
std::array<int, 4> canvas_of(const fs::path& stdout_file) {
    std::array<int, 4> r{-1, -1, 0, 0};
    std::ifstream in(stdout_file);
    std::string line, word;
    while (std::getline(in, line))
        if (line.rfind("map canvas", 0) == 0) std::istringstream(line) >> word >> word >> r[0] >> r[1] >> r[2] >> r[3];
    return r;
}

// Pixels of the gap ramp (yellow-orange to dark red over the light map): red
// well above blue and the green below the red.
int gap_like_pixels(const Picture& p, int xa, int ya, int xb, int yb) {
    int n = 0;
    for (int y = ya; y < yb; ++y)
        for (int x = xa; x < xb; ++x) {
            const std::uint8_t* px = p.at(x, y);
            if (px[0] > 150 && px[0] - px[2] > 70 && px[1] < px[0] - 25) ++n;
        }
    return n;
}

int near_colour(const Picture& p, int xa, int ya, int xb, int yb, Rgba8 c, int tolerance) {
    int n = 0;
    for (int y = ya; y < yb; ++y)
        for (int x = xa; x < xb; ++x)
            if (distance(p.at(x, y), c) < tolerance) ++n;
    return n;
}

TEST(GuiSmoke, SampleWithBenchmarkPanelRadarAndGapsLayer) {
    REQUIRE_SHARED_DATA();
    if (!have_xvfb()) {
        if (const char* ci = std::getenv("CI"); ci && std::string(ci) == "true") FAIL() << "xvfb-run missing";
        GTEST_SKIP() << "xvfb-run missing";
    }
    const fs::path dir = test::temp_dir();
    const fs::path catalogue = dir / "sample.sqlite";
    (void)test::sample_catalogue(catalogue.string(), true);
    const auto shot = [&](const std::string& extra, const std::string& name) {
        const fs::path png = dir / (name + ".png"), out = dir / (name + ".txt");
        const std::string cmd = "LANG=fr_FR.UTF-8 xvfb-run -a -s '-screen 0 1920x1080x24' " + kBinary +
                                " gui --catalogue " + catalogue.string() +
                                " --audience familles-nature --size 1600x900 --frames 3 " + extra + " --screenshot " +
                                png.string() + " > " + out.string();
        EXPECT_EQ(run(cmd), 0) << cmd;
        return std::make_pair(load_png(png), canvas_of(out));
    };
    const auto [plain, c0] = shot("", "plain");
    const auto [p, c] = shot("--gaps --compare departement:37 --against departement:41 --open benchmark", "analyses");
    ASSERT_EQ(p.width, 1600);
    ASSERT_EQ(plain.width, 1600);
    ASSERT_GT(c[2], 300);
    ASSERT_EQ(c, c0);
    const int x0 = c[0], y0 = c[1], w = c[2], h = c[3];

    // Gaps layer: many more gap-ramp pixels on the map than without it
    // (family discs of the same hues are in both pictures).
    const int with_gaps = gap_like_pixels(p, x0, y0, x0 + w, y0 + h);
    const int without = gap_like_pixels(plain, x0, y0, x0 + w, y0 + h);
    EXPECT_GT(with_gaps - without, 4000) << with_gaps << " vs " << without;

    // Benchmark panel (right of the canvas): the radar's polygons, ours in
    // the perimeter indigo, the competitor in its own colour, and text.
    const int right = x0 + w;
    EXPECT_GT(near_colour(p, right, y0, p.width, p.height, radar_series_colour(0), 40), 80);
    EXPECT_GT(near_colour(p, right, y0, p.width, p.height, radar_series_colour(1), 40), 80);
    EXPECT_LT(near_colour(plain, right, y0, plain.width, plain.height, radar_series_colour(1), 40), 20);
    int dark = 0;
    for (int y = y0; y < p.height; ++y)
        for (int x = right; x < p.width; ++x)
            if (p.at(x, y)[0] < 90 && p.at(x, y)[1] < 90 && p.at(x, y)[2] < 90) ++dark;
    EXPECT_GT(dark, 1500);
}

}  // namespace
}  // namespace app::gui
