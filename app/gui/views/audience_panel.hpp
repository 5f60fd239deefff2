#pragma once
// The audience panel: pick a preset, edit the family weights with sliders,
// the captured share (level) and the smoothing radius (bandwidth). Every
// change files a debounced background recompute (AudienceController), so a
// slider never blocks a frame; statistics of the result show below.
// Main thread, inside an ImGui window.
#include <string>
#include <vector>

#include "app/gui/model/audience_job.hpp"
#include "app/gui/model/map_model.hpp"
#include "geo/analysis/audience.hpp"

namespace app::gui {

class AudiencePanel {
public:
    // `presets`: the audiences offered in the combo (data/audiences.json).
    explicit AudiencePanel(std::vector<geo::Audience> presets) : m_presets(std::move(presets)) {}
    void draw(MapModel& model, AudienceController& controller);

private:
    std::vector<geo::Audience> m_presets;
};

}  // namespace app::gui
