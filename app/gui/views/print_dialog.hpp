#pragma once
// File › Export map: the map as a printed page (PDF or PNG) at a paper size,
// orientation and resolution, with a title and subtitle — the same page as
// `territoire render --pdf` (app/print/print_map), of what the map shows now:
// its layers, perimeter, gaps, and the current view or all the data.
// The page is written by a background job; the dialog shows the outcome.
// Main thread, inside an ImGui frame.
#include <optional>
#include <string>
#include <vector>

#include "app/gui/model/background_job.hpp"
#include "app/gui/model/map_model.hpp"
#include "app/gui/model/ui_state.hpp"
#include "app/gui/views/file_browser.hpp"
#include "app/print/print_map.hpp"
#include "geo/analysis/audience.hpp"
#include "geo/core/error.hpp"
#include "geo/store/catalogue.hpp"

namespace app::gui {

// What the dialog asks for (its fields), as plain values.
struct PrintChoice {
    geo::PaperSize paper = geo::PaperSize::a4;
    geo::PageOrientation orientation = geo::PageOrientation::landscape;
    int dpi = 150;
    print::PrintFormat format = print::PrintFormat::pdf;
    bool current_view = true;  // else all the data
    std::string title, subtitle;
    std::string path = "territoire-carte.pdf";
};

// The scene and print options for `choice` of what `model` shows now (the
// model is copied: the job may outlive the frame).
gui::RenderScene print_scene(const MapModel& model, const std::optional<geo::Audience>& audience,
                             const std::string& attribution, const std::vector<geo::SourceInfo>& sources);
print::PrintOptions print_options(const PrintChoice& choice, const MapModel& model);

class PrintDialog {
public:
    void open() { m_open_requested = true; }
    void draw(const MapModel& model, const std::optional<geo::Audience>& audience, const std::string& attribution,
              const std::vector<geo::SourceInfo>& sources, UiState& ui);
    [[nodiscard]] bool busy() const { return m_job.running(); }

private:
    bool m_open_requested = false;
    PrintChoice m_choice;
    FileBrowser m_browser;
    BackgroundJob<geo::Result<geo::PrintLayout>> m_job;
    std::string m_outcome;
    bool m_outcome_is_error = false;
};

}  // namespace app::gui
