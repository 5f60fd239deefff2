#pragma once
// The figures of the destination report as plain vector drawings — paths,
// discs and text in figure millimetres — so the HTML writer (inline SVG) and
// the PDF writer (cairo paths) draw the same figure from one description.
//
//   Figure (millimetres)
//   (0,0) +-------> x_mm
//         |
//    y_mm v  down          origin: the figure's top-left corner
//
// Maps are drawn in spherical Web Mercator (print_page.hpp: fit_print_view),
// as the screen map is, with a scale bar measured at the map's centre; rings
// are thinned to points at least kFigureMinStepMm apart on the figure.
// Pure functions and value types: thread-safe, no I/O, cannot fail (an empty
// layer draws nothing; an empty extent shows metropolitan France).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/analysis/destination_report.hpp"
#include "geo/analysis/print_page.hpp"

namespace geo {

enum class ReportLanguage : std::uint8_t { fr, en };

inline constexpr double kFigureMinStepMm = 0.2;

struct FigureColour {
    std::uint8_t r = 0, g = 0, b = 0;
    double alpha = 1.0;
};

struct FigurePath {
    std::vector<std::vector<PagePoint>> rings;  // each ring or line in figure mm
    bool closed = true;                         // rings (filled even-odd) or open lines
    std::optional<FigureColour> fill;
    std::optional<FigureColour> stroke;
    double stroke_mm = 0.3;
    bool dashed = false;
};

struct FigureDisc {
    PagePoint centre;
    double radius_mm = 0.5;
    FigureColour fill;
};

enum class TextAnchor : std::uint8_t { start, middle, end };

struct FigureText {
    PagePoint at;  // baseline point
    std::string text;
    double size_mm = 3.0;
    FigureColour colour;
    TextAnchor anchor = TextAnchor::start;
    bool bold = false;
};

// Drawn in this order: paths, discs, texts; everything clipped to the figure.
struct ReportFigure {
    double width_mm = 170.0, height_mm = 110.0;
    std::string description;  // what it shows, for the alt text
    std::optional<FigureColour> background;
    std::vector<FigurePath> paths;
    std::vector<FigureDisc> discs;
    std::vector<FigureText> texts;
};

// Our territory (outline), the competitors (dashed, named), the perimeter
// (filled) and the attractions that shaped it (family colours), framed on the
// perimeter and our territory; a legend and a scale bar.
ReportFigure perimeter_map_figure(const DestinationReport& report, const ReportTarget& target, ReportLanguage lang,
                                  double width_mm, double height_mm);
// The perimeter (outline) and its top gap zones, filled and numbered 1, 2, …
// as in the gap table; a legend and a scale bar.
ReportFigure gaps_map_figure(const DestinationReport& report, const ReportTarget& target, ReportLanguage lang,
                             double width_mm, double height_mm);
// One horizontal bar per ranked segment: its name and score.
ReportFigure segment_bars_figure(const SegmentsResult& segments, ReportLanguage lang, double width_mm);
// Radar of our offer density against the competitors' mean, per family:
// radius = ratio / kRadarMaxRatio (capped), the parity ring (× 1) marked;
// the families the audience does not weigh are named in grey.
inline constexpr double kRadarMaxRatio = 2.0;
ReportFigure radar_figure(const BenchmarkResult& benchmark, ReportLanguage lang, double size_mm);

// Numbers as the language writes them: "1 234,5" (narrow no-break space,
// decimal comma) or "1,234.5".
std::string report_number(double value, int decimals, ReportLanguage lang);

}  // namespace geo
