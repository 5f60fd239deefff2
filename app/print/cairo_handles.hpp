#pragma once
// The one owner of each cairo handle: a cairo_surface_t* and a cairo_t*,
// destroyed with their cairo functions (nowhere else). Move-only.
// Thread-safety: a handle belongs to the thread that uses it (cairo objects
// are not shared). Failures: none here; cairo records errors in the
// surface's and context's status, which their users check.
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
