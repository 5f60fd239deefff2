#include "app/gui/model/camera.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

namespace app::gui {
namespace {
constexpr double kDegToRad = std::numbers::pi / 180.0;
constexpr double kRadToDeg = 180.0 / std::numbers::pi;

double metres_per_px_at(double zoom) {
    return kZoom0MetresPerPx / std::exp2(zoom);
}
}  // namespace

Mercator mercator_from_lonlat(geo::LonLat p) {
    const double lat = std::clamp(p.lat_deg, -kMercatorMaxLatDeg, kMercatorMaxLatDeg);
    return {kEarthRadiusM * p.lon_deg * kDegToRad,
            kEarthRadiusM * std::log(std::tan(std::numbers::pi / 4.0 + lat * kDegToRad / 2.0))};
}

geo::LonLat lonlat_from_mercator(Mercator m) {
    return {m.x_m / kEarthRadiusM * kRadToDeg,
            (2.0 * std::atan(std::exp(m.y_m / kEarthRadiusM)) - std::numbers::pi / 2.0) * kRadToDeg};
}

Camera::Camera() : m_center{}, m_metres_per_px(metres_per_px_at(5.0)) {}

void Camera::set_viewport(int width_px, int height_px) {
    width_px = std::max(width_px, 1);
    height_px = std::max(height_px, 1);
    if (width_px == m_width_px && height_px == m_height_px) return;
    m_width_px = width_px;
    m_height_px = height_px;
    ++m_revision;
}

void Camera::set_center(Mercator c) {
    m_center = c;
    clamp();
    ++m_revision;
}

double Camera::zoom() const {
    return std::log2(kZoom0MetresPerPx / m_metres_per_px);
}

void Camera::set_zoom(double zoom) {
    m_metres_per_px = metres_per_px_at(std::clamp(zoom, kMinZoom, kMaxZoom));
    ++m_revision;
}

void Camera::clamp() {
    m_metres_per_px = std::clamp(m_metres_per_px, metres_per_px_at(kMaxZoom), metres_per_px_at(kMinZoom));
    m_center.x_m = std::clamp(m_center.x_m, -kMercatorHalfWorldM, kMercatorHalfWorldM);
    m_center.y_m = std::clamp(m_center.y_m, -kMercatorHalfWorldM, kMercatorHalfWorldM);
}

ScreenPx Camera::to_screen(Mercator m) const {
    return {(m.x_m - m_center.x_m) / m_metres_per_px + m_width_px / 2.0,
            m_height_px / 2.0 - (m.y_m - m_center.y_m) / m_metres_per_px};
}

Mercator Camera::to_mercator(ScreenPx s) const {
    return {m_center.x_m + (s.x_px - m_width_px / 2.0) * m_metres_per_px,
            m_center.y_m - (s.y_px - m_height_px / 2.0) * m_metres_per_px};
}

Mercator Camera::visible_min() const {
    return to_mercator({0.0, static_cast<double>(m_height_px)});
}
Mercator Camera::visible_max() const {
    return to_mercator({static_cast<double>(m_width_px), 0.0});
}

void Camera::zoom_around(ScreenPx cursor, double factor) {
    if (!(factor > 0.0) || !std::isfinite(factor)) return;
    const Mercator anchor = to_mercator(cursor);
    m_metres_per_px /= factor;
    m_metres_per_px = std::clamp(m_metres_per_px, metres_per_px_at(kMaxZoom), metres_per_px_at(kMinZoom));
    // Put the anchor back under the cursor.
    m_center.x_m = anchor.x_m - (cursor.x_px - m_width_px / 2.0) * m_metres_per_px;
    m_center.y_m = anchor.y_m + (cursor.y_px - m_height_px / 2.0) * m_metres_per_px;
    clamp();
    ++m_revision;
}

void Camera::pan_by_px(double dx_px, double dy_px) {
    m_center.x_m -= dx_px * m_metres_per_px;
    m_center.y_m += dy_px * m_metres_per_px;
    clamp();
    ++m_revision;
}

void Camera::fit(const geo::LonLatBox& box, double margin_px, double point_zoom) {
    if (box.empty()) return;
    const Mercator lo = mercator_from_lonlat({box.west_deg, box.south_deg});
    const Mercator hi = mercator_from_lonlat({box.east_deg, box.north_deg});
    m_center = {(lo.x_m + hi.x_m) / 2.0, (lo.y_m + hi.y_m) / 2.0};
    const double usable_w = std::max(m_width_px - 2.0 * margin_px, 1.0);
    const double usable_h = std::max(m_height_px - 2.0 * margin_px, 1.0);
    const double mpp = std::max((hi.x_m - lo.x_m) / usable_w, (hi.y_m - lo.y_m) / usable_h);
    m_metres_per_px = mpp > 0.0 ? mpp : metres_per_px_at(point_zoom);
    clamp();
    ++m_revision;
}

ScaleBar Camera::scale_bar(double max_width_px) const {
    const geo::LonLat c = lonlat_from_mercator(m_center);
    const double ground_m_per_px = m_metres_per_px * std::cos(c.lat_deg * kDegToRad);
    const double max_m = max_width_px * ground_m_per_px;
    ScaleBar bar;
    if (!(max_m > 0.0)) return bar;
    const double decade = std::pow(10.0, std::floor(std::log10(max_m)));
    for (double step : {5.0, 2.0, 1.0}) {
        if (step * decade <= max_m) {
            bar.length_m = step * decade;
            break;
        }
    }
    bar.width_px = bar.length_m / ground_m_per_px;
    bar.label = format_length(bar.length_m);
    return bar;
}

std::string format_length(double length_m) {
    if (length_m >= 1000.0) return fmt::format("{:g} km", length_m / 1000.0);
    return fmt::format("{:g} m", length_m);
}

}  // namespace app::gui
