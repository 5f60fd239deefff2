#pragma once
// The map canvas view: a transparent ImGui window over the GL map that
// turns input into camera moves (drag to pan, wheel to zoom around the
// cursor, double-click to zoom in, + / − / arrow keys, fit button), picks
// items under the cursor (hover tooltip, click to select) and draws the
// overlay (labels, scale bar, attribution, cursor position).
// Main thread, inside an ImGui frame.
// Failures: none (input and drawing, no I/O); other parts' errors show on the status line it draws, in red.
#include <imgui.h>

#include "app/gui/model/map_model.hpp"
#include "app/gui/model/ui_state.hpp"
#include "app/gui/render/map_renderer.hpp"
#include "app/gui/render/ui_cache.hpp"
#include "app/gui/views/map_overlay.hpp"

namespace app::gui {

class MapCanvas {
public:
    // `pos`, `size`: the canvas rectangle in window pixels. Sets the camera
    // viewport to `size`.
    void draw(ImVec2 pos, ImVec2 size, MapModel& model, const MapRenderer& renderer, UiState& ui);

    // Where the on-map buttons were drawn this frame (window pixels).
    struct Controls {
        UiRect fit, zoom_in, zoom_out;
    };
    [[nodiscard]] const Controls& controls() const { return m_controls; }
    // The labels drawn this frame (window pixels), for the --state-file hook.
    [[nodiscard]] const std::vector<DrawnLabel>& labels() const { return m_labels; }

private:
    void handle_input(ImVec2 pos, MapModel& model, const MapRenderer& renderer, UiState& ui);
    void draw_controls(ImVec2 pos, ImVec2 size, MapModel& model, UiState& ui);
    [[nodiscard]] std::string status_text(const MapModel& model, const MapRenderer& renderer) const;
    void draw_status(ImDrawList* draw, ImVec2 pos, ImVec2 size, const MapModel& model, const MapRenderer& renderer,
                     const UiState& ui) const;

    Controls m_controls;
    std::vector<DrawnLabel> m_labels;
    bool m_hovered = false;
    ImVec2 m_cursor_local{-1, -1};
};

// Fits the camera to the selected item, else to all the data.
void fit_view(MapModel& model, UiState& ui, bool selection_only);

}  // namespace app::gui
