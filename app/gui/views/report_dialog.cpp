#include "app/gui/views/report_dialog.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/gui/errors/error_text.hpp"
#include "app/gui/i18n.hpp"
#include "app/gui/views/export_row.hpp"
#include "app/gui/views/popup_keys.hpp"
#include "app/gui/views/territory_labels.hpp"
#include "app/print/report_pdf.hpp"
#include "geo/core/clock.hpp"
#include "geo/core/text_fold.hpp"
#include "geo/io/report_html.hpp"

namespace app::gui {
namespace {

constexpr const char* kPopup = "##export-report";

std::string joined(const MapModel& model, const std::vector<std::string>& specs) {
    std::string out;
    for (const std::string& s : specs) out += (out.empty() ? "" : ", ") + territory_label(model.territories(), s);
    return out;
}

}  // namespace

geo::Result<std::string> write_report(const ReportJobRequest& request) {
    auto catalogue = geo::Catalogue::open(request.catalogue, geo::Catalogue::Mode::read_only);
    if (!catalogue) return tl::unexpected(catalogue.error());
    auto report = geo::make_destination_report(*catalogue, request.spec);
    if (!report) return tl::unexpected(report.error().error);
    if (geo::lower_extension(request.path) == ".pdf") {
        auto pages = print::write_report_pdf(report->document, request.path);
        if (!pages) return tl::unexpected(pages.error());
    } else if (auto ok = geo::write_report_html(report->document, request.path); !ok) {
        return tl::unexpected(ok.error());
    }
    return fmt::format(fmt::runtime(tr(Text::exported_to)), request.path);
}

void ReportDialog::start(const MapModel& model, const std::string& ours, const std::vector<std::string>& against) {
    // A file name alone goes beside the catalogue, where its other exports go.
    if (std::filesystem::path(m_path).is_relative() && !model.catalogue_path().empty())
        m_path = (std::filesystem::path(model.catalogue_path()).parent_path() / m_path).string();
    ReportJobRequest request;
    request.catalogue = model.catalogue_path();
    request.path = m_path;
    request.spec.audiences = m_ticked;
    request.spec.territory = ours;
    request.spec.against = against;
    request.spec.cover = m_cover;
    const bool fr = m_language < 0 ? language() == Language::fr : m_language == 0;
    request.spec.language = fr ? geo::ReportLanguage::fr : geo::ReportLanguage::en;
    request.spec.date = geo::utc_now_iso8601().substr(0, 10);
    request.spec.catalogue_name = std::filesystem::path(model.catalogue_path()).filename().string();
    m_job.start([request](const geo::Progress&) { return write_report(request); });
    m_outcome.clear();
}

void ReportDialog::draw(const MapModel& model, const std::optional<geo::Audience>& shown, const std::string& ours,
                        const std::vector<std::string>& against, UiState& ui) {
    if (auto done = m_job.take()) {
        m_outcome_is_error = !*done;
        m_outcome = *done ? **done : error_text(done->error());
        ui.set_status(m_outcome, m_outcome_is_error);
    }
    if (!begin_dialog(kPopup, m_open_requested, 620.0f, [this] { m_outcome.clear(); })) return;
    if (!m_ticks_chosen && shown) m_ticked = {shown->id};
    ImGui::TextUnformatted(tr(Text::report_dialog_title));
    ImGui::Separator();
    const bool has_territories = !ours.empty() && !against.empty();
    if (has_territories)
        ImGui::TextWrapped("%s", fmt::format(fmt::runtime(tr(Text::report_territories)),
                                             territory_label(model.territories(), ours), joined(model, against))
                                     .c_str());
    else
        ImGui::TextColored(ImVec4(0.85f, 0.3f, 0.2f, 1.0f), "%s", tr(Text::report_no_territory));
    ImGui::TextUnformatted(tr(Text::report_targets));
    for (const geo::Audience& a : m_presets) {
        bool ticked = std::find(m_ticked.begin(), m_ticked.end(), a.id) != m_ticked.end();
        const std::string& name = language() == Language::fr ? a.name_fr : a.name_en;
        if (ImGui::Checkbox(fmt::format("{}##{}", name, a.id).c_str(), &ticked)) {
            m_ticks_chosen = true;
            if (ticked)
                m_ticked.push_back(a.id);
            else
                std::erase(m_ticked, a.id);
        }
    }
    ImGui::InputTextWithHint("##destination", tr(Text::report_destination_hint), &m_cover.destination);
    ImGui::InputTextWithHint("##slogan", tr(Text::report_slogan), &m_cover.slogan);
    ImGui::InputTextWithHint("##promise", tr(Text::report_promise), &m_cover.promise);
    int lang = m_language < 0 ? (language() == Language::fr ? 0 : 1) : m_language;
    ImGui::TextUnformatted(tr(Text::report_language));
    ImGui::SameLine();
    ImGui::RadioButton("Français", &lang, 0);
    ImGui::SameLine();
    ImGui::RadioButton("English", &lang, 1);
    m_language = lang;
    int format = m_format;
    ImGui::RadioButton("HTML", &format, 0);
    ImGui::SameLine();
    ImGui::RadioButton("PDF", &format, 1);
    if (format != m_format) {
        m_format = format;
        m_path = std::filesystem::path(m_path).replace_extension(format == 0 ? ".html" : ".pdf").string();
    }
    draw_save_path(m_path, m_browser);

    draw_export_outcome(m_job.running(), m_outcome, m_outcome_is_error);
    ImGui::Separator();
    const bool exported = !m_job.running() && !m_outcome.empty() && !m_outcome_is_error;
    const bool enter = dialog_confirmed();
    const bool can_run =
        !m_job.running() && !m_path.empty() && has_territories && !m_ticked.empty() && !model.catalogue_path().empty();
    ImGui::BeginDisabled(!can_run);
    if (ImGui::Button(tr(Text::run_export)) || (enter && can_run && !exported)) start(model, ours, against);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr(Text::cancel)) || dialog_cancelled() || (enter && exported)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace app::gui
