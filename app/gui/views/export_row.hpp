#pragma once
// A compact export control for the analysis panels (benchmark, gaps): a
// format combo, the output path with a browse button, an export button and
// the outcome. The export itself (a geo/io writer) runs as a background job;
// the caller supplies it for the chosen path and format.
// Main thread, inside an ImGui window.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/gui/model/background_job.hpp"
#include "app/gui/model/ui_state.hpp"
#include "app/gui/views/file_browser.hpp"
#include "geo/core/error.hpp"

namespace app::gui {

struct ExportFormat {
    std::string label;      // shown in the combo
    std::string extension;  // ".csv"
};

// "Computing…" while `running`, else the outcome of the last export, in
// green or (error) red. Shared with the export dialog.
void draw_export_outcome(bool running, const std::string& outcome, bool is_error);

// The output path field with its Browse… button (a save-file browser), the
// path replaced by the one chosen; `reserve_px` left free on the line after it.
// Shared with the export, map and report dialogs.
void draw_save_path(std::string& path, FileBrowser& browser, float reserve_px = 0.0f);

// The CSV options of the GUI's exports: neutralised cells, in the dialect
// chosen (ui.csv_dialect), by default the language's: excel-fr in French
// (semicolons and decimal commas, what a French spreadsheet opens), rfc4180
// in English.
geo::CsvOptions gui_csv_options(const UiState& ui);
// The "CSV for" combo that sets ui.csv_dialect (shown when the format is CSV).
void draw_csv_dialect(UiState& ui);

class ExportRow {
public:
    using Writer = std::function<geo::Result<std::int64_t>()>;
    // Builds the writer for `path` in format `format` (index into the
    // formats); CSV writers write in `csv`.
    using MakeWriter = std::function<Writer(const std::string& path, int format, const geo::CsvOptions& csv)>;

    ExportRow(std::string stem, std::vector<ExportFormat> formats);
    // `id` keeps ImGui ids apart; `enabled`: there is something to export.
    void draw(const char* id, const char* button, bool enabled, const MakeWriter& make, UiState& ui);
    [[nodiscard]] bool busy() const { return m_job.running(); }

private:
    std::vector<ExportFormat> m_formats;
    int m_format = 0;
    std::string m_path;
    FileBrowser m_browser;
    BackgroundJob<geo::Result<std::int64_t>> m_job;
    std::string m_outcome;
    bool m_outcome_is_error = false;
};

}  // namespace app::gui
