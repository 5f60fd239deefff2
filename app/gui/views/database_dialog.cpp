#include "app/gui/views/database_dialog.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/gui/i18n.hpp"
#include "app/gui/views/popup_keys.hpp"
#include "geo/store/catalogue.hpp"

namespace app::gui {
namespace {
constexpr const char* kPopup = "##open-database";

// The address without the spaces a paste brings around it.
std::string without_outer_spaces(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

void DatabaseDialog::open(const std::string& address) {
    m_open_requested = true;
    m_address = geo::is_database_address(address) ? address : "postgresql:///";
    m_refused = false;
}

std::optional<std::string> DatabaseDialog::draw() {
    if (!begin_dialog(kPopup, m_open_requested, 620.0f, [this] { m_focus = true; })) return std::nullopt;
    std::optional<std::string> chosen;
    ImGui::TextUnformatted(tr(Text::menu_open_database));
    ImGui::Separator();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 600.0f);
    ImGui::TextDisabled("%s", tr(Text::database_hint));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(Text::database_address));
    ImGui::SetNextItemWidth(-1);
    if (m_focus) {
        ImGui::SetKeyboardFocusHere();
        m_focus = false;
    }
    if (ImGui::InputText("##database-address", &m_address)) m_refused = false;
    if (m_refused) ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.2f, 1.0f), "%s", tr(Text::database_not_address));
    ImGui::Spacing();
    const std::string address = without_outer_spaces(m_address);
    const bool confirm = ImGui::Button(tr(Text::database_open)) || dialog_confirmed();
    ImGui::SameLine();
    if (ImGui::Button(tr(Text::cancel)) || dialog_cancelled()) {
        ImGui::CloseCurrentPopup();
    } else if (confirm) {
        if (geo::is_database_address(address)) {
            chosen = address;
            ImGui::CloseCurrentPopup();
        } else {
            m_refused = true;
            m_focus = true;  // Enter left the field: back into it, to correct the address
        }
    }
    ImGui::EndPopup();
    return chosen;
}

}  // namespace app::gui
