#include "app/print/print_basemap.hpp"

#include <algorithm>
#include <cmath>

#include "app/gui/model/camera.hpp"
#include "app/gui/render/basemap_style.hpp"
#include "app/print/cairo_handles.hpp"
#include "app/print/print_cairo.hpp"

namespace app::print {
namespace {

constexpr double kMaxRasterDpi = 200.0;

void set_colour(cairo_t* cr, gui::Rgba8 c, double opacity) {
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0 * opacity);
}

void add_path(cairo_t* cr, const geo::PrintMapView& view, const geo::Ring& ring, bool close) {
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const geo::PagePoint p = view.to_page(ring[i]);
        if (i == 0)
            cairo_move_to(cr, p.x_mm, p.y_mm);
        else
            cairo_line_to(cr, p.x_mm, p.y_mm);
    }
    if (close) cairo_close_path(cr);
}

void stroke(cairo_t* cr, gui::Rgba8 colour, const gui::LineStyle& line, double extra_px, double opacity) {
    set_colour(cr, colour, opacity);
    cairo_set_line_width(cr, (line.width_px + extra_px) * kMmPerScreenPx);
    if (line.dash_on_px > 0.0f) {
        const double dashes[] = {line.dash_on_px * kMmPerScreenPx, line.dash_off_px * kMmPerScreenPx};
        cairo_set_dash(cr, dashes, 2, 0.0);
    } else {
        cairo_set_dash(cr, nullptr, 0, 0.0);
    }
    cairo_stroke(cr);
}

void draw_osm(cairo_t* cr, const geo::PrintMapView& view, const geo::OsmBasemap& osm, double opacity) {
    // The screen zoom whose pixels are the page's 1/96 inch.
    const double zoom = std::log2(gui::kZoom0MetresPerPx / (view.mercator_m_per_mm * kMmPerScreenPx));
    const geo::BasemapBand* band = osm.band_at(zoom);
    if (!band) return;
    cairo_save(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    for (geo::BasemapClass cls : gui::kBasemapAreaOrder) {
        for (const geo::BasemapArea& area : band->areas)
            if (area.cls == cls)
                for (const geo::Polygon& polygon : area.polygons.polygons)
                    for (const geo::Ring& ring : polygon.rings) add_path(cr, view, ring, true);
        set_colour(cr, gui::basemap_area_colour(cls), opacity);
        cairo_fill(cr);
    }
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    for (int pass = 0; pass < 2; ++pass)  // casings, then the lines themselves
        for (geo::BasemapClass cls : gui::kBasemapLineOrder) {
            const gui::BasemapLineStyle style = gui::basemap_line_style(cls);
            if (pass == 0 && style.casing.a == 0) continue;
            for (const geo::BasemapLine& line : band->lines)
                if (line.cls == cls) add_path(cr, view, line.points, false);
            if (pass == 0)
                stroke(cr, style.casing, style.line, 1.6, opacity);
            else
                stroke(cr, style.colour, style.line, 0.0, opacity);
        }
    cairo_restore(cr);
}

std::string draw_raster(cairo_t* cr, const geo::PrintMapView& view, double page_dpi, const std::string& path,
                        double opacity) {
    auto raster = geo::RasterBasemap::open(path);
    if (!raster) return raster.error().message;
    const geo::BoxMm& f = view.frame;
    const double dpi = std::min(page_dpi, kMaxRasterDpi);
    const int w = std::max(1, static_cast<int>(std::lround(f.width_mm / 25.4 * dpi)));
    const int h = std::max(1, static_cast<int>(std::lround(f.height_mm / 25.4 * dpi)));
    const double half_w = view.mercator_m_per_mm * f.width_mm / 2, half_h = view.mercator_m_per_mm * f.height_mm / 2;
    const geo::MercatorBox box{view.centre.x_m - half_w, view.centre.y_m - half_h, view.centre.x_m + half_w,
                               view.centre.y_m + half_h};
    auto img = raster->read(box, w, h);
    if (!img) return img.error().message;
    CairoSurface image(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
    if (cairo_surface_status(image.get()) != CAIRO_STATUS_SUCCESS) return path + ": no memory for the picture";
    cairo_surface_flush(image.get());
    unsigned char* data = cairo_image_surface_get_data(image.get());
    const int stride = cairo_image_surface_get_stride(image.get());
    for (int y = 0; y < h; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < w; ++x) {
            const std::uint8_t* p = img->at(x, y);
            const std::uint32_t a = p[3];
            const auto pre = [a](std::uint8_t c) { return static_cast<std::uint32_t>(c) * a / 255; };
            row[x] = (a << 24) | (pre(p[0]) << 16) | (pre(p[1]) << 8) | pre(p[2]);  // premultiplied ARGB32
        }
    }
    cairo_surface_mark_dirty(image.get());
    cairo_save(cr);
    cairo_translate(cr, f.x_mm, f.y_mm);
    cairo_scale(cr, f.width_mm / w, f.height_mm / h);
    cairo_set_source_surface(cr, image.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_BILINEAR);
    cairo_paint_with_alpha(cr, opacity);
    cairo_restore(cr);
    return {};
}

}  // namespace

std::string draw_basemap(cairo_t* cr, const geo::PrintMapView& view, double page_dpi, const gui::Basemap& basemap,
                         double opacity) {
    if (basemap.osm) draw_osm(cr, view, *basemap.osm, opacity);
    if (basemap.raster) return draw_raster(cr, view, page_dpi, basemap.raster->path, opacity);
    return {};
}

}  // namespace app::print
