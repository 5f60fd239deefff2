#include "app/gui/views/audience_panel.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.hpp"
#include "app/gui/render/palette.hpp"

namespace app::gui {
namespace {

const std::string& audience_name(const geo::Audience& a) {
    return language() == Language::fr || a.name_en.empty() ? a.name_fr : a.name_en;
}

}  // namespace

void AudiencePanel::draw(MapModel& model, AudienceController& controller) {
    const auto& active = controller.audience();
    const std::string preview = active ? audience_name(*active) : tr(Text::audience_none);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##audience", preview.c_str())) {
        if (ImGui::Selectable(tr(Text::audience_none), !active)) controller.set_audience(std::nullopt, model);
        for (const auto& preset : m_presets) {
            const bool selected = active && active->id == preset.id;
            if (ImGui::Selectable(audience_name(preset).c_str(), selected))
                controller.set_audience(preset, model);
            if (ImGui::IsItemHovered() && !preset.description_fr.empty())
                ImGui::SetTooltip("%s", language() == Language::fr ? preset.description_fr.c_str()
                                                                   : preset.description_en.c_str());
        }
        ImGui::EndCombo();
    }
    if (!active) {
        ImGui::TextDisabled("%s", tr(Text::no_perimeter));
        return;
    }

    ImGui::TextDisabled("%s", tr(Text::family_weights));
    for (const geo::Family f : geo::kAllFamilies) {
        ImGui::PushID(static_cast<int>(f));
        const Rgba8 c = family_colour(f);
        const float h = ImGui::GetTextLineHeight();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + h / 2, p.y + ImGui::GetFrameHeight() / 2),
                                                    h * 0.33f, packed(c));
        ImGui::Dummy(ImVec2(h, ImGui::GetFrameHeight()));
        ImGui::SameLine(0, 4);
        float w = static_cast<float>(active->family_weight(f));
        const std::string name(family_name(f));
        ImGui::SetNextItemWidth(-1);
        if (ImGui::SliderFloat("##w", &w, 0.0f, 1.0f, (name + " %.2f").c_str()))
            controller.set_family_weight(f, w, model);
        ImGui::PopID();
    }

    AudienceParams params = controller.params();
    float level = static_cast<float>(params.level) * 100.0f;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderFloat("##level", &level, 30.0f, 99.0f,
                           fmt::format("{} %.0f %%", tr(Text::perimeter_level)).c_str())) {
        params.level = level / 100.0;
        controller.set_params(params, model);
    }
    if (ImGui::Checkbox(tr(Text::nested_levels), &params.nested)) controller.set_params(params, model);
    bool automatic = !params.bandwidth_m.has_value();
    if (ImGui::Checkbox(tr(Text::bandwidth_auto), &automatic)) {
        const auto& last = controller.last_result();
        const double used = last && last->stats ? last->stats->bandwidth_m : 8000.0;
        params.bandwidth_m = automatic ? std::nullopt : std::optional<double>(used);
        controller.set_params(params, model);
    }
    if (params.bandwidth_m) {
        float km = static_cast<float>(*params.bandwidth_m / 1000.0);
        ImGui::SetNextItemWidth(-1);
        if (ImGui::SliderFloat("##bandwidth", &km, 1.0f, 30.0f,
                               fmt::format("{} %.1f km", tr(Text::bandwidth)).c_str())) {
            params.bandwidth_m = km * 1000.0;
            controller.set_params(params, model);
        }
    }
    const auto& r = controller.last_result();
    if (controller.busy()) ImGui::TextDisabled("%s", tr(Text::computing));
    if (!r) return;
    if (!r->error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.65f, 0.1f, 0.1f, 1));
        ImGui::TextWrapped("%s", r->error.c_str());
        ImGui::PopStyleColor();
        return;
    }
    draw_stats(*r, model);
    if (r->borders) draw_borders(*r->borders);
}

void AudiencePanel::draw_stats(const AudienceResult& r, const MapModel& model) const {
    if (!r.stats) return;
    const geo::PerimeterStats& st = *r.stats;
    ImGui::Spacing();
    ImGui::TextDisabled("%s", tr(Text::perimeter_stats));
    if (!ImGui::BeginTable("##stats", static_cast<int>(st.levels.size()) + 1,
                           ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg))
        return;
    ImGui::TableSetupColumn("##what", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    for (const auto& l : st.levels)
        ImGui::TableSetupColumn(fmt::format("{:.0f} %", l.level * 100.0).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    const auto row = [&](Text label, auto&& value) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(label));
        for (const auto& l : st.levels) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(value(l).c_str());
        }
    };
    row(Text::area, [](const geo::PerimeterLevelStats& l) { return format_number(l.area_km2, 0) + " km²"; });
    row(Text::components, [](const geo::PerimeterLevelStats& l) { return std::to_string(l.components); });
    row(Text::captured, [](const geo::PerimeterLevelStats& l) {
        return fmt::format("{:.0f} %", l.captured_offer_share * 100.0);
    });
    row(Text::items_inside, [](const geo::PerimeterLevelStats& l) { return std::to_string(l.items_inside); });
    ImGui::EndTable();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s %s · %s : %zu / %zu", tr(Text::bandwidth), format_distance(st.bandwidth_m).c_str(),
                       tr(Text::weighted_items), r.weighted_items, model.items().size());
    ImGui::PopStyleColor();
}

void AudiencePanel::draw_borders(const geo::BorderReport& report) const {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", tr(Text::border_table));
    if (report.units.empty()) {
        ImGui::TextDisabled("—");
        return;
    }
    const float height = std::min(ImGui::GetTextLineHeightWithSpacing() * (static_cast<float>(report.units.size()) + 1.5f), 220.0f);
    if (!ImGui::BeginTable("##borders", 3, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp,
                           ImVec2(0, height)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Text::unit), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(tr(Text::share_of_perimeter), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(Text::share_of_unit), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    // Coarse levels first (départements before communes), each by share.
    std::vector<const geo::BorderUnit*> units;
    for (const auto& u : report.units) units.push_back(&u);
    std::stable_sort(units.begin(), units.end(),
                     [](const geo::BorderUnit* a, const geo::BorderUnit* b) { return a->level > b->level; });
    std::optional<geo::TerritoryLevel> level;
    for (const geo::BorderUnit* unit : units) {
        const geo::BorderUnit& u = *unit;
        if (u.level != level) {  // a heading row per level, with its count
            level = u.level;
            const auto summary = std::find_if(report.levels.begin(), report.levels.end(),
                                              [&](const auto& s) { return s.level == u.level; });
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s (%d)", level_name(u.level), summary != report.levels.end() ? summary->units_crossed : 0);
            ImGui::TableNextColumn();
            ImGui::TableNextColumn();
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(u.name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted((format_number(u.share_of_perimeter * 100.0, 1) + " %").c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted((format_number(u.share_of_unit * 100.0, 1) + " %").c_str());
    }
    ImGui::EndTable();
}

}  // namespace app::gui
