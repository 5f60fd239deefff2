#pragma once
// The Gaps panel: turns the Gaps layer on (geo::compute_gaps in the
// background over the audience perimeter, see GapsController), the cell
// size, the details of the cell clicked on the map, the gap zones ranked by
// score × area (sortable; a click flies to the zone) and the export (GeoJSON
// of zones and cells, CSV of the ranked zones, via geo/io/gaps_export).
// Also the map-side helpers: the selected zone / cell outline and the hover
// tooltip over a gap cell. Main thread, inside an ImGui frame.
// Failures: none raised; a failed computation or export shows its message in red (an export's also on
//   the status line); gap_cell_tooltip() expects a cell index in range.
#include <imgui.h>

#include "app/gui/model/audience_controller.hpp"
#include "app/gui/model/gap_view.hpp"
#include "app/gui/model/gaps_controller.hpp"
#include "app/gui/model/map_model.hpp"
#include "app/gui/model/ui_state.hpp"
#include "app/gui/views/export_row.hpp"

namespace app::gui {

class GapsPanel {
public:
    GapsPanel();
    void draw(MapModel& model, GapsController& gaps, const AudienceController& audience, UiState& ui);
    [[nodiscard]] bool busy() const { return m_export.busy(); }

private:
    void draw_cell(const geo::GapResult& gaps, std::size_t cell) const;
    void draw_zones(MapModel& model, const geo::GapResult& gaps, UiState& ui);

    GapSort m_sort = GapSort::rank;
    ExportRow m_export;
};

// Flies the camera to a box (a gap zone, a territory).
void fly_to_box(const geo::LonLatBox& box, MapModel& model, UiState& ui);

// Over the map: the selected gap zone and cell outlined.
void draw_gap_selection(ImDrawList* draw, ImVec2 origin, const MapModel& model);
// The gap cell under `point`, for a click or a hover, when the Gaps layer shows.
std::optional<std::size_t> gap_cell_at(const MapModel& model, geo::LonLat point);
// Tooltip body for a gap cell.
void gap_cell_tooltip(const geo::GapResult& gaps, std::size_t cell);

}  // namespace app::gui
