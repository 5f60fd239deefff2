#pragma once
// The page of a printed map and the map drawn on it: paper sizes (ISO A4,
// A3, portrait or landscape) or a pixel size at a resolution, the Web
// Mercator view that fits an extent into a frame of the page, and a scale bar
// of a round ground length measured at the map's latitude.
//
//   Page (millimetres)                 Mercator (EPSG:3857, display only)
//   (0,0) +-------> x_mm               y_m ^ north
//         |                                |
//    y_mm v  down                          +-------> x_m east
//   origin: the page's top-left corner; 1 mm = dpi / 25.4 pixels.
//
// The map frame is drawn in spherical Web Mercator, as the screen map is:
// conformal, so a regional map keeps its shapes; its scale varies with
// latitude as 1 / cos(lat), which the scale bar accounts for at the frame
// centre. Pure functions and value types: thread-safe, no I/O.
// Failure: print_page refuses an unknown paper, a resolution outside
// [kMinDpi, kMaxDpi] and raster pages beyond kMaxRasterPixels, saying which value.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "geo/core/coords.hpp"
#include "geo/core/error.hpp"

namespace geo {

enum class PaperSize : std::uint8_t { a4, a3 };
enum class PageOrientation : std::uint8_t { portrait, landscape };

inline constexpr double kMinDpi = 36.0;
inline constexpr double kMaxDpi = 1200.0;
inline constexpr double kMaxRasterPixels = 150e6;  // a PNG page: 600 MB of RGBA at most
inline constexpr double kMmPerInch = 25.4;

// "A4", "a3" (case-insensitive). Failure: the value and the sizes known.
Result<PaperSize> parse_paper_size(std::string_view text);
// "portrait" or "landscape". Failure: the value and the two choices.
Result<PageOrientation> parse_orientation(std::string_view text);
std::string_view paper_name(PaperSize paper);  // "A4"

// What is asked for: a paper size, or a pixel size when `paper` is empty.
struct PageRequest {
    std::optional<PaperSize> paper;
    PageOrientation orientation = PageOrientation::landscape;
    int width_px = 0, height_px = 0;  // without paper
    double dpi = 150.0;
    bool raster = true;  // a PNG: kMaxRasterPixels applies (a PDF's pixels are only its scale)
};

struct PrintPage {
    double width_mm = 0.0, height_mm = 0.0;
    double dpi = 150.0;
    int width_px = 0, height_px = 0;  // the page rasterised at `dpi`
    [[nodiscard]] double px_per_mm() const { return dpi / kMmPerInch; }
};

// The page for a request: A4 is 210 × 297 mm and A3 297 × 420 mm (ISO 216),
// rasterised at the dpi rounded to the pixel (A4 at 300 dpi: 2480 × 3508);
// a pixel size is kept exact and its millimetres follow from the dpi.
Result<PrintPage> print_page(const PageRequest& request);

// A rectangle of the page, in millimetres from its top-left corner.
struct BoxMm {
    double x_mm = 0.0, y_mm = 0.0, width_mm = 0.0, height_mm = 0.0;
    [[nodiscard]] double right_mm() const { return x_mm + width_mm; }
    [[nodiscard]] double bottom_mm() const { return y_mm + height_mm; }
};

struct PagePoint {
    double x_mm = 0.0, y_mm = 0.0;
};

// Spherical Web Mercator (EPSG:3857), latitudes clamped to ±85.0511°.
Projected web_mercator_from_lonlat(LonLat p);
LonLat lonlat_from_web_mercator(Projected m);

// The view of the map inside `frame`: Mercator centre and scale.
struct PrintMapView {
    BoxMm frame;
    Projected centre;  // Web Mercator metres, at the frame's centre
    double mercator_m_per_mm = 1.0;
    [[nodiscard]] PagePoint to_page(LonLat p) const;
    [[nodiscard]] LonLat to_lonlat(PagePoint p) const;
    // Ground metres per page millimetre at the latitude of the frame centre.
    [[nodiscard]] double ground_m_per_mm() const;
    // The paper scale 1 : N at the frame centre (N = ground mm per page mm).
    [[nodiscard]] double scale_denominator() const { return ground_m_per_mm() * 1000.0; }
};

// The view that shows all of `extent` inside `frame` with `margin_mm` kept
// free on each side, centred; never closer than 1:25,000 (a point gets that
// view around it). An empty extent gives metropolitan France.
PrintMapView fit_print_view(const BoxMm& frame, const LonLatBox& extent, double margin_mm);

// The longest 1-2-5 round length (…, 500 m, 1 km, 2 km, 5 km, …) not above
// `max_length_m`; 0 when max_length_m ≤ 0 or not finite.
double round_scale_length_m(double max_length_m);
// "500 m", "1.5 km", "20 km".
std::string format_scale_length(double length_m);

struct PrintScaleBar {
    double length_m = 0.0;  // a round ground length
    double width_mm = 0.0;  // on the page
    int segments = 1;       // alternating black and white parts
    std::string label;      // "5 km"
};

// The bar of a round length at most `max_width_mm` wide for `view`.
PrintScaleBar print_scale_bar(const PrintMapView& view, double max_width_mm);

}  // namespace geo
