#include "geo/analysis/print_layout.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

namespace geo {
namespace {

using PageRing = std::vector<PagePoint>;

// Ramps get a swatch three times as wide as the others.
bool is_ramp(LegendSwatch s) {
    return s == LegendSwatch::gap_ramp || s == LegendSwatch::density_ramp;
}

// Sutherland–Hodgman against one edge of the box: keeps the part of `ring`
// where sign × (coordinate − value) ≥ 0, the coordinate being x (axis 0) or y.
PageRing clip_half_plane(const PageRing& ring, int axis, double value, double sign) {
    const auto coord = [axis](const PagePoint& p) { return axis == 0 ? p.x_mm : p.y_mm; };
    PageRing out;
    const std::size_t n = ring.size();
    for (std::size_t i = 0; i < n; ++i) {
        const PagePoint& a = ring[i];
        const PagePoint& b = ring[(i + 1) % n];
        const bool ia = sign * (coord(a) - value) >= 0.0, ib = sign * (coord(b) - value) >= 0.0;
        if (ia) out.push_back(a);
        if (ia == ib) continue;
        const double t = (value - coord(a)) / (coord(b) - coord(a));
        out.push_back(axis == 0 ? PagePoint{value, a.y_mm + t * (b.y_mm - a.y_mm)}
                                : PagePoint{a.x_mm + t * (b.x_mm - a.x_mm), value});
    }
    return out;
}

// The area of `ring` clipped to `box` (a convex clip window: the result of
// clipping a concave ring may hold zero-width bridges, of zero area).
double clipped_area(const PageRing& ring, const BoxMm& box) {
    PageRing r = clip_half_plane(ring, 0, box.x_mm, 1.0);
    r = clip_half_plane(r, 0, box.right_mm(), -1.0);
    r = clip_half_plane(r, 1, box.y_mm, 1.0);
    r = clip_half_plane(r, 1, box.bottom_mm(), -1.0);
    double twice = 0.0;
    for (std::size_t i = 0; i < r.size(); ++i) {
        const PagePoint& a = r[i];
        const PagePoint& b = r[(i + 1) % r.size()];
        twice += a.x_mm * b.y_mm - b.x_mm * a.y_mm;
    }
    return std::abs(twice) / 2.0;
}

BoxMm corner_box(const BoxMm& frame, Corner corner, double w, double h, double inset) {
    const bool right = corner == Corner::top_right || corner == Corner::bottom_right;
    const bool bottom = corner == Corner::bottom_right || corner == Corner::bottom_left;
    return {right ? frame.right_mm() - inset - w : frame.x_mm + inset,
            bottom ? frame.bottom_mm() - inset - h : frame.y_mm + inset, w, h};
}

std::size_t code_points(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// "1 : 253 000": the scale rounded to three significant digits, grouped by
// thousands with a space (read the same in French and English).
std::string scale_text(double denominator) {
    if (!(denominator >= 1.0) || !std::isfinite(denominator)) return {};
    const double magnitude = std::pow(10.0, std::max(0.0, std::floor(std::log10(denominator)) - 2.0));
    auto n = static_cast<long long>(std::llround(denominator / magnitude) * static_cast<long long>(magnitude));
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
        out += digits[i];
    }
    return "1 : " + out;
}

// The legend box for `rows` at `style`: its widest row plus padding, and its
// rows' heights (a heading after the first gets 30 % more room above).
std::pair<double, double> legend_size(const std::vector<LegendRow>& rows, const PrintStyle& style,
                                      const TextWidth& width) {
    const double row_h = style.legend_mm * style.line_factor;
    double text_w = 0.0, rows_h = 0.0;
    for (const LegendRow& row : rows) {
        const bool heading = row.swatch == LegendSwatch::heading;
        const double indent = heading ? 0.0 : style.swatch_mm * 1.2;
        const double extra = is_ramp(row.swatch) ? style.swatch_mm * 2.0 : 0.0;
        text_w = std::max(text_w, indent + extra + width(row.text, style.legend_mm, heading));
        rows_h += row_h * (heading && rows_h > 0.0 ? 1.3 : 1.0);
    }
    return {text_w + 2.0 * style.legend_padding_mm, rows_h + 2.0 * style.legend_padding_mm};
}

}  // namespace

double estimated_text_width_mm(std::string_view text, double size_mm, bool bold) {
    return (bold ? 0.62 : 0.55) * size_mm * static_cast<double>(code_points(text));
}

double covered_area_mm2(const std::vector<PageRing>& outer_rings, const std::vector<PageRing>& hole_rings,
                        const BoxMm& box) {
    double area = 0.0;
    for (const auto& r : outer_rings) area += clipped_area(r, box);
    for (const auto& r : hole_rings) area -= clipped_area(r, box);
    return std::max(area, 0.0);
}

PageRings page_rings(const PrintMapView& view, const MultiPolygon& area) {
    PageRings out;
    for (const auto& polygon : area.polygons)
        for (std::size_t i = 0; i < polygon.rings.size(); ++i) {
            PageRing ring;
            ring.reserve(polygon.rings[i].size());
            for (const LonLat& p : polygon.rings[i]) ring.push_back(view.to_page(p));
            (i == 0 ? out.outer : out.holes).push_back(std::move(ring));
        }
    return out;
}

CornerChoice least_covered_corner(const PrintMapView& view, double width_mm, double height_mm, double inset_mm,
                                  const std::vector<MultiPolygon>& avoid, const std::vector<LonLat>& items) {
    std::vector<PageRings> rings;
    rings.reserve(avoid.size());
    for (const auto& area : avoid) rings.push_back(page_rings(view, area));
    CornerChoice choice;
    int best = -1;
    for (int c = 0; c < 4; ++c) {
        const auto corner = static_cast<Corner>(c);
        const BoxMm box = corner_box(view.frame, corner, width_mm, height_mm, inset_mm);
        double covered = 0.0;
        for (const auto& r : rings) covered += covered_area_mm2(r.outer, r.holes, box);
        std::size_t under = 0;
        for (const LonLat& p : items) {
            const PagePoint q = view.to_page(p);
            under += q.x_mm >= box.x_mm && q.x_mm <= box.right_mm() && q.y_mm >= box.y_mm && q.y_mm <= box.bottom_mm();
        }
        choice.covered_mm2[static_cast<std::size_t>(c)] = covered;
        choice.items_covered[static_cast<std::size_t>(c)] = under;
        // Differences below 0.5 mm² (a speck) do not decide; items do then.
        const auto b = static_cast<std::size_t>(best);
        if (best < 0 || covered < choice.covered_mm2[b] - 0.5 ||
            (covered <= choice.covered_mm2[b] + 0.5 && under < choice.items_covered[b])) {
            best = c;
            choice.corner = corner;
            choice.box = box;
        }
    }
    return choice;
}

std::vector<std::string> wrap_text(std::string_view text, double size_mm, double max_width_mm, const TextWidth& width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view word = text.substr(start, end - start);
        if (!word.empty()) {
            std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
            if (!line.empty() && width(candidate, size_mm, false) > max_width_mm) {
                lines.push_back(line);
                line = std::string(word);
            } else {
                line = std::move(candidate);
            }
        }
        start = end + 1;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

Result<PrintLayout> layout_print(const PrintPage& page, const PrintContent& content, const TextWidth& width,
                                 const PrintStyle& style) {
    PrintLayout out;
    out.page = page;
    out.style = style;
    const double m = std::min(style.margin_mm, std::min(page.width_mm, page.height_mm) * 0.05);
    const double inner_w = page.width_mm - 2.0 * m;
    // A title or subtitle wider than the page is set smaller, down to 60 %
    // (then it may run past the margin, never wrapped into the map).
    const auto fitted = [&](const std::string& text, double size_mm, bool bold) {
        const double w = width(text, size_mm, bold);
        return w > inner_w ? size_mm * std::max(0.6, inner_w / w) : size_mm;
    };
    double y = m;
    if (!content.title.empty()) {
        const double size = fitted(content.title, style.title_mm, true);
        y += size;
        out.title = {content.title, {m, y}, size};
        y += size * (style.line_factor - 1.0);
    }
    if (!content.subtitle.empty()) {
        const double size = fitted(content.subtitle, style.subtitle_mm, false);
        y += size * 1.2;
        out.subtitle = {content.subtitle, {m, y}, size};
    }
    if (!content.title.empty() || !content.subtitle.empty()) y += style.subtitle_mm * 0.9;

    // Footer: the scale bar and the north arrow on the left, the
    // attribution on the right, wrapped to what is left of the width.
    const double left_block_mm = style.scale_bar_max_mm + style.north_arrow_mm + 12.0;
    const double attribution_w = std::max(inner_w - left_block_mm, inner_w * 0.4);
    const std::vector<std::string> lines = wrap_text(content.attribution, style.footer_mm, attribution_w, width);
    const double line_h = style.footer_mm * style.line_factor;
    const double footer_h = std::max(style.north_arrow_mm + 2.0, line_h * static_cast<double>(lines.size()) + 2.0);
    const BoxMm frame{m, y, inner_w, page.height_mm - m - footer_h - y};
    if (frame.height_mm < 20.0 || frame.width_mm < 20.0)
        return fail_fmt("page too small for a map: {} x {} mm leaves no room beside the title and footer",
                        std::to_string(std::lround(page.width_mm)), std::to_string(std::lround(page.height_mm)));
    out.map = fit_print_view(frame, content.extent, style.map_margin_mm);

    const double footer_top = frame.bottom_mm() + 2.0;
    out.scale_bar = print_scale_bar(out.map, std::min(style.scale_bar_max_mm, frame.width_mm / 3.0));
    out.scale_bar_at = {m, footer_top + style.footer_mm * 1.2 + 3.0};
    out.scale_label_at = {m + out.scale_bar.width_mm + 1.5, out.scale_bar_at.y_mm};
    out.scale_text = scale_text(out.map.scale_denominator());
    out.scale_text_at = {m, out.scale_bar_at.y_mm + style.footer_mm * 1.6};
    const double label_w = width(out.scale_bar.label, style.footer_mm, false);
    const double scale_w =
        std::max(out.scale_bar.width_mm + 1.5 + label_w, width(out.scale_text, style.footer_mm, false));
    out.north_arrow = {m + scale_w + 6.0, footer_top, style.north_arrow_mm * 0.6, style.north_arrow_mm};
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const double w = width(lines[i], style.footer_mm, false);
        out.attribution.push_back(
            {lines[i],
             {page.width_mm - m - w, footer_top + style.footer_mm + line_h * static_cast<double>(i)},
             style.footer_mm});
    }

    // The legend: rows of swatch and text, sized to its widest text, and
    // scaled down as a whole (text, swatches, padding) when it would not fit
    // in the frame (in height, or in half its width).
    if (content.legend.empty()) return out;
    const double avail_h = frame.height_mm - 2.0 * style.legend_inset_mm;
    const double avail_w = frame.width_mm / 2.0;
    auto [box_w, box_h] = legend_size(content.legend, style, width);
    if (const double k = std::min({1.0, avail_h / box_h, avail_w / box_w}); k < 1.0) {
        out.style.legend_mm *= k;
        out.style.swatch_mm *= k;
        out.style.legend_padding_mm *= k;
        std::tie(box_w, box_h) = legend_size(content.legend, out.style, width);
    }
    const PrintStyle& ls = out.style;
    const double row_h = ls.legend_mm * ls.line_factor;
    const double pad = ls.legend_padding_mm;
    out.legend = least_covered_corner(out.map, box_w, box_h, ls.legend_inset_mm, content.avoid, content.items);
    double row_top = out.legend.box.y_mm + pad;
    for (const LegendRow& row : content.legend) {
        const bool heading = row.swatch == LegendSwatch::heading;
        if (heading && row_top > out.legend.box.y_mm + pad) row_top += row_h * 0.3;
        PlacedLegendRow placed;
        placed.row = row;
        const double x = out.legend.box.x_mm + pad;
        const double swatch_w = is_ramp(row.swatch) ? ls.swatch_mm * 3.0 : ls.swatch_mm;
        if (!heading) placed.swatch = {x, row_top + row_h * 0.15, swatch_w, row_h * 0.7};
        placed.baseline = {heading ? x : x + swatch_w + ls.swatch_mm * 0.2,
                           row_top + row_h * 0.5 + ls.legend_mm * 0.36};
        out.legend_rows.push_back(std::move(placed));
        row_top += row_h;
    }
    return out;
}

}  // namespace geo
