#pragma once
// File › Export report: the destination report (contrat de destination) as
// `territoire report` writes it — geo::make_destination_report on the map's
// catalogue, for the targets ticked here (the audience shown is ticked
// first), our territory and the competitors chosen in the Benchmark panel,
// with the cover's destination, slogan and promise; HTML (self-contained) or
// PDF (app/print/report_pdf). A background job opens its own read-only
// connection, computes and writes; the dialog shows the outcome and the
// status line says where the file went.
// Main thread, inside an ImGui frame. Failures (no territory chosen, unknown
// territory, analysis or write errors) are shown in the dialog and the
// status line, never dropped.
#include <optional>
#include <string>
#include <vector>

#include "app/gui/model/background_job.hpp"
#include "app/gui/model/map_model.hpp"
#include "app/gui/model/ui_state.hpp"
#include "app/gui/views/file_browser.hpp"
#include "geo/analysis/audience.hpp"
#include "geo/core/error.hpp"
#include "geo/io/report_use_case.hpp"

namespace app::gui {

// What a report export needs, as plain values (the job's copy).
struct ReportJobRequest {
    std::string catalogue;  // opened read-only on the worker
    geo::ReportSpec spec;
    std::string path;  // .html or .pdf
};

// Computes and writes the report; returns the status line's text.
geo::Result<std::string> write_report(const ReportJobRequest& request);

class ReportDialog {
public:
    explicit ReportDialog(std::vector<geo::Audience> presets) : m_presets(std::move(presets)) {}
    void open() { m_open_requested = true; }
    // `ours` / `against`: the Benchmark panel's choice.
    void draw(const MapModel& model, const std::optional<geo::Audience>& shown, const std::string& ours,
              const std::vector<std::string>& against, UiState& ui);
    [[nodiscard]] bool busy() const { return m_job.running(); }

private:
    void start(const MapModel& model, const std::string& ours, const std::vector<std::string>& against);

    std::vector<geo::Audience> m_presets;
    std::vector<std::string> m_ticked;  // audience ids
    bool m_ticks_chosen = false;        // by the user; until then the audience shown is the target
    bool m_open_requested = false;
    geo::ReportCover m_cover;
    int m_language = -1;  // -1: the interface's; 0 fr, 1 en
    int m_format = 0;     // 0 HTML, 1 PDF
    std::string m_path = "territoire-rapport.html";
    FileBrowser m_browser;
    BackgroundJob<geo::Result<std::string>> m_job;
    std::string m_outcome;
    bool m_outcome_is_error = false;
};

}  // namespace app::gui
