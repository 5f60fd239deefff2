#include "app/print/print_density.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "app/gui/render/palette.hpp"
#include "app/print/cairo_handles.hpp"

namespace app::print {
namespace {

// The values as premultiplied ARGB32, one pixel per grid cell, row r = grid row r.
CairoSurface value_image(const gui::DensitySurface& s) {
    CairoSurface image(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, s.width, s.height));
    if (cairo_surface_status(image.get()) != CAIRO_STATUS_SUCCESS) return image;
    cairo_surface_flush(image.get());
    unsigned char* data = cairo_image_surface_get_data(image.get());
    const int stride = cairo_image_surface_get_stride(image.get());
    for (int r = 0; r < s.height; ++r) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(r) * stride);
        for (int c = 0; c < s.width; ++c) {
            const float v =
                s.values[static_cast<std::size_t>(r) * static_cast<std::size_t>(s.width) + static_cast<std::size_t>(c)];
            if (!(v > s.min_value)) {
                row[c] = 0;
                continue;
            }
            const gui::Rgba8 k = gui::ramp_colour(gui::kDensityRamp, std::clamp(v, 0.0f, 1.0f));
            const auto pre = [&](std::uint8_t x) { return static_cast<std::uint32_t>(x * k.a / 255); };
            row[c] = (static_cast<std::uint32_t>(k.a) << 24) | (pre(k.r) << 16) | (pre(k.g) << 8) | pre(k.b);
        }
    }
    cairo_surface_mark_dirty(image.get());
    return image;
}

}  // namespace

void draw_density(cairo_t* cr, const geo::PrintMapView& view, double page_dpi, const gui::DensitySurface& s,
                  double opacity) {
    if (s.empty() || s.width <= 0 || s.height <= 0) return;
    const CairoSurface values = value_image(s);
    const geo::BoxMm& f = view.frame;
    const double px_per_mm = std::min(page_dpi, 200.0) / geo::kMmPerInch;
    const int w = std::max(1, static_cast<int>(std::ceil(f.width_mm * px_per_mm)));
    const int h = std::max(1, static_cast<int>(std::ceil(f.height_mm * px_per_mm)));
    const CairoSurface picture(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
    const Cairo pc(cairo_create(picture.get()));
    if (cairo_status(pc.get()) != CAIRO_STATUS_SUCCESS || cairo_surface_status(values.get()) != CAIRO_STATUS_SUCCESS)
        return;
    cairo_set_antialias(pc.get(), CAIRO_ANTIALIAS_NONE);
    cairo_scale(pc.get(), px_per_mm, px_per_mm);
    cairo_translate(pc.get(), -f.x_mm, -f.y_mm);
    const int cols = s.mesh_cols + 1;
    const auto node = [&](int i, int j) { return view.to_page(s.nodes[static_cast<std::size_t>(j * cols + i)]); };
    for (int j = 0; j < s.mesh_rows; ++j)
        for (int i = 0; i < s.mesh_cols; ++i) {
            const geo::PagePoint p00 = node(i, j), p10 = node(i + 1, j), p01 = node(i, j + 1), p11 = node(i + 1, j + 1);
            // Texture cells of the quad's corners (the last quad may be narrower).
            const double u0 = std::min(i * s.step, s.width), u1 = std::min((i + 1) * s.step, s.width);
            const double v0 = std::min(j * s.step, s.height), v1 = std::min((j + 1) * s.step, s.height);
            if (u1 <= u0 || v1 <= v0) continue;
            // Cell (u, v) → page: p00 + (u − u0) · ex + (v − v0) · ey.
            const double exx = (p10.x_mm - p00.x_mm) / (u1 - u0), exy = (p10.y_mm - p00.y_mm) / (u1 - u0);
            const double eyx = (p01.x_mm - p00.x_mm) / (v1 - v0), eyy = (p01.y_mm - p00.y_mm) / (v1 - v0);
            cairo_matrix_t cell_to_page;
            cairo_matrix_init(&cell_to_page, exx, exy, eyx, eyy, p00.x_mm - exx * u0 - eyx * v0,
                              p00.y_mm - exy * u0 - eyy * v0);
            if (cairo_matrix_invert(&cell_to_page) != CAIRO_STATUS_SUCCESS) continue;  // degenerate quad
            cairo_pattern_t* pattern = cairo_pattern_create_for_surface(values.get());
            cairo_pattern_set_matrix(pattern, &cell_to_page);  // maps page to pattern space
            cairo_pattern_set_filter(pattern, CAIRO_FILTER_BILINEAR);
            cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD);
            cairo_move_to(pc.get(), p00.x_mm, p00.y_mm);
            cairo_line_to(pc.get(), p10.x_mm, p10.y_mm);
            cairo_line_to(pc.get(), p11.x_mm, p11.y_mm);
            cairo_line_to(pc.get(), p01.x_mm, p01.y_mm);
            cairo_close_path(pc.get());
            cairo_set_source(pc.get(), pattern);
            cairo_fill(pc.get());
            cairo_pattern_destroy(pattern);
        }
    cairo_surface_flush(picture.get());
    cairo_save(cr);
    cairo_translate(cr, f.x_mm, f.y_mm);
    cairo_scale(cr, 1.0 / px_per_mm, 1.0 / px_per_mm);
    cairo_set_source_surface(cr, picture.get(), 0.0, 0.0);
    cairo_paint_with_alpha(cr, opacity);
    cairo_restore(cr);
}

}  // namespace app::print
