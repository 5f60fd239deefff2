#include "app/gui/model/camera_flight.hpp"

#include <algorithm>

namespace app::gui {

void CameraFlight::start(const Camera& from, Mercator to_centre, double to_zoom, double now_s, double duration_s) {
    m_from = from.center();
    m_from_zoom = from.zoom();
    m_to = to_centre;
    m_to_zoom = to_zoom;
    m_start_s = now_s;
    m_duration_s = std::max(duration_s, 1e-3);
    m_active = true;
}

void CameraFlight::step(Camera& camera, double now_s) {
    if (!m_active) return;
    const double t = std::clamp((now_s - m_start_s) / m_duration_s, 0.0, 1.0);
    const double e = t * t * (3.0 - 2.0 * t);  // smoothstep: eases in and out
    camera.set_center(Mercator{m_from.x_m + (m_to.x_m - m_from.x_m) * e, m_from.y_m + (m_to.y_m - m_from.y_m) * e});
    camera.set_zoom(m_from_zoom + (m_to_zoom - m_from_zoom) * e);
    if (t >= 1.0) m_active = false;
}

}  // namespace app::gui
