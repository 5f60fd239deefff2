#pragma once
// The one owner of each cairo handle: a cairo_surface_t* and a cairo_t*,
// destroyed with their cairo functions (nowhere else). Move-only.
#include <memory>

#include <cairo.h>

namespace app::print {

struct CairoSurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using CairoSurface = std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter>;
using Cairo = std::unique_ptr<cairo_t, CairoDeleter>;

}  // namespace app::print
