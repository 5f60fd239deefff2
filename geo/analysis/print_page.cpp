#include "geo/analysis/print_page.hpp"

#include "geo/core/text_fold.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

namespace geo {
namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;
constexpr double kRadToDeg = 180.0 / std::numbers::pi;
constexpr double kEarthRadiusM = 6378137.0;  // EPSG:3857 sphere
constexpr double kMaxLatDeg = 85.051128779806589;

}  // namespace

Result<PaperSize> parse_paper_size(std::string_view text) {
    const std::string t = ascii_lower(text);
    if (t == "a4") return PaperSize::a4;
    if (t == "a3") return PaperSize::a3;
    return fail_fmt("unknown paper size \"{}\" (expected A4 or A3)", text);
}

Result<PageOrientation> parse_orientation(std::string_view text) {
    const std::string t = ascii_lower(text);
    if (t == "portrait") return PageOrientation::portrait;
    if (t == "landscape") return PageOrientation::landscape;
    return fail_fmt("unknown orientation \"{}\" (expected portrait or landscape)", text);
}

std::string_view paper_name(PaperSize paper) {
    return paper == PaperSize::a3 ? "A3" : "A4";
}

Result<PrintPage> print_page(const PageRequest& request) {
    if (!(request.dpi >= kMinDpi && request.dpi <= kMaxDpi))
        return fail_fmt("resolution {:g} dpi outside [{:g}, {:g}]", request.dpi, kMinDpi, kMaxDpi);
    PrintPage page;
    page.dpi = request.dpi;
    if (request.paper) {
        double short_mm = 210.0, long_mm = 297.0;
        if (*request.paper == PaperSize::a3) short_mm = 297.0, long_mm = 420.0;
        const bool portrait = request.orientation == PageOrientation::portrait;
        page.width_mm = portrait ? short_mm : long_mm;
        page.height_mm = portrait ? long_mm : short_mm;
        page.width_px = static_cast<int>(std::lround(page.width_mm * page.px_per_mm()));
        page.height_px = static_cast<int>(std::lround(page.height_mm * page.px_per_mm()));
    } else {
        if (request.width_px < 64 || request.height_px < 64)
            return fail_fmt("page size {}x{} px too small (at least 64x64)", request.width_px, request.height_px);
        page.width_px = request.width_px;
        page.height_px = request.height_px;
        page.width_mm = request.width_px / page.px_per_mm();
        page.height_mm = request.height_px / page.px_per_mm();
    }
    const double pixels = static_cast<double>(page.width_px) * page.height_px;
    if (request.raster && pixels > kMaxRasterPixels)
        return fail_fmt(
            "page of {}x{} px ({:.0f} megapixels) above the {:.0f} megapixels a picture may have; "
            "lower the dpi",
            page.width_px, page.height_px, pixels / 1e6, kMaxRasterPixels / 1e6);
    return page;
}

Projected web_mercator_from_lonlat(LonLat p) {
    const double lat = std::clamp(p.lat_deg, -kMaxLatDeg, kMaxLatDeg);
    return {kEarthRadiusM * p.lon_deg * kDegToRad,
            kEarthRadiusM * std::log(std::tan(std::numbers::pi / 4.0 + lat * kDegToRad / 2.0))};
}

LonLat lonlat_from_web_mercator(Projected m) {
    return {m.x_m / kEarthRadiusM * kRadToDeg,
            (2.0 * std::atan(std::exp(m.y_m / kEarthRadiusM)) - std::numbers::pi / 2.0) * kRadToDeg};
}

PagePoint PrintMapView::to_page(LonLat p) const {
    const Projected m = web_mercator_from_lonlat(p);
    return {frame.x_mm + frame.width_mm / 2.0 + (m.x_m - centre.x_m) / mercator_m_per_mm,
            frame.y_mm + frame.height_mm / 2.0 - (m.y_m - centre.y_m) / mercator_m_per_mm};
}

LonLat PrintMapView::to_lonlat(PagePoint p) const {
    return lonlat_from_web_mercator({centre.x_m + (p.x_mm - frame.x_mm - frame.width_mm / 2.0) * mercator_m_per_mm,
                                     centre.y_m - (p.y_mm - frame.y_mm - frame.height_mm / 2.0) * mercator_m_per_mm});
}

double PrintMapView::ground_m_per_mm() const {
    return mercator_m_per_mm * std::cos(lonlat_from_web_mercator(centre).lat_deg * kDegToRad);
}

PrintMapView fit_print_view(const BoxMm& frame, const LonLatBox& extent, double margin_mm) {
    PrintMapView view;
    view.frame = frame;
    const LonLatBox box = extent.empty() ? LonLatBox{-5.2, 41.3, 9.6, 51.1} : extent;
    const Projected lo = web_mercator_from_lonlat({box.west_deg, box.south_deg});
    const Projected hi = web_mercator_from_lonlat({box.east_deg, box.north_deg});
    view.centre = {(lo.x_m + hi.x_m) / 2.0, (lo.y_m + hi.y_m) / 2.0};
    const double w_mm = std::max(frame.width_mm - 2.0 * margin_mm, 1.0);
    const double h_mm = std::max(frame.height_mm - 2.0 * margin_mm, 1.0);
    double m_per_mm = std::max((hi.x_m - lo.x_m) / w_mm, (hi.y_m - lo.y_m) / h_mm);
    const double cos_lat = std::cos(lonlat_from_web_mercator(view.centre).lat_deg * kDegToRad);
    const double point_m_per_mm = 25.0 / std::max(cos_lat, 1e-6);  // 1:25,000 on the ground
    m_per_mm = std::max(m_per_mm, point_m_per_mm);
    view.mercator_m_per_mm = m_per_mm;
    return view;
}

double round_scale_length_m(double max_length_m) {
    if (!(max_length_m > 0.0) || !std::isfinite(max_length_m)) return 0.0;
    const double decade = std::pow(10.0, std::floor(std::log10(max_length_m)));
    for (const double step : {5.0, 2.0, 1.0})
        if (step * decade <= max_length_m * (1.0 + 1e-12)) return step * decade;
    return decade;
}

std::string format_scale_length(double length_m) {
    if (length_m >= 1000.0) return fmt::format("{:g} km", length_m / 1000.0);
    return fmt::format("{:g} m", length_m);
}

PrintScaleBar print_scale_bar(const PrintMapView& view, double max_width_mm) {
    PrintScaleBar bar;
    const double m_per_mm = view.ground_m_per_mm();
    bar.length_m = round_scale_length_m(max_width_mm * m_per_mm);
    if (bar.length_m <= 0.0) return bar;
    bar.width_mm = bar.length_m / m_per_mm;
    // 5 km in five 1 km parts, 2 km in four, 1 km in five (or two when short).
    const double lead = bar.length_m / std::pow(10.0, std::floor(std::log10(bar.length_m) + 1e-9));
    bar.segments = lead > 4.5 ? 5 : lead > 1.5 ? 4 : 5;
    if (bar.width_mm / bar.segments < 3.0) bar.segments = bar.segments == 4 ? 2 : 1;
    bar.label = format_scale_length(bar.length_m);
    return bar;
}

}  // namespace geo
