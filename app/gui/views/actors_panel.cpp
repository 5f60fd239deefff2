#include "app/gui/views/actors_panel.hpp"

#include <filesystem>

#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/errors/error_text.hpp"
#include "app/gui/i18n.hpp"
#include "app/gui/views/export_row.hpp"
#include "app/gui/views/table_headers.hpp"
#include "geo/io/actors_export.hpp"

namespace app::gui {
namespace {

constexpr ImGuiTableFlags kTable =
    ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerV;

void cell(const std::string& text) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(text.c_str());
}

}  // namespace

void ActorsPanel::start(const MapModel& model, const AudienceController& audience) {
    if (!audience.audience()) return;
    m_actors.start({*audience.audience(), audience.params().level, model.shared_items(), model.shared_territories()});
}

void ActorsPanel::draw_lists(const ActorsOutcome& outcome) const {
    const geo::ActorsResult& a = outcome.actors;
    ImGui::TextWrapped("%s", fmt::format(fmt::runtime(tr(Text::actors_summary)), format_count(a.items_inside),
                                         format_percent(a.level, 0), format_number(a.perimeter_area_km2, 0))
                                 .c_str());
    if (ImGui::CollapsingHeader(tr(Text::actors_territories), ImGuiTreeNodeFlags_DefaultOpen) &&
        ImGui::BeginTable("##actor_territories", 3, kTable)) {
        ImGui::TableSetupColumn(tr(Text::col_territory), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr(Text::col_area), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("%", ImGuiTableColumnFlags_WidthFixed);
        table_headers_row();
        for (bool communes : {false, true})  // the larger territories first
            for (const geo::BorderUnit& u : a.territories) {
                if ((u.level == geo::TerritoryLevel::commune) != communes) continue;
                ImGui::TableNextRow();
                cell(fmt::format("{} · {}", level_name(u.level), u.name));
                cell(format_number(u.intersection_km2, 0));
                cell(format_percent(u.share_of_perimeter, 0));
            }
        ImGui::EndTable();
    }
    if (ImGui::CollapsingHeader(tr(Text::actors_producers), ImGuiTreeNodeFlags_DefaultOpen) &&
        ImGui::BeginTable("##actor_producers", 2, kTable)) {
        ImGui::TableSetupColumn(tr(Text::col_producer), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr(Text::col_items), ImGuiTableColumnFlags_WidthFixed);
        table_headers_row();
        for (const geo::ProducerActor& p : a.producers) {
            ImGui::TableNextRow();
            cell(p.name.empty() ? tr(Text::actors_unnamed) : p.name);
            cell(format_count(p.item_count));
        }
        ImGui::EndTable();
    }
    if (ImGui::CollapsingHeader(tr(Text::actors_labelled), ImGuiTreeNodeFlags_DefaultOpen) &&
        ImGui::BeginTable("##actor_labels", 3, kTable)) {
        ImGui::TableSetupColumn(tr(Text::col_family), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(tr(Text::col_labelled), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr(Text::col_items), ImGuiTableColumnFlags_WidthFixed);
        table_headers_row();
        for (const geo::LabelledOperators& l : a.labelled) {
            ImGui::TableNextRow();
            cell(std::string(family_name(l.family)));
            cell(label_name(l.label));
            cell(format_count(static_cast<std::int64_t>(l.items.size())));
        }
        ImGui::EndTable();
    }
}

void ActorsPanel::export_csv(const MapModel& model, UiState& ui) const {
    const auto& outcome = m_actors.result();
    std::filesystem::path path = "territoire-acteurs.csv";
    if (!model.catalogue_path().empty()) path = std::filesystem::path(model.catalogue_path()).parent_path() / path;
    auto written = geo::write_actors(path.string(), outcome->actors, *outcome->items, gui_csv_options(ui));
    if (written)
        ui.set_status(fmt::format(fmt::runtime(tr(Text::exported_to)), path.string()), false);
    else
        ui.set_status(error_text(written.error()), true);
}

void ActorsPanel::draw(const MapModel& model, const AudienceController& audience, UiState& ui) {
    ImGui::BeginDisabled(!audience.audience() || m_actors.busy());
    if (ImGui::Button(tr(Text::actors_run))) start(model, audience);
    ImGui::EndDisabled();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    m_button_rect = {a.x, a.y, b.x - a.x, b.y - a.y};
    if (m_actors.busy()) {
        ImGui::SameLine();
        ImGui::TextUnformatted("…");
    }
    if (!m_actors.error().empty()) ImGui::TextColored(ImVec4(0.85f, 0.3f, 0.2f, 1.0f), "%s", m_actors.error().c_str());
    if (const auto& outcome = m_actors.result()) {
        ImGui::SameLine();
        if (ImGui::Button(tr(Text::actors_export))) export_csv(model, ui);
        draw_lists(*outcome);
    }
}

}  // namespace app::gui
