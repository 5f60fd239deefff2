#include "app/gui/views/audience_panel.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.hpp"
#include "app/gui/render/palette.hpp"
#include "app/gui/views/labelled_slider.hpp"
#include "app/gui/views/table_headers.hpp"
#include "geo/core/rounding.hpp"

namespace app::gui {
namespace {

const std::string& audience_name(const geo::Audience& a) {
    return language() == Language::fr || a.name_en.empty() ? a.name_fr : a.name_en;
}

bool weight_slider(const char* id, const std::string& name, double value, double& out) {
    float w = static_cast<float>(value);
    const bool changed = labelled_slider(id, name, w, 0.0f, 1.0f, format_number(w, 2), 0.6f);
    out = geo::round_to_decimals(w, 2);  // the value shown, not the float's 0.9800000190734863
    return changed;
}

std::array<float, 4> last_item_rect() {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    return {min.x, min.y, max.x - min.x, max.y - min.y};
}

}  // namespace

AudiencePanel::AudiencePanel(std::vector<geo::Audience> presets) : m_presets(std::move(presets)) {
    if (auto taxonomy = geo::Taxonomy::load_default())
        for (const geo::SubtypeInfo& s : taxonomy->subtypes())
            if (!s.generic) m_subtypes.push_back(s);
}

void AudiencePanel::draw_weights(const geo::Audience& active, MapModel& model, AudienceController& controller) {
    const std::vector<std::string> modified = controller.modified();
    ImGui::TextDisabled("%s", tr(Text::family_weights));
    if (!modified.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1.0f), "(%s)", tr(Text::modified_mark));
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(Text::reset_to_preset))) controller.reset_to_preset(model);
        m_reset_rect = last_item_rect();
    }

    for (const geo::Family f : geo::kAllFamilies) {
        ImGui::PushID(static_cast<int>(f));
        const Rgba8 c = family_colour(f);
        const float h = ImGui::GetTextLineHeight();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + h / 2, p.y + ImGui::GetFrameHeight() / 2), h * 0.33f,
                                                    packed(c));
        ImGui::Dummy(ImVec2(h, ImGui::GetFrameHeight()));
        ImGui::SameLine(0, 4);
        const std::string name(family_name(f));
        double w = 0.0;
        if (weight_slider("##w", name, active.family_weight(f), w)) controller.set_family_weight(f, w, model);
        m_slider_rects.emplace_back(std::string(geo::family_id(f)), last_item_rect());
        // The family's subtypes, folded: a subtype the audience names overrides
        // the family weight for its items.
        ImGui::Indent(h + 4);
        if (ImGui::TreeNode("##sub", "%s", tr(Text::subtype_weights))) {
            for (const geo::SubtypeInfo& st : m_subtypes) {
                if (st.family != f) continue;
                const auto it = active.subtype_weights.find(st.id);
                const double value = it != active.subtype_weights.end() ? it->second : active.family_weight(f);
                const std::string label = language() == Language::fr ? st.name_fr : st.name_en;
                ImGui::PushID(st.id.c_str());
                if (it == active.subtype_weights.end())
                    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
                double sw = 0.0;
                if (weight_slider("##sw", label, value, sw)) controller.set_subtype_weight(st.id, sw, model);
                if (it == active.subtype_weights.end()) ImGui::PopStyleColor();
                ImGui::PopID();
            }
            ImGui::TreePop();
        }
        ImGui::Unindent(h + 4);
        ImGui::PopID();
    }
}

void AudiencePanel::draw_smoothing(MapModel& model, AudienceController& controller) {
    AudienceParams params = controller.params();
    float level = static_cast<float>(params.level) * 100.0f;
    const bool level_changed =
        labelled_slider("##level", tr(Text::perimeter_level), level, 30.0f, 99.0f, percent_slider_format());
    if (ImGui::IsItemHovered() && !ImGui::IsItemActive()) ImGui::SetTooltip("%s", tr(Text::perimeter_level_tip));
    if (level_changed) {
        params.level = geo::round_to_decimals(level, 0) / 100.0;  // whole percents, as shown
        controller.set_params(params, model);
    }
    if (ImGui::Checkbox(tr(Text::nested_levels), &params.nested)) controller.set_params(params, model);
    // Smoothing: a named selector, or a manual radius (kept from the last value).
    const Text choices[] = {Text::bandwidth_plugin, Text::bandwidth_diagonal, Text::bandwidth_adaptive,
                            Text::bandwidth_scott, Text::bandwidth_manual};
    const geo::BandwidthSelector selectors[] = {geo::BandwidthSelector::plugin, geo::BandwidthSelector::diagonal,
                                                geo::BandwidthSelector::adaptive, geo::BandwidthSelector::scott,
                                                geo::BandwidthSelector::fixed};
    constexpr int kManual = 4;
    int current = 0;
    if (params.bandwidth_m)
        current = kManual;
    else
        for (int k = 0; k < kManual; ++k)
            if (params.bandwidth_selector == selectors[k]) current = k;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##smoothing", tr(choices[current]))) {
        for (int k = 0; k <= kManual; ++k)
            if (ImGui::Selectable(tr(choices[k]), k == current) && k != current) {
                const auto& last = controller.last_result();
                const double used = last && last->stats ? last->stats->bandwidth_m : 8000.0;
                params.bandwidth_m = k == kManual ? std::optional<double>(used) : std::nullopt;
                if (k != kManual) params.bandwidth_selector = selectors[k];
                controller.set_params(params, model);
            }
        ImGui::EndCombo();
    }
    if (params.bandwidth_m) {
        float km = static_cast<float>(*params.bandwidth_m / 1000.0);
        if (labelled_slider("##bandwidth", tr(Text::bandwidth), km, 1.0f, 30.0f, format_number(km, 1) + " km")) {
            params.bandwidth_m = geo::round_to_decimals(km * 10.0, 0) * 100.0;  // 0.1 km, as shown
            controller.set_params(params, model);
        }
    }
    if (const auto& last = controller.last_result(); last && !last->bandwidth.note.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped("%s : %s", tr(Text::bandwidth_fallback), last->bandwidth.note.c_str());
        ImGui::PopStyleColor();
    }
}

void AudiencePanel::draw(MapModel& model, AudienceController& controller) {
    m_slider_rects.clear();
    m_reset_rect = {};
    const auto& active = controller.audience();
    const std::string preview = active ? audience_name(*active) : tr(Text::audience_none);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##audience", preview.c_str())) {
        if (ImGui::Selectable(tr(Text::audience_none), !active)) controller.set_audience(std::nullopt, model);
        for (const auto& preset : m_presets) {
            const bool selected = active && active->id == preset.id;
            if (ImGui::Selectable(audience_name(preset).c_str(), selected)) controller.set_audience(preset, model);
            if (ImGui::IsItemHovered() && !preset.description_fr.empty())
                ImGui::SetTooltip(
                    "%s", language() == Language::fr ? preset.description_fr.c_str() : preset.description_en.c_str());
        }
        ImGui::EndCombo();
    }
    if (!active) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped("%s", tr(Text::no_perimeter));
        ImGui::PopStyleColor();
        return;
    }

    draw_weights(*active, model, controller);
    draw_smoothing(model, controller);
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
        ImGui::TableSetupColumn(format_percent(l.level, 0).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    table_headers_row();
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
    row(Text::captured, [](const geo::PerimeterLevelStats& l) { return format_percent(l.captured_offer_share, 0); });
    row(Text::items_inside, [](const geo::PerimeterLevelStats& l) { return std::to_string(l.items_inside); });
    ImGui::EndTable();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    const Text rule = st.bandwidth.rule == geo::BandwidthSelector::scott          ? Text::bandwidth_scott
                      : st.bandwidth.rule == geo::BandwidthSelector::fixed        ? Text::bandwidth_manual
                      : st.bandwidth.selector == geo::BandwidthSelector::adaptive ? Text::bandwidth_adaptive
                      : st.bandwidth.rule == geo::BandwidthSelector::diagonal     ? Text::bandwidth_diagonal
                                                                                  : Text::bandwidth_plugin;
    ImGui::TextWrapped("%s %s (%s) · %s : %zu / %zu", tr(Text::bandwidth), format_distance(st.bandwidth_m).c_str(),
                       tr(rule), tr(Text::weighted_items), r.weighted_items, model.items().size());
    ImGui::PopStyleColor();
}

void AudiencePanel::draw_borders(const geo::BorderReport& report) const {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", tr(Text::border_table));
    if (report.units.empty()) {
        ImGui::TextDisabled("—");
        return;
    }
    const float height =
        std::min(ImGui::GetTextLineHeightWithSpacing() * (static_cast<float>(report.units.size()) + 1.5f), 220.0f);
    if (!ImGui::BeginTable("##borders", 3,
                           ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp,
                           ImVec2(0, height)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Text::unit), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(tr(Text::share_of_perimeter), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(Text::share_of_unit), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    table_headers_row();
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
            ImGui::TextDisabled("%s (%d)", level_name(u.level),
                                summary != report.levels.end() ? summary->units_crossed : 0);
            ImGui::TableNextColumn();
            ImGui::TableNextColumn();
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(u.name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_percent(u.share_of_perimeter, 1).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_percent(u.share_of_unit, 1).c_str());
    }
    ImGui::EndTable();
}

}  // namespace app::gui
