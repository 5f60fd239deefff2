#pragma once
// The audience panel: pick a preset, edit the family weights with sliders
// (and, folded under each family, its subtypes' weights), see a "modified"
// mark and reset to the preset, the captured share (level) and the smoothing
// (plug-in, adaptive, Scott or a manual radius, with the value chosen). Every
// change files a debounced background recompute (AudienceController), so a
// slider never blocks a frame; the perimeter's statistics and the table of
// the territories it crosses show below.
// Main thread, inside an ImGui window.
// Failures: none raised; a recompute that failed shows its message in red in the panel, and a taxonomy
//   that fails to load leaves the subtype sliders out.
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "app/gui/model/audience_controller.hpp"
#include "app/gui/model/map_model.hpp"
#include "geo/analysis/audience.hpp"
#include "geo/core/taxonomy.hpp"

namespace app::gui {

class AudiencePanel {
public:
    // `presets`: the audiences offered in the combo (data/audiences.json).
    // The taxonomy's subtypes (names of the subtype sliders) are read once.
    explicit AudiencePanel(std::vector<geo::Audience> presets);
    void draw(MapModel& model, AudienceController& controller);
    // Window pixels (x, y, w, h) of each family weight slider (by family id)
    // and of the reset button, as last drawn: for the --state-file test hook.
    using Rect4 = std::array<float, 4>;
    [[nodiscard]] const std::vector<std::pair<std::string, Rect4>>& slider_rects() const { return m_slider_rects; }
    [[nodiscard]] const Rect4& reset_rect() const { return m_reset_rect; }

private:
    void draw_stats(const AudienceResult& result, const MapModel& model) const;
    void draw_borders(const geo::BorderReport& report) const;
    void draw_weights(const geo::Audience& audience, MapModel& model, AudienceController& controller);
    void draw_smoothing(MapModel& model, AudienceController& controller);

    std::vector<geo::SubtypeInfo> m_subtypes;

    std::vector<geo::Audience> m_presets;
    std::vector<std::pair<std::string, Rect4>> m_slider_rects;
    Rect4 m_reset_rect{};
};

}  // namespace app::gui
