// Camera model tests, without GL: projection round trips, zoom around the
// cursor, pan, fit and scale bar.
#include "app/gui/model/camera.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "geo/detail/handles.hpp"

namespace app::gui {
namespace {

TEST(Camera, MercatorMatchesProjEpsg3857) {
    // Golden values from PROJ itself, tolerance 1e-6 m.
    geo::detail::ProjContext ctx(proj_context_create());
    geo::detail::ProjPtr raw(proj_create_crs_to_crs(ctx.get(), "EPSG:4326", "EPSG:3857", nullptr));
    ASSERT_TRUE(raw);
    geo::detail::ProjPtr pj(proj_normalize_for_visualization(ctx.get(), raw.get()));
    ASSERT_TRUE(pj);
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> lon(-180.0, 180.0), lat(-85.0, 85.0);
    for (int i = 0; i < 1000; ++i) {
        const geo::LonLat p{lon(rng), lat(rng)};
        const PJ_COORD out = proj_trans(pj.get(), PJ_FWD, proj_coord(p.lon_deg, p.lat_deg, 0, 0));
        const Mercator m = mercator_from_lonlat(p);
        EXPECT_NEAR(m.x_m, out.xy.x, 1e-6) << p.lon_deg << " " << p.lat_deg;
        EXPECT_NEAR(m.y_m, out.xy.y, 1e-6) << p.lon_deg << " " << p.lat_deg;
    }
}

TEST(Camera, LonLatMercatorRoundTrip) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> lon(-180.0, 180.0), lat(-85.0, 85.0);
    for (int i = 0; i < 10000; ++i) {
        const geo::LonLat p{lon(rng), lat(rng)};
        const geo::LonLat q = lonlat_from_mercator(mercator_from_lonlat(p));
        EXPECT_NEAR(q.lon_deg, p.lon_deg, 1e-9);
        EXPECT_NEAR(q.lat_deg, p.lat_deg, 1e-9);
    }
    EXPECT_NEAR(mercator_from_lonlat({180.0, 0.0}).x_m, kMercatorHalfWorldM, 1e-6);
    EXPECT_NEAR(mercator_from_lonlat({0.0, 90.0}).y_m, kMercatorHalfWorldM, 1e-3);  // clamped
}

TEST(Camera, ScreenMercatorRoundTripAndAxes) {
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> zoom(3.0, 19.0), px(0.0, 1600.0), lon(-5.0, 9.0), lat(41.0, 51.0);
    for (int i = 0; i < 2000; ++i) {
        Camera cam;
        cam.set_viewport(1600, 900);
        cam.set_center(geo::LonLat{lon(rng), lat(rng)});
        cam.set_zoom(zoom(rng));
        const ScreenPx s{px(rng), px(rng) * 900.0 / 1600.0};
        const ScreenPx back = cam.to_screen(cam.to_mercator(s));
        EXPECT_NEAR(back.x_px, s.x_px, 1e-6);
        EXPECT_NEAR(back.y_px, s.y_px, 1e-6);
        const ScreenPx via_lonlat = cam.to_screen(cam.to_lonlat(s));
        EXPECT_NEAR(via_lonlat.x_px, s.x_px, 1e-5);
        EXPECT_NEAR(via_lonlat.y_px, s.y_px, 1e-5);
    }
    Camera cam;
    cam.set_viewport(800, 600);
    cam.set_center(geo::LonLat{1.0, 47.0});
    const ScreenPx c = cam.to_screen(geo::LonLat{1.0, 47.0});
    EXPECT_DOUBLE_EQ(c.x_px, 400.0);
    EXPECT_DOUBLE_EQ(c.y_px, 300.0);
    // East is right, north is up (smaller y_px).
    EXPECT_GT(cam.to_screen(geo::LonLat{1.1, 47.0}).x_px, 400.0);
    EXPECT_LT(cam.to_screen(geo::LonLat{1.0, 47.1}).y_px, 300.0);
    EXPECT_LT(cam.visible_min().x_m, cam.visible_max().x_m);
    EXPECT_LT(cam.visible_min().y_m, cam.visible_max().y_m);
}

TEST(Camera, ZoomAroundCursorKeepsThePointUnderTheCursor) {
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> x(0.0, 1600.0), y(0.0, 900.0), f(0.25, 4.0),
        zoom(5.0, 17.0);  // the view stays inside ±85° of latitude
    for (int i = 0; i < 2000; ++i) {
        Camera cam;
        cam.set_viewport(1600, 900);
        cam.set_center(geo::LonLat{0.7, 47.4});
        cam.set_zoom(zoom(rng));
        const ScreenPx cursor{x(rng), y(rng)};
        const geo::LonLat before = cam.to_lonlat(cursor);
        const double z0 = cam.zoom();
        const double factor = f(rng);
        cam.zoom_around(cursor, factor);
        EXPECT_NEAR(cam.zoom(), z0 + std::log2(factor), 1e-9);
        const ScreenPx after = cam.to_screen(before);
        EXPECT_NEAR(after.x_px, cursor.x_px, 1e-6);
        EXPECT_NEAR(after.y_px, cursor.y_px, 1e-6);
    }
}

TEST(Camera, ZoomIsClamped) {
    Camera cam;
    cam.set_viewport(100, 100);
    cam.set_zoom(40.0);
    EXPECT_NEAR(cam.zoom(), Camera::kMaxZoom, 1e-9);
    cam.zoom_around({50, 50}, 1e-9);
    EXPECT_NEAR(cam.zoom(), Camera::kMinZoom, 1e-9);
    cam.zoom_around({50, 50}, -1.0);  // ignored
    EXPECT_NEAR(cam.zoom(), Camera::kMinZoom, 1e-9);
}

TEST(Camera, PanMovesContentWithTheHand) {
    Camera cam;
    cam.set_viewport(1000, 800);
    cam.set_center(geo::LonLat{0.69, 47.39});
    cam.set_zoom(12.0);
    const geo::LonLat tours{0.6848, 47.3941};
    const ScreenPx before = cam.to_screen(tours);
    const unsigned rev = cam.revision();
    cam.pan_by_px(120.0, -45.0);
    const ScreenPx after = cam.to_screen(tours);
    EXPECT_NEAR(after.x_px - before.x_px, 120.0, 1e-6);
    EXPECT_NEAR(after.y_px - before.y_px, -45.0, 1e-6);
    EXPECT_NE(cam.revision(), rev);
}

TEST(Camera, FitShowsTheWholeBoxWithMargin) {
    Camera cam;
    cam.set_viewport(1600, 900);
    geo::LonLatBox box;  // Touraine and Loir-et-Cher
    box.extend(geo::LonLat{0.05297, 46.73662});
    box.extend(geo::LonLat{2.24789, 48.13283});
    cam.fit(box, 40.0);
    const ScreenPx sw = cam.to_screen(geo::LonLat{box.west_deg, box.south_deg});
    const ScreenPx ne = cam.to_screen(geo::LonLat{box.east_deg, box.north_deg});
    EXPECT_GE(sw.x_px, 40.0 - 1e-6);
    EXPECT_LE(ne.x_px, 1600.0 - 40.0 + 1e-6);
    EXPECT_GE(ne.y_px, 40.0 - 1e-6);
    EXPECT_LE(sw.y_px, 900.0 - 40.0 + 1e-6);
    // Tight in one dimension (here the height).
    EXPECT_NEAR(sw.y_px - ne.y_px, 900.0 - 80.0, 1e-6);

    geo::LonLatBox point;
    point.extend(geo::LonLat{1.517218, 47.616126});
    cam.fit(point, 40.0, 15.0);
    EXPECT_NEAR(cam.zoom(), 15.0, 1e-9);
    EXPECT_NEAR(cam.to_screen(geo::LonLat{1.517218, 47.616126}).x_px, 800.0, 1e-6);
}

TEST(Camera, ScaleBarIsRoundAndFits) {
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> zoom(2.0, 19.0), lat(-70.0, 70.0);
    for (int i = 0; i < 500; ++i) {
        Camera cam;
        cam.set_viewport(1600, 900);
        cam.set_center(geo::LonLat{0.0, lat(rng)});
        cam.set_zoom(zoom(rng));
        const ScaleBar bar = cam.scale_bar(150.0);
        ASSERT_GT(bar.length_m, 0.0);
        EXPECT_LE(bar.width_px, 150.0 + 1e-9);
        EXPECT_GE(bar.width_px, 150.0 * 0.4 - 1e-9);  // 1-2-5 steps lose at most 60 %
        const double mantissa = bar.length_m / std::pow(10.0, std::floor(std::log10(bar.length_m)));
        EXPECT_TRUE(std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 || std::abs(mantissa - 5) < 1e-9)
            << bar.length_m;
    }
    // At 47.4°N, zoom 10: 152.87 Mercator m/px × cos(47.4°) = 103.4 ground m/px.
    Camera cam;
    cam.set_viewport(1600, 900);
    cam.set_center(geo::LonLat{0.7, 47.4});
    cam.set_zoom(10.0);
    const ScaleBar bar = cam.scale_bar(200.0);
    EXPECT_EQ(bar.length_m, 20000.0);
    EXPECT_EQ(bar.label, "20 km");
    EXPECT_NEAR(bar.width_px, 20000.0 / (kZoom0MetresPerPx / 1024.0 * std::cos(47.4 * M_PI / 180)), 1e-6);
}

TEST(Camera, FormatLength) {
    EXPECT_EQ(format_length(500.0), "500 m");
    EXPECT_EQ(format_length(1000.0), "1 km");
    EXPECT_EQ(format_length(2000.0), "2 km");
    EXPECT_EQ(format_length(50.0), "50 m");
}

}  // namespace
}  // namespace app::gui
