#include "app/gui/views/export_row.hpp"

#include <filesystem>

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/gui/errors/error_text.hpp"
#include "app/gui/i18n.hpp"

namespace app::gui {

void draw_export_outcome(bool running, const std::string& outcome, bool is_error) {
    if (running) {
        ImGui::TextDisabled("%s", tr(Text::computing));
    } else if (!outcome.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, is_error ? ImVec4(0.65f, 0.1f, 0.1f, 1) : ImVec4(0.1f, 0.4f, 0.2f, 1));
        ImGui::TextWrapped("%s", outcome.c_str());
        ImGui::PopStyleColor();
    }
}

void draw_save_path(std::string& path, FileBrowser& browser, float reserve_px) {
    ImGui::SetNextItemWidth(-ImGui::CalcTextSize(tr(Text::browse)).x - 24 - reserve_px);
    ImGui::InputText("##path", &path);
    ImGui::SameLine();
    if (ImGui::Button(tr(Text::browse))) browser.open(FileBrowser::Mode::save_file, path);
    if (auto chosen = browser.draw()) path = *chosen;
}

geo::CsvOptions gui_csv_options(const UiState& ui) {
    const geo::CsvDialect language_default =
        language() == Language::fr ? geo::CsvDialect::excel_fr : geo::CsvDialect::rfc4180;
    return {geo::CsvCells::neutralised, ui.csv_dialect.value_or(language_default)};
}

void draw_csv_dialect(UiState& ui) {
    int dialect = gui_csv_options(ui).dialect == geo::CsvDialect::excel_fr ? 0 : 1;
    const char* choices[] = {tr(Text::csv_dialect_excel_fr), tr(Text::csv_dialect_rfc4180)};
    ImGui::SetNextItemWidth(-1);
    if (ImGui::Combo(tr(Text::csv_dialect), &dialect, choices, IM_ARRAYSIZE(choices)))
        ui.csv_dialect = dialect == 0 ? geo::CsvDialect::excel_fr : geo::CsvDialect::rfc4180;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Text::csv_dialect_tip));
}

ExportRow::ExportRow(std::string stem, std::vector<ExportFormat> formats)
    : m_formats(std::move(formats)), m_path(stem + (m_formats.empty() ? "" : m_formats[0].extension)) {}

void ExportRow::draw(const char* id, const char* button, bool enabled, const MakeWriter& make, UiState& ui) {
    if (auto done = m_job.take()) {
        m_outcome_is_error = !*done;
        m_outcome = *done ? fmt::format(fmt::runtime(tr(Text::exported_to)), m_path) + fmt::format(" ({})", **done)
                          : error_text(done->error());
        ui.set_status(m_outcome, m_outcome_is_error);
    }
    ImGui::PushID(id);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##format", m_formats[static_cast<std::size_t>(m_format)].label.c_str())) {
        for (std::size_t i = 0; i < m_formats.size(); ++i)
            if (ImGui::Selectable(m_formats[i].label.c_str(), static_cast<int>(i) == m_format)) {
                m_format = static_cast<int>(i);
                m_path = std::filesystem::path(m_path).replace_extension(m_formats[i].extension).string();
            }
        ImGui::EndCombo();
    }
    const bool csv = m_formats[static_cast<std::size_t>(m_format)].extension == ".csv";
    if (csv) draw_csv_dialect(ui);
    draw_save_path(m_path, m_browser, ImGui::CalcTextSize(button).x + 16);
    ImGui::SameLine();
    ImGui::BeginDisabled(!enabled || m_job.running() || m_path.empty());
    if (ImGui::Button(button)) {
        m_outcome.clear();
        m_job.start([writer = make(m_path, m_format, gui_csv_options(ui))](const geo::Progress&) { return writer(); });
    }
    ImGui::EndDisabled();
    draw_export_outcome(m_job.running(), m_outcome, m_outcome_is_error);
    ImGui::PopID();
}

}  // namespace app::gui
