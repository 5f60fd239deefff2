#pragma once
// Help › Keyboard shortcuts (F1): every key and mouse gesture of the app in
// the current language, in a dialog closed by Escape, Enter or its button.
// Main thread, inside an ImGui frame.
// Failures: none (static text).

namespace app::gui {

class ShortcutsDialog {
public:
    void open() { m_open_requested = true; }
    void draw();

private:
    bool m_open_requested = false;
};

}  // namespace app::gui
