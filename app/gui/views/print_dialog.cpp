#include "app/gui/views/print_dialog.hpp"

#include <filesystem>
#include <memory>

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/gui/errors/error_text.hpp"
#include "app/gui/i18n.hpp"
#include "app/gui/views/export_row.hpp"
#include "app/gui/views/popup_keys.hpp"

namespace app::gui {
namespace {

constexpr const char* kPopup = "##export-map";

}  // namespace

gui::RenderScene print_scene(const MapModel& model, const std::optional<geo::Audience>& audience,
                             const std::string& attribution, const std::vector<geo::SourceInfo>& sources) {
    return {model, attribution, sources, audience};
}

print::PrintOptions print_options(const PrintChoice& choice, const MapModel& model) {
    print::PrintOptions options;
    options.page.paper = choice.paper;
    options.page.orientation = choice.orientation;
    options.page.dpi = choice.dpi;
    options.title = choice.title;
    options.subtitle = choice.subtitle;
    options.format = choice.format;
    options.page.raster = choice.format == print::PrintFormat::png;
    options.output = choice.path;
    if (choice.current_view) {
        const Camera& c = model.camera();
        geo::LonLatBox box;
        box.extend(c.to_lonlat({0.0, 0.0}));
        box.extend(c.to_lonlat({static_cast<double>(c.width_px()), static_cast<double>(c.height_px())}));
        options.bbox = box;
    }
    return options;
}

void PrintDialog::draw(const MapModel& model, const std::optional<geo::Audience>& audience,
                       const std::string& attribution, const std::vector<geo::SourceInfo>& sources, UiState& ui) {
    if (auto done = m_job.take()) {
        m_outcome_is_error = !*done;
        m_outcome = *done ? fmt::format(fmt::runtime(tr(Text::exported_to)), m_choice.path) : error_text(done->error());
        ui.set_status(m_outcome, m_outcome_is_error);
    }
    if (!begin_dialog(kPopup, m_open_requested, 560.0f, [this] { m_outcome.clear(); })) return;
    ImGui::TextUnformatted(tr(Text::print_dialog_title));
    ImGui::Separator();
    PrintChoice& c = m_choice;
    int format = static_cast<int>(c.format);
    ImGui::RadioButton("PDF", &format, 0);
    ImGui::SameLine();
    ImGui::RadioButton("PNG", &format, 1);
    if (format != static_cast<int>(c.format)) {
        c.format = static_cast<print::PrintFormat>(format);
        c.path = std::filesystem::path(c.path).replace_extension(format == 0 ? ".pdf" : ".png").string();
    }
    int paper = static_cast<int>(c.paper), orientation = static_cast<int>(c.orientation);
    ImGui::TextUnformatted(tr(Text::print_paper));
    ImGui::SameLine(160);
    ImGui::RadioButton("A4", &paper, 0);
    ImGui::SameLine();
    ImGui::RadioButton("A3", &paper, 1);
    ImGui::SameLine(300);
    ImGui::RadioButton(tr(Text::print_portrait), &orientation, 0);
    ImGui::SameLine();
    ImGui::RadioButton(tr(Text::print_landscape), &orientation, 1);
    c.paper = static_cast<geo::PaperSize>(paper);
    c.orientation = static_cast<geo::PageOrientation>(orientation);
    ImGui::SetNextItemWidth(120);
    ImGui::InputInt(tr(Text::print_dpi), &c.dpi, 50, 100);
    c.dpi = std::clamp(c.dpi, static_cast<int>(geo::kMinDpi), static_cast<int>(geo::kMaxDpi));
    int extent = c.current_view ? 0 : 1;
    ImGui::RadioButton(tr(Text::print_current_view), &extent, 0);
    ImGui::SameLine();
    ImGui::RadioButton(tr(Text::print_all_data), &extent, 1);
    c.current_view = extent == 0;
    ImGui::InputTextWithHint(tr(Text::print_title_field), tr(Text::print_title), &c.title);
    ImGui::InputTextWithHint(tr(Text::print_subtitle_field), tr(Text::print_subtitle_hint), &c.subtitle);
    draw_save_path(c.path, m_browser);

    draw_export_outcome(m_job.running(), m_outcome, m_outcome_is_error);
    ImGui::Separator();
    const bool exported = !m_job.running() && !m_outcome.empty() && !m_outcome_is_error;
    const bool enter = dialog_confirmed();
    const bool can_run = !m_job.running() && !c.path.empty();
    ImGui::BeginDisabled(!can_run);
    if (ImGui::Button(tr(Text::run_export)) || (enter && can_run && !exported)) {
        // A file name alone goes beside the catalogue, where its other exports go.
        if (std::filesystem::path(c.path).is_relative() && !model.catalogue_path().empty())
            c.path = (std::filesystem::path(model.catalogue_path()).parent_path() / c.path).string();
        auto scene = std::make_shared<const RenderScene>(print_scene(model, audience, attribution, sources));
        m_job.start([scene, options = print_options(c, model)](const geo::Progress&) {
            return print::write_print_map(*scene, options);
        });
        m_outcome.clear();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr(Text::cancel)) || dialog_cancelled() || (enter && exported)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace app::gui
