#include "app/print/print_cairo.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>
#include <vector>

#include "app/gui/model/gap_view.hpp"
#include "app/gui/render/basemap_style.hpp"
#include "app/gui/render/item_points.hpp"
#include "app/gui/render/map_style.hpp"
#include "app/gui/render/palette.hpp"
#include "app/print/print_basemap.hpp"
#include "app/print/print_density.hpp"
#include "app/print/print_labels.hpp"

namespace app::print {
namespace {

using gui::Rgba8;

constexpr Rgba8 kInk{40, 46, 54, 255};
constexpr Rgba8 kGreyInk{90, 96, 104, 255};
constexpr Rgba8 kPanelFill{255, 255, 255, 235};
constexpr Rgba8 kPanelBorder{160, 166, 174, 255};
constexpr const char* kFont = "DejaVu Sans";

void set_colour(cairo_t* cr, Rgba8 c, double opacity = 1.0) {
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0 * opacity);
}

void set_font(cairo_t* cr, double size_mm, bool bold) {
    cairo_select_font_face(cr, kFont, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size_mm);
}

void show_text(cairo_t* cr, const geo::PlacedText& t, Rgba8 colour, bool bold) {
    if (t.text.empty()) return;
    set_font(cr, t.size_mm, bold);
    set_colour(cr, colour);
    cairo_move_to(cr, t.baseline.x_mm, t.baseline.y_mm);
    cairo_show_text(cr, t.text.c_str());
}

void set_line(cairo_t* cr, const gui::LineStyle& line) {
    cairo_set_line_width(cr, line.width_px * kMmPerScreenPx);
    if (line.dash_on_px > 0.0f) {
        const double dashes[] = {line.dash_on_px * kMmPerScreenPx, line.dash_off_px * kMmPerScreenPx};
        cairo_set_dash(cr, dashes, 2, 0.0);
    } else {
        cairo_set_dash(cr, nullptr, 0, 0.0);
    }
}

// What part of the world the frame shows, to skip what falls outside.
struct Visible {
    geo::LonLatBox box;
    [[nodiscard]] bool touches(const geo::LonLatBox& b) const {
        return !b.empty() && b.west_deg <= box.east_deg && b.east_deg >= box.west_deg && b.south_deg <= box.north_deg &&
               b.north_deg >= box.south_deg;
    }
};

// A ring as a path, leaving out vertices closer than 0.05 mm to the last
// one kept (they cannot be seen and only grow the PDF).
void add_ring(cairo_t* cr, const geo::PrintMapView& view, const geo::Ring& ring, bool close) {
    geo::PagePoint last{};
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const geo::PagePoint p = view.to_page(ring[i]);
        if (i == 0) {
            cairo_move_to(cr, p.x_mm, p.y_mm);
        } else if (std::hypot(p.x_mm - last.x_mm, p.y_mm - last.y_mm) >= 0.05 || i + 1 == ring.size()) {
            cairo_line_to(cr, p.x_mm, p.y_mm);
        } else {
            continue;
        }
        last = p;
    }
    if (close) cairo_close_path(cr);
}

void add_area(cairo_t* cr, const geo::PrintMapView& view, const geo::MultiPolygon& area) {
    for (const auto& polygon : area.polygons)
        for (const auto& ring : polygon.rings) add_ring(cr, view, ring, true);
}

void fill_and_stroke(cairo_t* cr, const gui::AreaStyle& style, double opacity) {
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    if (style.fill.a > 0) {
        set_colour(cr, style.fill, opacity);
        cairo_fill_preserve(cr);
    }
    set_colour(cr, style.outline, opacity);
    set_line(cr, style.line);
    cairo_stroke(cr);
}

void draw_context(cairo_t* cr, const geo::PrintMapView& view, const Visible& visible,
                  const geo::ContextGeometry& geometry, double opacity) {
    for (const auto& polygon : geometry.polygons.polygons) {
        geo::MultiPolygon one;
        one.polygons.push_back(polygon);
        if (!visible.touches(one.bounds())) continue;
        add_area(cr, view, one);
    }
    fill_and_stroke(cr, gui::context_polygon_style(geometry.theme), opacity);
    for (const auto& line : geometry.lines) add_ring(cr, view, line, false);
    set_colour(cr, gui::context_line_colour(geometry.theme), opacity);
    set_line(cr, gui::context_line_style(geometry.theme));
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
}

void draw_territories(cairo_t* cr, const geo::PrintMapView& view, const Visible& visible,
                      const std::vector<geo::Territory>& territories, double opacity) {
    // Finer levels first, so that a département's outline runs over its communes'.
    for (int level = static_cast<int>(geo::TerritoryLevel::reference) + 1; level-- > 0;) {
        bool any = false;
        for (const auto& t : territories) {
            if (static_cast<int>(t.level) != level || !visible.touches(t.geometry.bounds())) continue;
            add_area(cr, view, t.geometry);
            any = true;
        }
        if (any) fill_and_stroke(cr, gui::territory_style(static_cast<geo::TerritoryLevel>(level)), opacity);
    }
}

void draw_gaps(cairo_t* cr, const geo::PrintMapView& view, const geo::GapResult& gaps, double opacity) {
    for (const auto& cell : gaps.cells) {
        const Rgba8 colour = gui::gap_colour(cell.gap_score);
        if (colour.a == 0 || cell.hexagon.size() < 4) continue;
        add_ring(cr, view, cell.hexagon, true);
        set_colour(cr, colour, opacity);
        cairo_fill(cr);
    }
    for (const auto& zone : gaps.zones) add_area(cr, view, zone.geometry);
    set_colour(cr, gui::kGapZoneOutline, opacity);
    set_line(cr, {1.6f});
    cairo_stroke(cr);
}

void draw_items(cairo_t* cr, const geo::PrintMapView& view, const Visible& visible, const gui::MapModel& model,
                double opacity) {
    const auto& items = model.items();
    const auto& weights = model.item_weights();
    const bool weighted = weights.size() == items.size() && !weights.empty();
    const float max_weight = weighted ? *std::max_element(weights.begin(), weights.end()) : 0.0f;
    // The screen's disc size at the zoom whose pixels are this page's 96-dpi pixels.
    const double zoom = std::log2(gui::kZoom0MetresPerPx / (view.mercator_m_per_mm * kMmPerScreenPx));
    const float base = gui::ItemPointIndex::base_size_px(zoom);
    std::vector<std::size_t> order(items.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    if (weighted)  // the heaviest on top
        std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return weights[a] < weights[b]; });
    cairo_set_line_width(cr, kMmPerScreenPx);
    cairo_set_dash(cr, nullptr, 0, 0.0);
    for (const std::size_t i : order) {
        const geo::OfferItem& item = items[i];
        if (!visible.box.contains(item.position)) continue;
        const float w = weighted ? weights[i] : 0.0f;
        const double r_mm = gui::item_size_px(base, w, max_weight) * kMmPerScreenPx / 2.0;
        const bool faded = weighted && w <= 0.0f;
        Rgba8 fill = gui::family_colour(item.family);
        Rgba8 ring = gui::darker(fill, 0.6f);
        if (faded) fill = gui::with_alpha(fill, 90), ring = gui::with_alpha(ring, 90);
        const geo::PagePoint p = view.to_page(item.position);
        cairo_new_sub_path(cr);
        cairo_arc(cr, p.x_mm, p.y_mm, r_mm, 0.0, 2.0 * M_PI);
        set_colour(cr, fill, opacity);
        cairo_fill_preserve(cr);
        set_colour(cr, ring, opacity);
        cairo_stroke(cr);
    }
}

void draw_map(cairo_t* cr, const geo::PrintMapView& view, double dpi, const gui::MapModel& model) {
    const geo::BoxMm& f = view.frame;
    Visible visible;
    visible.box.extend(view.to_lonlat({f.x_mm, f.y_mm}));
    visible.box.extend(view.to_lonlat({f.right_mm(), f.bottom_mm()}));
    cairo_save(cr);
    cairo_rectangle(cr, f.x_mm, f.y_mm, f.width_mm, f.height_mm);
    cairo_clip(cr);
    set_colour(cr, gui::kMapBackground);
    cairo_paint(cr);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (const gui::Layer& layer : model.layers().layers()) {
        if (!layer.visible || layer.opacity <= 0.0f) continue;
        const double opacity = layer.opacity;
        switch (layer.kind) {
            case gui::LayerKind::basemap:
                if (auto it = model.basemaps().find(layer.id); it != model.basemaps().end())
                    if (const std::string e = draw_basemap(cr, view, dpi, it->second, opacity); !e.empty())
                        std::fprintf(stderr, "territoire render: basemap left out: %s\n", e.c_str());
                break;
            case gui::LayerKind::context:
                if (auto it = model.context().find(layer.id); it != model.context().end())
                    draw_context(cr, view, visible, it->second, opacity);
                break;
            case gui::LayerKind::territories:
                draw_territories(cr, view, visible, model.territories(), opacity);
                break;
            case gui::LayerKind::perimeters:
                for (const auto& level : model.perimeters()) {
                    add_area(cr, view, level.geometry);
                    fill_and_stroke(cr, gui::perimeter_style(level.main), opacity);
                }
                break;
            case gui::LayerKind::gaps:
                if (model.gaps()) draw_gaps(cr, view, *model.gaps(), opacity);
                break;
            case gui::LayerKind::places:
                break;  // with the labels, over everything (print_labels)
            case gui::LayerKind::items:
                draw_items(cr, view, visible, model, opacity);
                break;
            case gui::LayerKind::density:
                draw_density(cr, view, dpi, model.density(), opacity);
                break;
        }
    }
    cairo_restore(cr);
    cairo_rectangle(cr, f.x_mm, f.y_mm, f.width_mm, f.height_mm);
    set_colour(cr, kInk);
    cairo_set_line_width(cr, 0.3);
    cairo_stroke(cr);
}

void draw_swatch(cairo_t* cr, const geo::PlacedLegendRow& row) {
    const geo::BoxMm& s = row.swatch;
    const double cx = s.x_mm + s.width_mm / 2.0, cy = s.y_mm + s.height_mm / 2.0;
    const double h = s.height_mm;
    cairo_new_path(cr);  // show_text leaves a current point
    switch (row.row.swatch) {
        case geo::LegendSwatch::heading:
            break;
        case geo::LegendSwatch::family: {
            const Rgba8 c = gui::family_colour(static_cast<geo::Family>(row.row.key));
            cairo_arc(cr, cx, cy, h * 0.42, 0.0, 2.0 * M_PI);
            set_colour(cr, c);
            cairo_fill_preserve(cr);
            set_colour(cr, gui::darker(c, 0.6f));
            cairo_set_line_width(cr, kMmPerScreenPx);
            cairo_stroke(cr);
            break;
        }
        case geo::LegendSwatch::item_size:
            for (const auto& [x, r] : {std::pair{s.x_mm + h * 0.3, h * 0.2}, std::pair{cx + h * 0.2, h * 0.45}}) {
                cairo_new_sub_path(cr);
                cairo_arc(cr, x, cy, r, 0.0, 2.0 * M_PI);
            }
            set_colour(cr, {150, 150, 150, 255});
            cairo_fill_preserve(cr);
            set_colour(cr, {90, 90, 90, 255});
            cairo_set_line_width(cr, kMmPerScreenPx);
            cairo_stroke(cr);
            break;
        case geo::LegendSwatch::perimeter_main:
        case geo::LegendSwatch::perimeter_nested:
        case geo::LegendSwatch::territory:
        case geo::LegendSwatch::context_area: {
            gui::AreaStyle style = gui::context_polygon_style();
            if (row.row.swatch == geo::LegendSwatch::territory)
                style = gui::territory_style(static_cast<geo::TerritoryLevel>(row.row.key));
            else if (row.row.swatch != geo::LegendSwatch::context_area)
                style = gui::perimeter_style(row.row.swatch == geo::LegendSwatch::perimeter_main);
            cairo_rectangle(cr, s.x_mm + 0.5, s.y_mm, s.width_mm - 1.0, h);
            fill_and_stroke(cr, style, 1.0);
            break;
        }
        case geo::LegendSwatch::context_line:
            cairo_move_to(cr, s.x_mm + 0.5, cy + h * 0.25);
            cairo_curve_to(cr, cx - 1.0, cy - h * 0.6, cx + 1.0, cy + h * 0.6, s.right_mm() - 0.5, cy - h * 0.25);
            set_colour(cr, gui::kContextLine);
            set_line(cr, {2.0f});
            cairo_stroke(cr);
            break;
        case geo::LegendSwatch::basemap_road: {
            const gui::BasemapLineStyle road = gui::basemap_line_style(geo::BasemapClass::primary);
            for (int pass = 0; pass < 2; ++pass) {
                cairo_move_to(cr, s.x_mm + 0.5, cy + h * 0.2);
                cairo_line_to(cr, s.right_mm() - 0.5, cy - h * 0.2);
                set_colour(cr, pass == 0 ? road.casing : road.colour);
                set_line(cr, {road.line.width_px + (pass == 0 ? 1.6f : 0.0f)});
                cairo_stroke(cr);
            }
            break;
        }
        case geo::LegendSwatch::basemap_raster:
            for (int q = 0; q < 4; ++q) {  // a tile of four shades
                cairo_rectangle(cr, s.x_mm + (q % 2) * s.width_mm / 2, s.y_mm + (q / 2) * s.height_mm / 2,
                                s.width_mm / 2, s.height_mm / 2);
                set_colour(cr, gui::basemap_area_colour(gui::kBasemapAreaOrder[q]));
                cairo_fill(cr);
            }
            break;
        case geo::LegendSwatch::gap_ramp:
        case geo::LegendSwatch::density_ramp: {
            const bool gaps = row.row.swatch == geo::LegendSwatch::gap_ramp;
            cairo_pattern_t* ramp = cairo_pattern_create_linear(s.x_mm, 0.0, s.right_mm(), 0.0);
            for (int i = 0; i <= 10; ++i) {
                const Rgba8 c =
                    gaps ? gui::gap_colour(std::max(0.02, i / 10.0)) : gui::ramp_colour(gui::kDensityRamp, i / 10.0);
                cairo_pattern_add_color_stop_rgba(ramp, i / 10.0, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
            }
            cairo_rectangle(cr, s.x_mm, s.y_mm, s.width_mm, h);
            cairo_set_source(cr, ramp);
            cairo_fill_preserve(cr);
            cairo_pattern_destroy(ramp);
            set_colour(cr, kPanelBorder);
            cairo_set_line_width(cr, 0.15);
            cairo_stroke(cr);
            break;
        }
    }
}

void draw_legend(cairo_t* cr, const geo::PrintLayout& layout) {
    if (layout.legend_rows.empty()) return;
    const geo::BoxMm& b = layout.legend.box;
    cairo_rectangle(cr, b.x_mm, b.y_mm, b.width_mm, b.height_mm);
    set_colour(cr, kPanelFill);
    cairo_fill_preserve(cr);
    set_colour(cr, kPanelBorder);
    cairo_set_line_width(cr, 0.25);
    cairo_set_dash(cr, nullptr, 0, 0.0);
    cairo_stroke(cr);
    for (const auto& row : layout.legend_rows) {
        draw_swatch(cr, row);
        const bool heading = row.row.swatch == geo::LegendSwatch::heading;
        show_text(cr, {row.row.text, row.baseline, layout.style.legend_mm}, kInk, heading);
    }
}

void draw_scale_bar(cairo_t* cr, const geo::PrintLayout& layout) {
    const geo::PrintScaleBar& bar = layout.scale_bar;
    if (bar.width_mm <= 0.0) return;
    const double h = 1.6, x0 = layout.scale_bar_at.x_mm, y1 = layout.scale_bar_at.y_mm;
    const double part = bar.width_mm / bar.segments;
    cairo_set_line_width(cr, 0.2);
    cairo_set_dash(cr, nullptr, 0, 0.0);
    for (int i = 0; i < bar.segments; ++i) {
        cairo_rectangle(cr, x0 + part * i, y1 - h, part, h);
        set_colour(cr, i % 2 == 0 ? kInk : Rgba8{255, 255, 255, 255});
        cairo_fill_preserve(cr);
        set_colour(cr, kInk);
        cairo_stroke(cr);
    }
    const double size = layout.style.footer_mm;
    show_text(cr, {bar.label, {layout.scale_label_at.x_mm, y1}, size}, kInk, false);
    show_text(cr, {"0", {x0 - text_width_mm(cr, "0", size) / 2.0, y1 - h - 0.8}, size}, kInk, false);
    show_text(cr, {layout.scale_text, layout.scale_text_at, size}, kGreyInk, false);
}

void draw_north_arrow(cairo_t* cr, const geo::PrintLayout& layout) {
    const geo::BoxMm& b = layout.north_arrow;
    const double size = layout.style.footer_mm * 1.3;
    const double cx = b.x_mm + b.width_mm / 2.0;
    show_text(cr, {"N", {cx - text_width_mm(cr, "N", size, true) / 2.0, b.y_mm + size}, size}, kInk, true);
    const double top = b.y_mm + size + 0.8, bottom = b.bottom_mm(), half = b.width_mm / 2.0;
    cairo_set_line_width(cr, 0.2);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
    for (const int side : {-1, 1}) {  // the west half dark, the east half light
        cairo_move_to(cr, cx, top);
        cairo_line_to(cr, cx + side * half, bottom);
        cairo_line_to(cr, cx, bottom - (bottom - top) * 0.3);
        cairo_close_path(cr);
        set_colour(cr, side < 0 ? kInk : Rgba8{255, 255, 255, 255});
        cairo_fill_preserve(cr);
        set_colour(cr, kInk);
        cairo_stroke(cr);
    }
}

}  // namespace

double equivalent_zoom(const geo::PrintMapView& view) {
    return std::log2(gui::kZoom0MetresPerPx / (view.mercator_m_per_mm * kMmPerScreenPx));
}

double text_width_mm(cairo_t* cr, std::string_view text, double size_mm, bool bold) {
    const std::string s(text);
    set_font(cr, size_mm, bold);
    cairo_text_extents_t extents;
    cairo_text_extents(cr, s.c_str(), &extents);
    return extents.x_advance;
}

void draw_print_page(cairo_t* cr, const geo::PrintLayout& layout, const gui::RenderScene& scene) {
    cairo_set_source_rgb(cr, 1.0, 1.0, 1.0);
    cairo_paint(cr);
    draw_map(cr, layout.map, layout.page.dpi, scene.model);
    draw_territory_labels(cr, layout, scene.model);
    draw_legend(cr, layout);
    show_text(cr, layout.title, kInk, true);
    show_text(cr, layout.subtitle, kGreyInk, false);
    draw_scale_bar(cr, layout);
    draw_north_arrow(cr, layout);
    for (const auto& line : layout.attribution) show_text(cr, line, kGreyInk, false);
}

}  // namespace app::print
