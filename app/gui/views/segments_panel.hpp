#pragma once
// The Segments panel: every audience (presets and those saved in the
// catalogue) ranked for our territory against the competitors chosen in the
// Benchmark panel — a thin view over app/gui/model/segments_job (the same
// geo::compute_segments as `territoire segments`), run in the background. A
// table (rank, segment, score, fit ratio, share inside, labels, gaps, months)
// with the reason sentences in the interface language, and a bar chart of
// the scores; clicking a row or a bar selects that audience in the map.
// Main thread, inside an ImGui window.
#include <optional>
#include <string>

#include "app/gui/model/audience_controller.hpp"
#include "app/gui/model/map_model.hpp"
#include "app/gui/model/segments_controller.hpp"
#include "app/gui/render/ui_cache.hpp"

namespace app::gui {

class SegmentsPanel {
public:
    // Every frame: collects a finished ranking.
    void update();
    // `ours` / `against`: the Benchmark panel's choice.
    void draw(const MapModel& model, AudienceController& audience, const std::string& ours,
              const std::vector<std::string>& against);
    void start(const MapModel& model, const std::string& ours, const std::vector<std::string>& against);
    [[nodiscard]] bool busy() const { return m_segments.busy(); }
    [[nodiscard]] const std::optional<SegmentsOutcome>& outcome() const { return m_segments.result(); }
    [[nodiscard]] const std::string& error() const { return m_segments.error(); }
    // Where the run button and the table rows were drawn last frame (the
    // --state-file test hook).
    [[nodiscard]] const UiRect& button_rect() const { return m_button_rect; }
    [[nodiscard]] const std::vector<UiRect>& row_rects() const { return m_row_rects; }

private:
    // The audience of segment `rank` (1-based) into the map.
    void select(std::size_t index, const MapModel& model, AudienceController& audience) const;
    void draw_table(const MapModel& model, AudienceController& audience) const;
    void draw_chart(const MapModel& model, AudienceController& audience) const;

    SegmentsController m_segments;
    UiRect m_button_rect;
    mutable std::vector<UiRect> m_row_rects;
};

}  // namespace app::gui
