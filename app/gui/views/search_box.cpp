#include "app/gui/views/search_box.hpp"

#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/gui/i18n.hpp"

namespace app::gui {
namespace {

constexpr float kFieldWidth = 300.0f;
constexpr float kGapPx = 10.0f;  // between the field and the on-map buttons

const char* kind_text(geo::SearchKind kind) {
    switch (kind) {
        case geo::SearchKind::commune:
            return tr(Text::kind_commune);
        case geo::SearchKind::place:
            return tr(Text::kind_place);
        case geo::SearchKind::territory:
            return tr(Text::kind_territory);
        case geo::SearchKind::item:
            return tr(Text::kind_item);
    }
    return "";
}

}  // namespace

void SearchBox::draw(ImVec2 canvas, float canvas_w, float buttons_x, MapModel& model, UiState& ui) {
    // Top right, left of the on-map buttons (whose width follows the
    // language's "Fit" label), clear of the zoom and cursor line on the left.
    const float right = std::min(buttons_x, canvas.x + canvas_w) - kGapPx;
    const float width = std::min(kFieldWidth, right - canvas.x - 350.0f);
    if (width < 80.0f) return;
    ImGui::SetNextWindowPos(ImVec2(right - width, canvas.y + 10));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(255, 255, 255, 240));
    ImGui::Begin("##search", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBackground);
    ImGui::SetNextItemWidth(width);
    if (m_focus_request) {
        ImGui::SetKeyboardFocusHere();
        m_focus_request = false;
        m_list_open = true;
    }
    const bool enter =
        ImGui::InputTextWithHint("##place_search", tr(Text::search_hint), &m_text,
                                 ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    m_field = {min.x, min.y, max.x - min.x, max.y - min.y};
    ui.search_box_px = {m_field.x, m_field.y, m_field.w, m_field.h};
    m_active = ImGui::IsItemActive();
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    m_search.set_query(m_text, model);
    if (m_active) {
        m_list_open = true;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) m_search.move(+1);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) m_search.move(-1);
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) m_list_open = false;
    if (enter) {
        if (m_search.activate(model, ui)) m_list_open = false;
    } else if (!m_active && !m_list_hovered) {
        m_list_open = false;  // clicked elsewhere
    }
    if (m_list_open && !m_text.empty())
        draw_results(model, ui);
    else
        m_list_hovered = false;
}

void SearchBox::draw_results(MapModel& model, UiState& ui) {
    ImGui::SetNextWindowPos(ImVec2(m_field.x, m_field.y + m_field.h + 2));
    ImGui::SetNextWindowSizeConstraints(ImVec2(m_field.w, 0), ImVec2(m_field.w + 160, 460));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav;
    ImGui::Begin("##search_results", nullptr, flags);
    m_list_hovered = ImGui::IsWindowHovered();
    const auto& hits = m_search.hits();
    if (hits.empty()) ImGui::TextDisabled("%s", tr(Text::search_no_match));
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const geo::SearchHit& hit = hits[i];
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(hit.name.c_str(), i == m_search.selected())) {
            m_search.select(i);
            m_search.activate(model, ui);
            m_list_open = false;
        }
        ImGui::SameLine();
        // An item's code is its commune's: shown by name.
        const std::string code = hit.kind == geo::SearchKind::item ? model.commune_names().display(hit.code) : hit.code;
        const std::string detail = code.empty() ? kind_text(hit.kind) : std::string(kind_text(hit.kind)) + " · " + code;
        ImGui::TextDisabled("%s", detail.c_str());
        ImGui::PopID();
    }
    ImGui::End();
}

}  // namespace app::gui
