#pragma once
// The export dialog: offer items, the destination perimeter(s) or the
// territories, to GeoJSON (RFC 7946), GeoPackage, CSV or KML, with the
// provenance (catalogue, sources and licences, audience, date) in the file.
// The export runs as a background job; the dialog shows the outcome.
// Main thread, inside an ImGui frame.
#include <cstdint>
#include <string>

#include "app/gui/model/audience_controller.hpp"
#include "app/gui/model/background_job.hpp"
#include "app/gui/model/map_model.hpp"
#include "app/gui/model/ui_state.hpp"
#include "app/gui/views/file_browser.hpp"
#include "geo/core/error.hpp"
#include "geo/store/catalogue.hpp"

namespace app::gui {

enum class ExportWhat { items, perimeters, territories };

class ExportDialog {
public:
    void open() { m_open_requested = true; }
    void draw(const MapModel& model, const AudienceController& audience, const std::vector<geo::SourceInfo>& sources,
              UiState& ui);
    [[nodiscard]] bool busy() const { return m_job.running(); }

private:
    void start(const MapModel& model, const AudienceController& audience, const std::vector<geo::SourceInfo>& sources,
               const UiState& ui);

    bool m_open_requested = false;
    ExportWhat m_what = ExportWhat::items;
    int m_format = 0;  // index into the formats
    std::string m_path = "territoire-elements.geojson";
    FileBrowser m_browser;
    BackgroundJob<geo::Result<std::int64_t>> m_job;
    std::string m_outcome;
    bool m_outcome_is_error = false;
};

// The perimeter levels as territories (level "destination"), named after
// the audience and the level, for the exporters.
std::vector<geo::Territory> perimeters_as_territories(const std::vector<PerimeterOverlay>& levels,
                                                      const std::string& audience_name, const std::string& audience_id);

}  // namespace app::gui
