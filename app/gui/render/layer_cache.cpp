#include "app/gui/render/layer_cache.hpp"

#include <cmath>

namespace app::gui {

bool LayerCache::rebuild(const Camera& camera, const Key& key, const std::function<void(const Camera&)>& draw) {
    const int w = camera.width_px() + 2 * kMarginPx, h = camera.height_px() + 2 * kMarginPx;
    if (!m_target || w > m_tex_w || h > m_tex_h) {
        m_target = make_texture_target(w, h);
        if (!m_target) return false;
        m_tex_w = w;
        m_tex_h = h;
    }
    Camera big = camera;
    big.set_viewport(w, h);
    glBindFramebuffer(GL_FRAMEBUFFER, m_target.fbo.get());
    glViewport(0, 0, w, h);
    glScissor(0, 0, w, h);
    draw(big);
    m_key = key;
    m_centre = camera.center();
    return true;
}

bool LayerCache::scaled_blit(const Camera& camera, const Key& key, GLint target, int fb_x, int fb_y) {
    if (!m_key || m_key->width_px != key.width_px || m_key->height_px != key.height_px || m_key->content != key.content)
        return false;
    const double ratio = camera.metres_per_px() / m_key->metres_per_px;  // < 1: zoomed in since
    if (ratio < kMinScale || ratio > 1.0 / kMinScale) return false;
    // The view in picture pixels (origin bottom-left, like the framebuffer).
    const double cx = kMarginPx + key.width_px / 2.0 + (camera.center().x_m - m_centre.x_m) / m_key->metres_per_px;
    const double cy = kMarginPx + key.height_px / 2.0 + (camera.center().y_m - m_centre.y_m) / m_key->metres_per_px;
    const double hw = key.width_px / 2.0 * ratio, hh = key.height_px / 2.0 * ratio;
    const int x0 = static_cast<int>(std::lround(cx - hw)), x1 = static_cast<int>(std::lround(cx + hw));
    const int y0 = static_cast<int>(std::lround(cy - hh)), y1 = static_cast<int>(std::lround(cy + hh));
    if (x0 < 0 || y0 < 0 || x1 > key.width_px + 2 * kMarginPx || y1 > key.height_px + 2 * kMarginPx) return false;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_target.fbo.get());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(target));
    glViewport(fb_x, fb_y, camera.width_px(), camera.height_px());
    glScissor(fb_x, fb_y, camera.width_px(), camera.height_px());
    glBlitFramebuffer(x0, y0, x1, y1, fb_x, fb_y, fb_x + camera.width_px(), fb_y + camera.height_px(),
                      GL_COLOR_BUFFER_BIT, GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target));
    return true;
}

bool LayerCache::present(const Camera& camera, unsigned content, int fb_x, int fb_y,
                         const std::function<void(const Camera&)>& draw) {
    GLint target = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target);
    const Key key{camera.metres_per_px(), camera.width_px(), camera.height_px(), content};
    const bool zooming = m_last_metres_per_px && *m_last_metres_per_px != camera.metres_per_px();
    m_last_metres_per_px = camera.metres_per_px();

    // Where the view sits in the picture, in whole pixels.
    const auto offset = [&](double& sx, double& sy) {
        sx = (camera.center().x_m - m_centre.x_m) / camera.metres_per_px();
        sy = (camera.center().y_m - m_centre.y_m) / camera.metres_per_px();
        return std::abs(sx) <= kMarginPx && std::abs(sy) <= kMarginPx && std::abs(sx - std::round(sx)) < 1e-3 &&
               std::abs(sy - std::round(sy)) < 1e-3;
    };
    double sx = 0, sy = 0;
    bool usable = m_key == key && offset(sx, sy);
    if (!usable && zooming && scaled_blit(camera, key, target, fb_x, fb_y)) return true;
    if (!usable && !zooming) {
        usable = rebuild(camera, key, draw);
        sx = sy = 0;
    }
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target));
    glViewport(fb_x, fb_y, camera.width_px(), camera.height_px());
    glScissor(fb_x, fb_y, camera.width_px(), camera.height_px());
    if (!usable) {
        m_key.reset();
        draw(camera);
        return false;
    }
    const int x0 = kMarginPx + static_cast<int>(std::lround(sx));
    const int y0 = kMarginPx + static_cast<int>(std::lround(sy));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_target.fbo.get());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(target));
    glBlitFramebuffer(x0, y0, x0 + camera.width_px(), y0 + camera.height_px(), fb_x, fb_y, fb_x + camera.width_px(),
                      fb_y + camera.height_px(), GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target));
    return true;
}

}  // namespace app::gui
