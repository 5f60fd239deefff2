#pragma once
// The map as an image, exactly as `territoire render` and the GUI's
// "Save map as PNG" produce it: the GL layers drawn into an offscreen
// framebuffer of the camera's viewport size, then the overlay (labels, scale
// bar, attribution, legend) drawn with a standalone ImGui draw list.
// Needs a current GL context, the ImGui OpenGL 3 backend initialised and an
// ImGui frame begun (fonts ready). Leaves the default framebuffer bound.
// Thread-safety: main thread only (GL and the process's ImGui context).
// Failures: geo::Result with Offscreen::create's message (size outside the GL limits, incomplete
//   framebuffer); meshes that could not be built are MapRenderer::take_errors()'s, not reported here.
#include <string>

#include "app/gui/model/map_model.hpp"
#include "app/gui/render/map_renderer.hpp"
#include "app/gui/render/offscreen.hpp"
#include "geo/core/error.hpp"

namespace app::gui {

geo::Result<Image> render_map_image(const MapModel& model, MapRenderer& renderer, const std::string& attribution);

}  // namespace app::gui
