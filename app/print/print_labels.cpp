#include "app/print/print_labels.hpp"

#include <algorithm>
#include <vector>

#include "app/gui/render/map_meshes.hpp"
#include "app/gui/render/map_style.hpp"
#include "app/gui/render/polygon_mesh.hpp"
#include "app/print/print_cairo.hpp"

namespace app::print {
namespace {

bool overlaps(const geo::BoxMm& a, const geo::BoxMm& b) {
    return a.x_mm < b.right_mm() && b.x_mm < a.right_mm() && a.y_mm < b.bottom_mm() && b.y_mm < a.bottom_mm();
}

bool inside(const geo::BoxMm& inner, const geo::BoxMm& outer) {
    return inner.x_mm >= outer.x_mm && inner.right_mm() <= outer.right_mm() && inner.y_mm >= outer.y_mm &&
           inner.bottom_mm() <= outer.bottom_mm();
}

}  // namespace

void draw_territory_labels(cairo_t* cr, const geo::PrintLayout& layout, const gui::MapModel& model) {
    const double zoom = equivalent_zoom(layout.map);
    const double size_mm = layout.style.legend_mm;
    std::vector<geo::BoxMm> taken;
    if (!layout.legend_rows.empty()) taken.push_back(layout.legend.box);
    const auto halo_text = [&](double x, double y, const std::string& text, gui::Rgba8 ink) {
        cairo_move_to(cr, x, y);
        cairo_text_path(cr, text.c_str());
        cairo_set_source_rgba(cr, 1.0, 1.0, 1.0, 0.9);
        cairo_set_line_width(cr, size_mm * 0.22);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_set_dash(cr, nullptr, 0, 0.0);
        cairo_stroke(cr);
        cairo_move_to(cr, x, y);
        cairo_set_source_rgba(cr, ink.r / 255.0, ink.g / 255.0, ink.b / 255.0, 1.0);
        cairo_show_text(cr, text.c_str());
    };
    // Place names first (towns by rank, as the screen shows them at this
    // scale): a dot and the name on its right, clear of the legend.
    if (const gui::Layer* places = model.layers().find(gui::LayerKind::places);
        places && places->visible && !model.places().empty()) {
        std::vector<const geo::Place*> order;
        const int max_rank = gui::place_rank_shown_at(zoom);
        for (const geo::Place& p : model.places())
            if (p.rank <= max_rank) order.push_back(&p);
        std::stable_sort(order.begin(), order.end(), [](const geo::Place* a, const geo::Place* b) {
            return a->rank != b->rank ? a->rank < b->rank : a->population > b->population;
        });
        for (const geo::Place* place : order) {
            const bool main = place->rank <= 2;
            cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                                   main ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
            cairo_set_font_size(cr, main ? size_mm * 1.1 : size_mm * 0.9);
            const geo::PagePoint p = layout.map.to_page(place->position);
            cairo_text_extents_t e;
            cairo_text_extents(cr, place->name.c_str(), &e);
            const double dot_mm = size_mm * 0.25;
            const geo::BoxMm box{p.x_mm - dot_mm, p.y_mm - e.height / 2 - 0.5, e.x_advance + 2 * dot_mm + 1.5,
                                 e.height + 1.0};
            if (!inside(box, layout.map.frame)) continue;
            if (std::any_of(taken.begin(), taken.end(), [&](const geo::BoxMm& b) { return overlaps(b, box); }))
                continue;
            taken.push_back(box);
            cairo_new_path(cr);
            cairo_arc(cr, p.x_mm, p.y_mm, dot_mm, 0.0, 6.283185307179586);
            cairo_set_source_rgba(cr, 0.16, 0.18, 0.2, 1.0);
            cairo_fill(cr);
            halo_text(p.x_mm + 2 * dot_mm, p.y_mm + e.height / 2 - (e.height + e.y_bearing), place->name,
                      gui::Rgba8{40, 44, 50, 255});
        }
    }
    const gui::Layer* layer = model.layers().find(gui::LayerKind::territories);
    if (!layer || !layer->visible || model.territories().empty()) return;
    for (const auto level : gui::kLabelOrder) {
        if (!gui::label_shown_at(level, zoom)) continue;
        const bool big = level != geo::TerritoryLevel::commune && level != geo::TerritoryLevel::epci;
        const gui::Rgba8 ink = big ? gui::territory_style(level).outline : gui::Rgba8{60, 60, 60, 255};
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               big ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr, big ? size_mm * 1.15 : size_mm * 0.9);
        for (const auto& t : model.territories()) {
            if (t.level != level || t.name.empty()) continue;
            const auto at = gui::label_point(t.geometry);
            if (!at) continue;
            const geo::PagePoint p = layout.map.to_page(*at);
            cairo_text_extents_t e;
            cairo_text_extents(cr, t.name.c_str(), &e);
            const geo::BoxMm box{p.x_mm - e.x_advance / 2 - 0.5, p.y_mm - e.height / 2 - 0.5, e.x_advance + 1.0,
                                 e.height + 1.0};
            if (!inside(box, layout.map.frame)) continue;
            if (std::any_of(taken.begin(), taken.end(), [&](const geo::BoxMm& b) { return overlaps(b, box); }))
                continue;
            taken.push_back(box);
            halo_text(p.x_mm - e.x_advance / 2, p.y_mm + e.height / 2 - (e.height + e.y_bearing), t.name, ink);
        }
    }
}

}  // namespace app::print
