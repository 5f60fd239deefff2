#include "geo/io/report_figures.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "geo/core/family_colours.hpp"

namespace geo {
namespace {

constexpr FigureColour kInk{33, 33, 33};
constexpr FigureColour kMuted{110, 110, 110};
constexpr FigureColour kWater{236, 241, 244};
constexpr FigureColour kGapFill{214, 69, 65, 0.6};
constexpr double kMarginMm = 4.0;

FigureColour colour(Rgb8 c, double alpha = 1.0) {
    return {c.r, c.g, c.b, alpha};
}

std::string_view text_of(ReportLanguage lang, std::string_view fr, std::string_view en) {
    return lang == ReportLanguage::fr ? fr : en;
}

std::string_view family_text(Family f, ReportLanguage lang) {
    return lang == ReportLanguage::fr ? family_name_fr(f) : family_name_en(f);
}

// The ring on the figure, without points closer than kFigureMinStepMm to the
// last one kept (the closing point always kept).
std::vector<PagePoint> thin_ring(const Ring& ring, const PrintMapView& view) {
    std::vector<PagePoint> out;
    out.reserve(ring.size());
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const PagePoint p = view.to_page(ring[i]);
        if (!out.empty() && i + 1 < ring.size() &&
            std::hypot(p.x_mm - out.back().x_mm, p.y_mm - out.back().y_mm) < kFigureMinStepMm)
            continue;
        out.push_back(p);
    }
    return out;
}

FigurePath area_path(const MultiPolygon& area, const PrintMapView& view) {
    FigurePath path;
    for (const Polygon& polygon : area.polygons)
        for (const Ring& ring : polygon.rings) {
            auto thin = thin_ring(ring, view);
            if (thin.size() >= 3) path.rings.push_back(std::move(thin));
        }
    return path;
}

// An empty map figure of that size on the water colour.
ReportFigure map_frame(double width_mm, double height_mm) {
    ReportFigure f;
    f.width_mm = width_mm;
    f.height_mm = height_mm;
    f.background = kWater;
    return f;
}

PrintMapView map_view(double width_mm, double height_mm, const LonLatBox& extent) {
    return fit_print_view(BoxMm{0.0, 0.0, width_mm, height_mm}, extent, kMarginMm);
}

void add_text(ReportFigure& f, PagePoint at, std::string text, double size_mm, FigureColour c,
              TextAnchor anchor = TextAnchor::start, bool bold = false) {
    f.texts.push_back({at, std::move(text), size_mm, c, anchor, bold});
}

// A legend swatch and its label, top to bottom from the figure's top-left.
void add_legend_row(ReportFigure& f, int row, const FigurePath& style, std::string label) {
    const double y = 5.0 + 5.0 * row;
    FigurePath swatch = style;
    swatch.rings = {{{4.0, y - 2.6}, {9.0, y - 2.6}, {9.0, y + 0.4}, {4.0, y + 0.4}}};
    f.paths.push_back(std::move(swatch));
    add_text(f, {11.0, y}, std::move(label), 2.8, kInk);
}

void add_scale_bar(ReportFigure& f, const PrintMapView& view) {
    const PrintScaleBar bar = print_scale_bar(view, f.width_mm / 5.0);
    if (bar.width_mm <= 0.0) return;
    const double x = f.width_mm - kMarginMm - bar.width_mm, y = f.height_mm - kMarginMm;
    FigurePath line;
    line.closed = false;
    line.stroke = kInk;
    line.stroke_mm = 0.5;
    line.rings = {{{x, y - 1.5}, {x, y}, {x + bar.width_mm, y}, {x + bar.width_mm, y - 1.5}}};
    f.paths.push_back(std::move(line));
    add_text(f, {x + bar.width_mm / 2.0, y - 2.0}, bar.label, 2.6, kInk, TextAnchor::middle);
}

LonLatBox framed_extent(const DestinationReport& report, const ReportTarget& target) {
    LonLatBox box = target.perimeter.geometry.bounds();
    box.extend(report.ours.geometry.bounds());
    return box;
}

FigurePath ours_style() {
    FigurePath p;
    p.stroke = kInk;
    p.stroke_mm = 0.6;
    return p;
}

FigurePath competitor_style() {
    FigurePath p;
    p.stroke = kMuted;
    p.stroke_mm = 0.35;
    p.dashed = true;
    return p;
}

FigurePath perimeter_style(bool filled) {
    FigurePath p;
    if (filled) p.fill = colour(kPerimeterRgb, 0.28);
    p.stroke = colour(kPerimeterRgb);
    p.stroke_mm = 0.5;
    return p;
}

template <class Style>
void add_area(ReportFigure& f, const MultiPolygon& area, const PrintMapView& view, Style style) {
    FigurePath p = area_path(area, view);
    if (p.rings.empty()) return;
    p.fill = style.fill;
    p.stroke = style.stroke;
    p.stroke_mm = style.stroke_mm;
    p.dashed = style.dashed;
    f.paths.push_back(std::move(p));
}

// Competitors' names at their box centres when inside the frame.
void add_competitors(ReportFigure& f, const DestinationReport& report, const PrintMapView& view) {
    for (const Territory& t : report.competitors) {
        add_area(f, t.geometry, view, competitor_style());
        const LonLatBox b = t.geometry.bounds();
        if (b.empty()) continue;
        const PagePoint c = view.to_page({(b.west_deg + b.east_deg) / 2.0, (b.south_deg + b.north_deg) / 2.0});
        if (c.x_mm > 20.0 && c.x_mm < f.width_mm - 20.0 && c.y_mm > 8.0 && c.y_mm < f.height_mm - 8.0)
            add_text(f, c, t.name, 3.0, kMuted, TextAnchor::middle);
    }
}

}  // namespace

std::string report_number(double value, int decimals, ReportLanguage lang) {
    if (!std::isfinite(value)) return "—";
    std::string digits = fmt::format("{:.{}f}", std::fabs(value), std::max(decimals, 0));
    const std::size_t dot = digits.find('.');
    std::string whole = digits.substr(0, dot), fraction = dot == std::string::npos ? "" : digits.substr(dot + 1);
    const std::string group = lang == ReportLanguage::fr ? "\u202f" : ",";
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) grouped += group;
        grouped += whole[i];
    }
    const bool negative = value < 0.0 && std::stod(digits) != 0.0;
    std::string out = (negative ? "-" : "") + grouped;
    if (!fraction.empty()) out += (lang == ReportLanguage::fr ? "," : ".") + fraction;
    return out;
}

ReportFigure perimeter_map_figure(const DestinationReport& report, const ReportTarget& target, ReportLanguage lang,
                                  double width_mm, double height_mm) {
    ReportFigure f = map_frame(width_mm, height_mm);
    const PrintMapView view = map_view(width_mm, height_mm, framed_extent(report, target));
    add_competitors(f, report, view);
    add_area(f, target.perimeter.geometry, view, perimeter_style(true));
    add_area(f, report.ours.geometry, view, ours_style());
    const double max_weight = target.attraction_weights.empty() ? 1.0
                                                                : *std::max_element(target.attraction_weights.begin(),
                                                                                    target.attraction_weights.end());
    for (std::size_t i = 0; i < target.attractions.size(); ++i) {
        const double w = max_weight > 0.0 ? target.attraction_weights[i] / max_weight : 1.0;
        f.discs.push_back({view.to_page(target.attractions[i]), 0.35 + 0.45 * std::sqrt(w), kMuted});
    }
    add_legend_row(f, 0, perimeter_style(true),
                   fmt::format("{} {} %", text_of(lang, "Périmètre de destination", "Destination perimeter"),
                               report_number(100.0 * target.perimeter.level, 0, lang)));
    add_legend_row(f, 1, ours_style(), report.ours.name);
    if (!report.competitors.empty())
        add_legend_row(f, 2, competitor_style(), std::string(text_of(lang, "Concurrents", "Competitors")));
    add_scale_bar(f, view);
    f.description =
        fmt::format("{} — {}", text_of(lang, "Carte du périmètre de destination", "Destination perimeter map"),
                    lang == ReportLanguage::fr ? target.audience.name_fr : target.audience.name_en);
    return f;
}

ReportFigure gaps_map_figure(const DestinationReport& report, const ReportTarget& target, ReportLanguage lang,
                             double width_mm, double height_mm) {
    ReportFigure f = map_frame(width_mm, height_mm);
    const PrintMapView view = map_view(width_mm, height_mm, target.perimeter.geometry.bounds());
    add_area(f, report.ours.geometry, view, ours_style());
    add_area(f, target.perimeter.geometry, view, perimeter_style(false));
    FigurePath gap_style;
    gap_style.fill = kGapFill;
    gap_style.stroke = FigureColour{60, 20, 30};
    gap_style.stroke_mm = 0.25;
    for (std::size_t z = 0; z < target.gap_zones.size(); ++z) {
        add_area(f, target.gap_zones[z].geometry, view, gap_style);
        const PagePoint c = view.to_page(target.gap_zones[z].label_point);
        f.discs.push_back({c, 2.2, FigureColour{255, 255, 255, 0.9}});
        add_text(f, {c.x_mm, c.y_mm + 1.1}, std::to_string(z + 1), 3.0, kInk, TextAnchor::middle, true);
    }
    add_legend_row(f, 0, perimeter_style(false),
                   std::string(text_of(lang, "Périmètre de destination", "Destination perimeter")));
    add_legend_row(f, 1, gap_style, std::string(text_of(lang, "Zones de manque (rang)", "Gap zones (rank)")));
    add_scale_bar(f, view);
    f.description = fmt::format("{} — {}", text_of(lang, "Carte des manques de l'offre", "Offer gaps map"),
                                lang == ReportLanguage::fr ? target.audience.name_fr : target.audience.name_en);
    return f;
}

ReportFigure segment_bars_figure(const SegmentsResult& segments, ReportLanguage lang, double width_mm) {
    ReportFigure f;
    constexpr double kRowMm = 7.0, kNameMm = 55.0, kValueMm = 16.0;
    f.width_mm = width_mm;
    f.height_mm = 4.0 + kRowMm * static_cast<double>(segments.segments.size());
    double max_score = 0.0;
    for (const SegmentScore& s : segments.segments) max_score = std::max(max_score, s.score);
    const double bar_max_mm = width_mm - kNameMm - kValueMm - 4.0;
    for (std::size_t i = 0; i < segments.segments.size(); ++i) {
        const SegmentScore& s = segments.segments[i];
        const double y = 2.0 + kRowMm * static_cast<double>(i);
        const double w = max_score > 0.0 ? bar_max_mm * s.score / max_score : 0.0;
        FigurePath bar;
        bar.fill = colour(kPerimeterRgb, i == 0 ? 0.9 : 0.55);
        bar.rings = {{{kNameMm, y}, {kNameMm + w, y}, {kNameMm + w, y + kRowMm - 2.0}, {kNameMm, y + kRowMm - 2.0}}};
        if (w > 0.0) f.paths.push_back(std::move(bar));
        add_text(f, {kNameMm - 2.0, y + 3.6},
                 fmt::format("{}. {}", s.rank, lang == ReportLanguage::fr ? s.name_fr : s.name_en), 3.0, kInk,
                 TextAnchor::end);
        add_text(f, {kNameMm + w + 2.0, y + 3.6}, report_number(s.score, 2, lang), 3.0, kInk);
    }
    f.description = std::string(
        text_of(lang, "Score de chaque cible, de la première à la dernière", "Score of each target, first to last"));
    return f;
}

ReportFigure radar_figure(const BenchmarkResult& benchmark, ReportLanguage lang, double size_mm) {
    ReportFigure f;
    f.width_mm = size_mm * 2.1;
    f.height_mm = size_mm;
    const PagePoint c{f.width_mm / 2.0, f.height_mm / 2.0};
    const double r_max = size_mm / 2.0 - 7.0;
    const auto at = [&](int k, double r) {
        const double a = -std::numbers::pi / 2.0 + 2.0 * std::numbers::pi * k / kFamilyCount;
        return PagePoint{c.x_mm + r * std::cos(a), c.y_mm + r * std::sin(a)};
    };
    for (double ring : {0.5, 1.0, 1.5, 2.0}) {
        FigurePath p;
        p.stroke = ring == 1.0 ? kInk : FigureColour{190, 190, 190};
        p.stroke_mm = ring == 1.0 ? 0.35 : 0.2;
        p.dashed = ring == 1.0;
        std::vector<PagePoint> pts;
        for (int k = 0; k < kFamilyCount; ++k) pts.push_back(at(k, r_max * ring / kRadarMaxRatio));
        p.rings.push_back(std::move(pts));
        f.paths.push_back(std::move(p));
        add_text(f, {c.x_mm + 1.0, c.y_mm - r_max * ring / kRadarMaxRatio - 0.5}, "× " + report_number(ring, 1, lang),
                 2.3, kMuted);
    }
    FigurePath ours;
    ours.fill = colour(kPerimeterRgb, 0.3);
    ours.stroke = colour(kPerimeterRgb);
    ours.stroke_mm = 0.5;
    std::vector<PagePoint> pts;
    for (int k = 0; k < kFamilyCount; ++k) {
        const Family family = kAllFamilies[static_cast<std::size_t>(k)];
        const FamilyComparison& fc = benchmark.families[static_cast<std::size_t>(k)];
        const double ratio =
            std::clamp(fc.ratio.value_or(fc.our_density_per_100km2 > 0.0 ? kRadarMaxRatio : 0.0), 0.0, kRadarMaxRatio);
        pts.push_back(at(k, r_max * ratio / kRadarMaxRatio));
        FigurePath axis;
        axis.closed = false;
        axis.stroke = FigureColour{200, 200, 200};
        axis.stroke_mm = 0.2;
        axis.rings = {{c, at(k, r_max)}};
        f.paths.push_back(std::move(axis));
        const PagePoint label = at(k, r_max + 3.5);
        const TextAnchor anchor = label.x_mm < c.x_mm - 1.0   ? TextAnchor::end
                                  : label.x_mm > c.x_mm + 1.0 ? TextAnchor::start
                                                              : TextAnchor::middle;
        // Darkened (yellow text must read on white); grey when the audience does not weigh the family.
        const Rgb8 hue = family_rgb(family);
        const bool weighed = fc.audience_weight > 0.0;
        const FigureColour ink =
            weighed ? FigureColour{static_cast<std::uint8_t>(hue.r * 0.7), static_cast<std::uint8_t>(hue.g * 0.7),
                                   static_cast<std::uint8_t>(hue.b * 0.7)}
                    : kMuted;
        add_text(f, {label.x_mm, label.y_mm + 1.0}, std::string(family_text(family, lang)), 2.8, ink, anchor, weighed);
    }
    ours.rings.push_back(std::move(pts));
    f.paths.push_back(std::move(ours));
    f.description =
        std::string(text_of(lang,
                            "Radar : densité de notre offre rapportée à la moyenne des concurrents, par famille "
                            "(× 1 = parité)",
                            "Radar: our offer density over the competitors' mean, per family (× 1 = parity)"));
    return f;
}

}  // namespace geo
