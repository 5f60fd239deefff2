#pragma once
// The map camera: which part of the world the map canvas shows, in Web
// Mercator (EPSG:3857, spherical, display only — never measure in it).
//
//   ScreenPx (canvas pixels)          Mercator (EPSG:3857, metres)
//   (0,0) +-------> x_px              y_m ^  north, +20037508.34 at ~85.05°N
//         |                                |
//         |                     -20037508  +-------> x_m east, +20037508.34
//    y_px v  down                 origin (0,0) = lon 0°, lat 0°
//   origin: top-left corner of the map canvas (not of the window)
//
// LonLat is geo::LonLat (WGS 84 degrees). The camera holds the centre in
// Mercator metres, the resolution in Mercator metres per pixel (zoom level z
// means 156543.03392804097 / 2^z m/px, the usual 256-px tile pyramid) and
// the viewport size. All doubles: floats only appear in GPU vertex buffers.
// A plain value type; not thread-safe, owned by the main thread.
// Failures: none (arithmetic): zoom, centre and viewport size are clamped; a zoom factor <= 0 or non-finite
//   and an empty fit box are ignored; a scale bar with no room is empty (length 0).
#include <string>

#include "geo/core/coords.hpp"

namespace app::gui {

struct ScreenPx {
    double x_px = 0.0;
    double y_px = 0.0;
};

struct Mercator {
    double x_m = 0.0;
    double y_m = 0.0;
};

inline constexpr double kEarthRadiusM = 6378137.0;                 // EPSG:3857 sphere
inline constexpr double kMercatorHalfWorldM = 20037508.342789244;  // pi * R
inline constexpr double kMercatorMaxLatDeg = 85.051128779806589;
inline constexpr double kZoom0MetresPerPx = 156543.03392804097;  // 2 pi R / 256

// Latitudes beyond ±85.0511° are clamped (Web Mercator is unbounded there).
Mercator mercator_from_lonlat(geo::LonLat p);
geo::LonLat lonlat_from_mercator(Mercator m);

// A scale bar: a round ground length and the pixels it spans on screen.
struct ScaleBar {
    double length_m = 0.0;
    double width_px = 0.0;
    std::string label;  // "500 m", "2 km"
};

class Camera {
public:
    static constexpr double kMinZoom = 1.0;
    static constexpr double kMaxZoom = 20.0;

    Camera();

    void set_viewport(int width_px, int height_px);
    [[nodiscard]] int width_px() const { return m_width_px; }
    [[nodiscard]] int height_px() const { return m_height_px; }

    [[nodiscard]] Mercator center() const { return m_center; }
    void set_center(Mercator c);
    void set_center(geo::LonLat c) { set_center(mercator_from_lonlat(c)); }

    // Mercator metres per screen pixel (not ground metres: see scale_bar()).
    [[nodiscard]] double metres_per_px() const { return m_metres_per_px; }
    [[nodiscard]] double zoom() const;
    void set_zoom(double zoom);  // clamped to [kMinZoom, kMaxZoom]

    [[nodiscard]] ScreenPx to_screen(Mercator m) const;
    [[nodiscard]] Mercator to_mercator(ScreenPx s) const;
    [[nodiscard]] ScreenPx to_screen(geo::LonLat p) const { return to_screen(mercator_from_lonlat(p)); }
    [[nodiscard]] geo::LonLat to_lonlat(ScreenPx s) const { return lonlat_from_mercator(to_mercator(s)); }

    // The Mercator rectangle currently visible, as {min, max} corners.
    [[nodiscard]] Mercator visible_min() const;
    [[nodiscard]] Mercator visible_max() const;

    // Multiplies the zoom scale by `factor` (> 1 zooms in) keeping the point
    // under `cursor` where it is on screen (as far as the zoom clamp allows).
    void zoom_around(ScreenPx cursor, double factor);
    // Moves the map with the hand: content follows a drag of (dx, dy) pixels.
    void pan_by_px(double dx_px, double dy_px);
    // Shows the whole box with at least `margin_px` around it. A degenerate
    // box (one point) is shown at `point_zoom`.
    void fit(const geo::LonLatBox& box, double margin_px, double point_zoom = 14.0);

    // A 1-2-5 round ground length no wider than `max_width_px`, measured at
    // the latitude of the canvas centre (ground m = Mercator m × cos(lat)).
    [[nodiscard]] ScaleBar scale_bar(double max_width_px) const;

    // Changes whenever the view changes, so renderers rebuild only then.
    [[nodiscard]] unsigned revision() const { return m_revision; }

private:
    void clamp();

    Mercator m_center;
    double m_metres_per_px;
    int m_width_px = 1;
    int m_height_px = 1;
    unsigned m_revision = 0;
};

// "500 m", "1.5 km", "20 km": a ground length with the unit a reader expects.
std::string format_length(double length_m);

}  // namespace app::gui
