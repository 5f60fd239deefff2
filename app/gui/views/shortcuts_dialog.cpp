#include "app/gui/views/shortcuts_dialog.hpp"

#include <imgui.h>

#include "app/gui/i18n.hpp"
#include "app/gui/views/popup_keys.hpp"

namespace app::gui {
namespace {

constexpr const char* kPopup = "##shortcuts";

struct Shortcut {
    const char* keys;  // the same in both languages
    Text action;
};

}  // namespace

void ShortcutsDialog::draw() {
    if (!begin_dialog(kPopup, m_open_requested, 520.0f)) return;
    ImGui::TextUnformatted(tr(Text::shortcuts_title));
    ImGui::Separator();
    const bool fr = language() == Language::fr;
    const Shortcut shortcuts[] = {
        {"F1", Text::shortcut_help},
        {"Ctrl+O", Text::shortcut_open_project},
        {"Ctrl+S", Text::shortcut_save_project},
        {"Ctrl+Z", Text::menu_undo},
        {fr ? "Ctrl+Maj+Z, Ctrl+Y" : "Ctrl+Shift+Z, Ctrl+Y", Text::menu_redo},
        {"Ctrl+F", Text::shortcut_search},
        {"Ctrl+Q", Text::menu_quit},
        {"+  \xE2\x88\x92", Text::shortcut_zoom_keys},
        {fr ? "Flèches" : "Arrow keys", Text::shortcut_pan_keys},
        {fr ? "Molette" : "Mouse wheel", Text::shortcut_wheel},
        {fr ? "Glisser" : "Drag", Text::shortcut_drag},
        {fr ? "Double-clic" : "Double-click", Text::shortcut_double_click},
        {fr ? "Clic" : "Click", Text::shortcut_click},
        {fr ? "Échap" : "Escape", Text::shortcut_escape},
        {fr ? "Entrée" : "Enter", Text::shortcut_enter},
    };
    if (ImGui::BeginTable("##shortcut_table", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        for (const Shortcut& s : shortcuts) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.keys);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr(s.action));
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    if (ImGui::Button(tr(Text::close)) || dialog_cancelled() || dialog_confirmed()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace app::gui
