#pragma once
// The keyboard for menus and dialogs: Escape closes the top-most popup (a
// menu, a combo box, a dialog), Enter confirms the top-most dialog. ImGui
// 1.86 closes popups with Escape only under keyboard navigation, which the
// app keeps off (the arrow keys pan the map), and never closes a modal.
// Each key press goes to one popup only: the dialog under a file browser
// closed by Escape stays open.
// Main thread, inside an ImGui frame.
// Failures: none reported; each call needs a current ImGui context (its internal popup stack is read).
#include <functional>
#include <string>
#include <vector>

namespace app::gui {

// Once per frame, after ImGui::NewFrame: on Escape, closes the top-most
// popup when it is a menu or a combo box (dialogs close themselves, through
// dialog_cancelled(), so that they can cancel their work).
void close_menu_on_escape();

// Between BeginPopupModal and EndPopup, outside child windows: true when
// Escape (cancelled) or Enter (confirmed) was pressed this frame and this
// dialog is the top-most popup. Call after drawing the dialog's nested
// popups, which get the key first.
bool dialog_cancelled();
bool dialog_confirmed();

// Opens the modal dialog `id` when `open_requested` (then cleared, and
// `on_open` runs), centred on the display, `width_px` wide, and begins it:
// true while it shows (end it with ImGui::EndPopup).
bool begin_dialog(const char* id, bool& open_requested, float width_px, const std::function<void()>& on_open = {});

// Closes every open popup (a menu left open when the window started anew
// from it: File › Open project).
void close_all_popups();

// The window names of the open popups, bottom to top ("##Menu_00", "##import").
std::vector<std::string> open_popup_names();

}  // namespace app::gui
