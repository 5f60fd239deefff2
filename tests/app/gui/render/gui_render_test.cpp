// The map renderer on a real GL context without a window (EGL surfaceless,
// llvmpipe): family colours at the projected item positions, perimeter
// fill, territory outlines, aggregation above the threshold.
#include "app/gui/render/map_renderer.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

#include "app/gui/render/headless_gl.hpp"
#include "app/gui/render/offscreen.hpp"
#include "app/gui/render/palette.hpp"
#include "tests/support/test_support.hpp"

namespace app::gui {
namespace {

using namespace std::chrono_literals;

int colour_distance(const std::uint8_t* px, Rgba8 c) {
    return std::abs(px[0] - c.r) + std::abs(px[1] - c.g) + std::abs(px[2] - c.b);
}

geo::OfferItem item(geo::Family family, double lon, double lat) {
    geo::OfferItem it;
    it.name = std::string(geo::family_id(family));
    it.family = family;
    it.position = {lon, lat};
    return it;
}

geo::MultiPolygon box(double w, double s, double e, double n) {
    geo::MultiPolygon mp;
    mp.polygons.push_back({{{{w, s}, {e, s}, {e, n}, {w, n}, {w, s}}}});
    return mp;
}

class RenderTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto gl = HeadlessGl::create();
        if (!gl) {
            if (const char* ci = std::getenv("CI"); ci && std::string(ci) == "true") FAIL() << gl.error().message;
            GTEST_SKIP() << "no headless OpenGL: " << gl.error().message;
        }
        m_gl.emplace(std::move(*gl));
        auto target = Offscreen::create(800, 600);
        ASSERT_TRUE(target) << target.error().message;
        m_target.emplace(std::move(*target));
        auto renderer = MapRenderer::create();
        ASSERT_TRUE(renderer) << renderer.error().message;
        m_renderer = std::move(*renderer);
        m_model.camera().set_viewport(800, 600);
    }
    void TearDown() override {
        m_renderer.reset();
        m_target.reset();
    }

    Image render() {
        EXPECT_TRUE(m_renderer->wait_until_idle(m_model, 10s));
        m_target->bind();
        m_renderer->draw(m_model, 0, 0);
        return read_pixels(0, 0, 800, 600);
    }

    std::optional<HeadlessGl> m_gl;
    std::optional<Offscreen> m_target;
    std::unique_ptr<MapRenderer> m_renderer;
    MapModel m_model;
};

TEST_F(RenderTest, FamilyColoursAtItemPositionsPerimeterFillAndOutlines) {
    std::vector<geo::OfferItem> items;
    for (int f = 0; f < geo::kFamilyCount; ++f)
        items.push_back(item(static_cast<geo::Family>(f), 0.5 + 0.12 * f, 47.2 + 0.05 * (f % 3)));
    m_model.set_items(items);
    m_model.set_perimeters({{0.8, box(0.45, 47.15, 0.95, 47.35)}});
    geo::Territory dep;
    dep.name = "Test";
    dep.level = geo::TerritoryLevel::departement;
    dep.geometry = box(0.3, 47.0, 1.6, 47.6);
    m_model.set_territories({dep});
    m_model.camera().fit(m_model.data_extent(), 40.0);

    const Image image = render();
    ASSERT_TRUE(write_png((test::temp_dir() / "map.png").string(), image));  // to look at
    for (const auto& it : items) {
        const ScreenPx s = m_model.camera().to_screen(it.position);
        const int x = static_cast<int>(s.x_px), y = static_cast<int>(s.y_px);
        EXPECT_LT(colour_distance(image.at(x, y), family_colour(it.family)), 40) << it.name << " at " << x << "," << y;
    }
    // Background outside the territory.
    EXPECT_LT(colour_distance(image.at(2, 2), kMapBackground), 6);
    // Perimeter fill: a spot inside the perimeter, away from items, tinted towards indigo.
    const ScreenPx in = m_model.camera().to_screen(geo::LonLat{0.47, 47.33});
    const std::uint8_t* p = image.at(static_cast<int>(in.x_px), static_cast<int>(in.y_px));
    EXPECT_GT(colour_distance(p, kMapBackground), 20);
    EXPECT_GT(p[2], p[1]);  // more blue than green: indigo over blue-grey
    // Département outline: a dark pixel on the west edge.
    const ScreenPx edge = m_model.camera().to_screen(geo::LonLat{0.3, 47.45});
    int darkest = 255;
    for (int dx = -2; dx <= 2; ++dx)
        darkest = std::min<int>(darkest, image.at(static_cast<int>(edge.x_px) + dx, static_cast<int>(edge.y_px))[0]);
    EXPECT_LT(darkest, 130);
    EXPECT_FALSE(m_renderer->stats().aggregated);
    EXPECT_EQ(m_renderer->stats().visible_items, items.size());
    ASSERT_EQ(m_renderer->territory_labels().size(), 1u);
    EXPECT_EQ(m_renderer->territory_labels()[0].name, "Test");
}

TEST_F(RenderTest, SelectionPickingAndOpacity) {
    m_model.set_items({item(geo::Family::heritage, 1.0, 47.0), item(geo::Family::nature, 1.2, 47.1)});
    m_model.camera().set_center(geo::LonLat{1.1, 47.05});
    m_model.camera().set_zoom(10.0);
    (void)render();
    const ScreenPx s = m_model.camera().to_screen(geo::LonLat{1.2, 47.1});
    EXPECT_EQ(m_renderer->pick(m_model, {s.x_px + 3, s.y_px - 2}), std::optional<std::size_t>(1));
    EXPECT_FALSE(m_renderer->pick(m_model, {s.x_px + 40, s.y_px}));

    m_model.select(1);
    Image image = render();
    // The selected disc is larger, with a dark ring: a dark pixel 6-8 px from the centre.
    int darkest = 255;
    for (int dx = 4; dx <= 9; ++dx)
        darkest = std::min<int>(darkest, image.at(static_cast<int>(s.x_px) + dx, static_cast<int>(s.y_px))[1]);
    EXPECT_LT(darkest, 60);

    m_model.layers().set_visible("items", false);
    image = render();
    EXPECT_LT(colour_distance(image.at(static_cast<int>(s.x_px), static_cast<int>(s.y_px)), kMapBackground), 6);
}

TEST_F(RenderTest, AggregatesAboveTheThresholdAndStillShowsTheFamilies) {
    std::mt19937 rng(1);
    std::normal_distribution<double> lon(1.0, 0.3), lat(47.3, 0.2);
    std::vector<geo::OfferItem> items;
    for (int i = 0; i < 60'000; ++i)
        items.push_back(item(i % 2 ? geo::Family::accommodation : geo::Family::accommodation, lon(rng), lat(rng)));
    m_model.set_items(std::move(items));
    m_model.camera().fit(m_model.data_extent(), 20.0);
    const Image image = render();
    EXPECT_TRUE(m_renderer->stats().aggregated);
    EXPECT_EQ(m_renderer->stats().visible_items, 60'000u);
    EXPECT_LT(m_renderer->stats().drawn_points, 15'000u);
    const ScreenPx c = m_model.camera().to_screen(geo::LonLat{1.0, 47.3});
    EXPECT_LT(colour_distance(image.at(static_cast<int>(c.x_px), static_cast<int>(c.y_px)),
                              family_colour(geo::Family::accommodation)),
              60);
    // Zoomed in, individual items again.
    m_model.camera().set_zoom(14.0);
    (void)render();
    EXPECT_FALSE(m_renderer->stats().aggregated);
}

TEST(Offscreen, WritePngReportsTheFile) {
    Image image{2, 2, std::vector<std::uint8_t>(16, 200)};
    const auto dir = test::temp_dir();
    EXPECT_TRUE(write_png((dir / "ok.png").string(), image));
    const auto bad = write_png((dir / "missing-folder" / "x.png").string(), image);
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("missing-folder/x.png"), std::string::npos);
}

}  // namespace
}  // namespace app::gui
