#include "app/gui/views/splitter.hpp"

#include <imgui.h>

namespace app::gui {

SplitterDrag draw_splitter(const char* id, float x, float top, float height, UiRect& rect) {
    rect = {x - kSplitterPx / 2, top, kSplitterPx, height};
    ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y));
    ImGui::SetNextWindowSize(ImVec2(rect.w, rect.h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin(id, nullptr, flags);
    ImGui::PopStyleVar(3);
    ImGui::SetCursorScreenPos(ImVec2(rect.x, rect.y));
    ImGui::InvisibleButton("##strip", ImVec2(rect.w, rect.h));
    SplitterDrag drag;
    drag.active = ImGui::IsItemActive();
    const bool hovered = ImGui::IsItemHovered();
    if (drag.active) drag.dx_px = ImGui::GetIO().MouseDelta.x;
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) drag.reset = true;
    if (hovered || drag.active) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
        ImGui::GetWindowDrawList()->AddLine(
            ImVec2(x, top), ImVec2(x, top + height),
            ImGui::GetColorU32(drag.active ? ImGuiCol_SeparatorActive : ImGuiCol_SeparatorHovered), 2.0f);
    }
    ImGui::End();
    return drag;
}

}  // namespace app::gui
