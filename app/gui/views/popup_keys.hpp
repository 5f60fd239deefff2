#pragma once
// What ImGui has open as popups (menus, combos, dialogs), for the
// --state-file test hook.
// Main thread, inside an ImGui frame.
#include <string>
#include <vector>

namespace app::gui {

// The window names of the open popups, bottom to top ("##Menu_00", "##import").
std::vector<std::string> open_popup_names();

}  // namespace app::gui
