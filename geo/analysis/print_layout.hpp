#pragma once
// The layout of a printed map page (print_page.hpp for the page, the map
// view and the scale bar): where the title, subtitle, map frame, legend,
// scale bar, north arrow and attribution go, in page millimetres.
//
//   +--------------------------------------------+
//   | Title                                      |
//   | subtitle (audience · level · date)         |
//   | +----------------------------------------+ |
//   | | map frame                    +-------+ | |
//   | |                              |legend | | |   the legend in the corner
//   | |                              +-------+ | |   of the frame that covers
//   | +----------------------------------------+ |   least of the perimeter
//   | [scale bar]  N        attribution, sources |
//   +--------------------------------------------+
//
// Text is measured by the caller's TextWidth (the drawing side knows its
// fonts); estimated_text_width_mm is a font-free estimate for tests.
// Pure: inputs by const&, result by value, no I/O; thread-safe.
// Failure: a page too small for the title, footer and a map frame.
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/analysis/print_page.hpp"
#include "geo/core/error.hpp"
#include "geo/core/geometry.hpp"

namespace geo {

// Width in mm of `text` set at a font size of `size_mm` (the em height), in
// the bold face or the regular one (legend headings are bold).
using TextWidth = std::function<double(std::string_view text, double size_mm, bool bold)>;
// 0.55 em per character (UTF-8 code points), 0.62 in bold: a sans-serif's average.
double estimated_text_width_mm(std::string_view text, double size_mm, bool bold);

enum class LegendSwatch : std::uint8_t {
    heading,           // a section title, no swatch
    family,            // a disc of the family's colour (key: Family index)
    item_size,         // a small and a large disc: items sized by their weight
    perimeter_main,    // the chosen perimeter level: fill and bold outline
    perimeter_nested,  // a level around it: fill and thin dashed outline
    territory,         // an outline of a territory level (key: TerritoryLevel)
    context_area,      // a context layer's polygons (key: context index)
    context_line,      // a context layer's lines (rivers, roads…)
    basemap_road,      // an OSM basemap: a cased main road
    basemap_raster,    // a raster basemap: a picture tile
    gap_ramp,          // the gap score ramp, low to high
    density_ramp,      // the density surface's ramp, low to high
};

struct LegendRow {
    LegendSwatch swatch = LegendSwatch::heading;
    int key = 0;
    std::string text;
};

enum class Corner : std::uint8_t { top_right, top_left, bottom_right, bottom_left };

// The area of `polygons` (page millimetres) inside `box`: each ring clipped
// to the box, holes subtracted.
double covered_area_mm2(const std::vector<std::vector<PagePoint>>& outer_rings,
                        const std::vector<std::vector<PagePoint>>& hole_rings, const BoxMm& box);

// The rings of `area` on the page of `view`, outer rings and holes apart.
struct PageRings {
    std::vector<std::vector<PagePoint>> outer, holes;
};
PageRings page_rings(const PrintMapView& view, const MultiPolygon& area);

// What the legend may cover in each corner, least first: the area of the
// `avoid` polygons under it (each nested perimeter level counts, so covering
// the core weighs more than covering the fringe; differences under 0.5 mm²
// do not count), then the items under it, then the order of Corner.
struct CornerChoice {
    Corner corner = Corner::top_right;
    BoxMm box;
    std::array<double, 4> covered_mm2{};         // by Corner
    std::array<std::size_t, 4> items_covered{};  // by Corner
};
CornerChoice least_covered_corner(const PrintMapView& view, double width_mm, double height_mm, double inset_mm,
                                  const std::vector<MultiPolygon>& avoid, const std::vector<LonLat>& items);

struct PrintContent {
    std::string title;
    std::string subtitle;
    std::vector<LegendRow> legend;
    std::string attribution;          // may be long: wrapped to the footer
    LonLatBox extent;                 // what the map must show
    std::vector<MultiPolygon> avoid;  // what the legend should not cover (the perimeter levels)
    std::vector<LonLat> items;        // and, second, the items
};

// Sizes, in millimetres (font sizes are em heights).
struct PrintStyle {
    double margin_mm = 10.0;
    double title_mm = 6.4, subtitle_mm = 3.9, legend_mm = 3.1, footer_mm = 2.6;
    double line_factor = 1.45;  // line height / font size
    double legend_padding_mm = 2.5, swatch_mm = 7.0, legend_inset_mm = 3.0;
    double map_margin_mm = 4.0;  // between the data and the frame
    double scale_bar_max_mm = 50.0;
    double north_arrow_mm = 11.0;
};

struct PlacedText {
    std::string text;
    PagePoint baseline;  // left end of the baseline
    double size_mm = 0.0;
};

struct PlacedLegendRow {
    LegendRow row;
    BoxMm swatch;        // where the swatch goes (empty width for headings)
    PagePoint baseline;  // of the text
};

struct PrintLayout {
    PrintPage page;
    PrintStyle style;
    PlacedText title, subtitle;
    PrintMapView map;     // its frame is the map's box
    CornerChoice legend;  // the legend box and why it is there
    std::vector<PlacedLegendRow> legend_rows;
    PrintScaleBar scale_bar;
    PagePoint scale_bar_at;  // left end of the bar's baseline
    PagePoint scale_label_at;
    std::string scale_text;  // "1 : 250 000"
    PagePoint scale_text_at;
    BoxMm north_arrow;
    std::vector<PlacedText> attribution;  // right-aligned lines
};

Result<PrintLayout> layout_print(const PrintPage& page, const PrintContent& content, const TextWidth& width,
                                 const PrintStyle& style = {});

// Splits `text` at spaces into lines no wider than `max_width_mm` (a word
// longer than that gets a line of its own).
std::vector<std::string> wrap_text(std::string_view text, double size_mm, double max_width_mm, const TextWidth& width);

}  // namespace geo
