#pragma once
// A picture of the map's static layers (context files, territories,
// density, perimeters: everything under the offer items) kept in an
// offscreen texture a margin larger than the viewport. While the user only
// pans, frames copy the right part of it (glBlitFramebuffer) instead of
// drawing thousands of outline segments again; the picture is redrawn when
// the zoom, the viewport, the layers or their meshes change, or when the pan
// leaves the margin. While the zoom changes frame after frame (wheel,
// pinch, flights), the picture is shown scaled around the view (a linear
// blit, as web maps do during a zoom animation) as long as the view stays
// inside it and within a factor kMinScale of its zoom; beyond, the layers
// are drawn directly. Once the zoom rests, the next frame redraws the
// picture crisp at the new zoom.
// Needs a current GL 3.3 context; main thread only.
// Failures: none reported; without a usable picture (incomplete framebuffer) the layers are drawn straight
//   into the target and present() returns false; GL errors are not checked.
#include <functional>
#include <optional>

#include "app/gui/model/camera.hpp"
#include "app/gui/render/gl.hpp"
#include "app/gui/render/offscreen.hpp"

namespace app::gui {

class LayerCache {
public:
    static constexpr int kMarginPx = 256;
    static constexpr double kMinScale = 0.5;  // zooming in past 2× the picture: redraw

    struct Key {
        double metres_per_px = 0.0;
        int width_px = 0, height_px = 0;
        unsigned content = 0;  // changes whenever what the layers show changes
        friend bool operator==(const Key&, const Key&) = default;
    };

    // Puts the static layers of `camera`'s view into the framebuffer
    // rectangle at (fb_x, fb_y): from the picture when it can, else by
    // calling `draw(view_camera)` into the picture (redrawn) or straight into
    // the target (while zooming). Returns true when the picture was used.
    bool present(const Camera& camera, unsigned content, int fb_x, int fb_y,
                 const std::function<void(const Camera&)>& draw);

private:
    bool scaled_blit(const Camera& camera, const Key& key, GLint target, int fb_x, int fb_y);
    bool rebuild(const Camera& camera, const Key& key, const std::function<void(const Camera&)>& draw);

    TextureTarget m_target;
    int m_tex_w = 0, m_tex_h = 0;
    std::optional<Key> m_key;                    // of the picture
    Mercator m_centre;                           // of the picture
    std::optional<double> m_last_metres_per_px;  // of the previous frame
};

}  // namespace app::gui
