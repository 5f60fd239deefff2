#include "app/gui/views/popup_keys.hpp"

#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>  // the popup stack: ImGui 1.86 has no public API for it

namespace app::gui {
namespace {

// The frame whose press of each key a popup took.
int g_escape_taken = -1;
int g_enter_taken = -1;

ImGuiWindow* top_popup() {
    const auto& stack = GImGui->OpenPopupStack;
    return stack.empty() ? nullptr : stack.back().Window;
}

bool pressed(ImGuiKey key) {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false);
}

// True once per frame for a press of the key: the first caller takes it.
bool take(bool is_pressed, int& taken_frame) {
    if (!is_pressed || taken_frame == ImGui::GetFrameCount()) return false;
    taken_frame = ImGui::GetFrameCount();
    return true;
}

bool is_top_dialog() {
    return top_popup() != nullptr && top_popup() == ImGui::GetCurrentWindow();
}

}  // namespace

void close_menu_on_escape() {
    ImGuiWindow* top = top_popup();
    if (top == nullptr || (top->Flags & ImGuiWindowFlags_Modal) != 0) return;
    if (take(pressed(ImGuiKey_Escape), g_escape_taken)) ImGui::ClosePopupToLevel(GImGui->OpenPopupStack.Size - 1, true);
}

bool dialog_cancelled() {
    return is_top_dialog() && take(pressed(ImGuiKey_Escape), g_escape_taken);
}

bool dialog_confirmed() {
    return is_top_dialog() && take(pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter), g_enter_taken);
}

void close_all_popups() {
    if (!GImGui->OpenPopupStack.empty()) ImGui::ClosePopupToLevel(0, false);
}

std::vector<std::string> open_popup_names() {
    std::vector<std::string> names;
    for (const ImGuiPopupData& popup : GImGui->OpenPopupStack)
        names.emplace_back(popup.Window != nullptr ? popup.Window->Name : "(opening)");
    return names;
}

bool begin_dialog(const char* id, bool& open_requested, float width_px, const std::function<void()>& on_open) {
    if (open_requested) {
        ImGui::OpenPopup(id);
        open_requested = false;
        if (on_open) on_open();
    }
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    // The width is fixed; the height follows the content every frame (a line
    // that appears, such as an outcome, never pushes the buttons out of it),
    // up to the window's height, beyond which the dialog scrolls.
    ImGui::SetNextWindowSizeConstraints(ImVec2(width_px, 0.0f),
                                        ImVec2(width_px, std::max(120.0f, io.DisplaySize.y - 40.0f)));
    return ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize);
}

}  // namespace app::gui
