#include "app/gui/views/segments_panel.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.hpp"
#include "app/gui/views/table_headers.hpp"

namespace app::gui {
namespace {

UiRect last_item_rect() {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    return {a.x, a.y, b.x - a.x, b.y - a.y};
}

const std::string& segment_name(const geo::SegmentScore& s) {
    return language() == Language::fr || s.name_en.empty() ? s.name_fr : s.name_en;
}

std::string percent(double share) {
    return format_percent(share, 0);
}

}  // namespace

void SegmentsPanel::update() {
    m_segments.poll();
}

void SegmentsPanel::start(const MapModel& model, const std::string& ours, const std::vector<std::string>& against) {
    SegmentsRequest request{model.catalogue_path(), ours, against, model.shared_items()};
    m_segments.start(std::move(request));
}

void SegmentsPanel::select(std::size_t index, const MapModel& model, AudienceController& audience) const {
    const std::string& id = m_segments.result()->result.segments[index].audience_id;
    for (const geo::SegmentAudience& a : m_segments.result()->audiences)
        if (a.audience.id == id) audience.set_audience(a.audience, model);
}

void SegmentsPanel::draw_table(const MapModel& model, AudienceController& audience) const {
    const auto& segments = m_segments.result()->result.segments;
    const std::string current = audience.audience() ? audience.audience()->id : "";
    if (!ImGui::BeginTable("##segments", 8,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerV))
        return;
    ImGui::TableSetupColumn(tr(Text::col_rank), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(tr(Text::col_segment), ImGuiTableColumnFlags_WidthStretch);
    for (Text t :
         {Text::col_score, Text::col_ratio, Text::col_inside, Text::col_labelled, Text::col_gaps, Text::col_months})
        ImGui::TableSetupColumn(tr(t), ImGuiTableColumnFlags_WidthFixed);
    table_headers_row({{2, Text::tip_segment_score}});
    m_row_rects.clear();
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const geo::SegmentScore& s = segments[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(i));
        const bool clicked = ImGui::Selectable(std::to_string(s.rank).c_str(), s.audience_id == current,
                                               ImGuiSelectableFlags_SpanAllColumns);
        ImGui::PopID();
        m_row_rects.push_back(last_item_rect());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", (language() == Language::fr ? s.text_fr : s.text_en).c_str());
        if (clicked) select(i, model, audience);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(segment_name(s).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_number(s.score, 2).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(s.fit_ratio ? (format_number(*s.fit_ratio, 1) + " ×").c_str() : "—");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(percent(s.perimeter_share_inside).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(percent(s.label_share).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(percent(s.gap_share).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%d/%d", s.months_covered, s.season_months);
    }
    ImGui::EndTable();
}

void SegmentsPanel::draw_chart(const MapModel& model, AudienceController& audience) const {
    const auto& segments = m_segments.result()->result.segments;
    double top = 0.0;
    for (const auto& s : segments) top = std::max(top, s.score);
    ImGui::TextDisabled("%s", tr(Text::segments_chart));
    const float width = ImGui::GetContentRegionAvail().x;
    const float label_w = std::min(width * 0.4f, 180.0f);
    const float row_h = ImGui::GetTextLineHeightWithSpacing() + 2.0f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const std::string current = audience.audience() ? audience.audience()->id : "";
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const geo::SegmentScore& s = segments[i];
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        ImGui::PushID(static_cast<int>(i + 1000));
        if (ImGui::InvisibleButton("##bar", ImVec2(width, row_h))) select(i, model, audience);
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        const float bar = top > 0.0 ? static_cast<float>(s.score / top) * (width - label_w - 50.0f) : 0.0f;
        const ImU32 colour = s.audience_id == current ? IM_COL32(0, 114, 178, 255)
                             : hovered                ? IM_COL32(86, 180, 233, 255)
                                                      : IM_COL32(120, 160, 190, 255);
        draw->AddText(ImVec2(origin.x, origin.y + 1.0f), ImGui::GetColorU32(ImGuiCol_Text), segment_name(s).c_str(),
                      nullptr);
        draw->AddRectFilled(ImVec2(origin.x + label_w, origin.y + 2.0f),
                            ImVec2(origin.x + label_w + std::max(bar, 1.0f), origin.y + row_h - 2.0f), colour);
        draw->AddText(ImVec2(origin.x + label_w + bar + 4.0f, origin.y + 1.0f), ImGui::GetColorU32(ImGuiCol_Text),
                      format_number(s.score, 2).c_str());
    }
}

void SegmentsPanel::draw(const MapModel& model, AudienceController& audience, const std::string& ours,
                         const std::vector<std::string>& against) {
    ImGui::TextWrapped("%s", tr(Text::segments_hint));
    const bool ready = !ours.empty() && !against.empty() && !model.catalogue_path().empty() && !model.items().empty();
    ImGui::BeginDisabled(!ready || m_segments.busy());
    const std::string button = fmt::format("{} · {}", tr(Text::run_segments), ours);
    if (ImGui::Button(button.c_str(), ImVec2(-1, 0))) start(model, ours, against);
    m_button_rect = last_item_rect();
    ImGui::EndDisabled();
    if (m_segments.busy()) ImGui::TextDisabled("%s", tr(Text::computing));
    if (!m_segments.error().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.65f, 0.1f, 0.1f, 1));
        ImGui::TextWrapped("%s", m_segments.error().c_str());
        ImGui::PopStyleColor();
    }
    if (!m_segments.result()) return;
    ImGui::Separator();
    draw_table(model, audience);
    ImGui::Spacing();
    draw_chart(model, audience);
    ImGui::Spacing();
    for (const auto& s : m_segments.result()->result.segments) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", (language() == Language::fr ? s.text_fr : s.text_en).c_str());
    }
}

}  // namespace app::gui
