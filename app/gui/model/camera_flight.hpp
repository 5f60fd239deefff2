#pragma once
// A short animated camera move ("fly to an item"): centre and zoom eased
// from where the camera is to a target over a fixed duration. Time is given
// by the caller in seconds (steady clock), so tests need no sleeping.
// Main thread only.
// Failures: none (arithmetic); a duration under 1 ms counts as 1 ms, and step() at or after the end lands
//   on the target and ends the flight (the zoom clamped by Camera).
#include "app/gui/model/camera.hpp"

namespace app::gui {

class CameraFlight {
public:
    void start(const Camera& from, Mercator to_centre, double to_zoom, double now_s, double duration_s = 0.45);
    [[nodiscard]] bool active() const { return m_active; }
    // Moves `camera` to where the flight is at `now_s`; ends at the target.
    void step(Camera& camera, double now_s);
    void cancel() { m_active = false; }

private:
    bool m_active = false;
    Mercator m_from, m_to;
    double m_from_zoom = 0, m_to_zoom = 0, m_start_s = 0, m_duration_s = 1;
};

}  // namespace app::gui
