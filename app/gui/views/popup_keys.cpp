#include "app/gui/views/popup_keys.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // the popup stack: ImGui 1.86 has no public API for it

namespace app::gui {

std::vector<std::string> open_popup_names() {
    std::vector<std::string> names;
    for (const ImGuiPopupData& popup : GImGui->OpenPopupStack)
        names.emplace_back(popup.Window != nullptr ? popup.Window->Name : "(opening)");
    return names;
}

}  // namespace app::gui
