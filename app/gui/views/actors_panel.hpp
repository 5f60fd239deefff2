#pragma once
// The Actors panel: the actors to federate inside the destination perimeter
// of the audience shown — the territories it crosses, the producers of the
// records and the labelled operators — a thin view over ActorsController
// (the same geo::compute_actors as `territoire actors`), run in the
// background when asked. Export CSV writes the command's mailing-merge CSV
// (geo::write_actors) beside the catalogue; the status line says where.
// Main thread, inside an ImGui window. Errors are shown in the panel and the
// status line.
#include <optional>

#include "app/gui/model/actors_controller.hpp"
#include "app/gui/model/audience_controller.hpp"
#include "app/gui/model/map_model.hpp"
#include "app/gui/model/ui_state.hpp"
#include "app/gui/render/ui_cache.hpp"

namespace app::gui {

class ActorsPanel {
public:
    // Every frame: collects a finished list.
    void update() { m_actors.poll(); }
    void draw(const MapModel& model, const AudienceController& audience, UiState& ui);
    void start(const MapModel& model, const AudienceController& audience);
    [[nodiscard]] bool busy() const { return m_actors.busy(); }
    [[nodiscard]] const std::optional<ActorsOutcome>& outcome() const { return m_actors.result(); }
    [[nodiscard]] const std::string& error() const { return m_actors.error(); }
    [[nodiscard]] const UiRect& button_rect() const { return m_button_rect; }

private:
    void draw_lists(const ActorsOutcome& outcome) const;
    void export_csv(const MapModel& model, UiState& ui) const;

    ActorsController m_actors;
    UiRect m_button_rect;
};

}  // namespace app::gui
