#pragma once
// A simple in-app file browser (a modal ImGui popup): folders first, then
// files, parent folder, double-click to enter a folder. Modes: open a file,
// open a file or a folder (a DATAtourisme feed is a folder), or save (a file
// name typed in a folder). Reads the file system (std::filesystem) only
// when the folder changes; unreadable folders show their error instead of
// failing. Main thread, inside an ImGui frame.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace app::gui {

class FileBrowser {
public:
    enum class Mode { open_file, open_file_or_folder, save_file };

    // Opens the popup at `start` (a file: its folder, with the name kept for save).
    void open(Mode mode, const std::string& start);
    // Draws the popup if open; returns the chosen path once.
    std::optional<std::string> draw();
    [[nodiscard]] bool is_open() const { return m_open; }

private:
    struct Entry {
        std::string name;
        bool is_folder = false;
        std::uintmax_t size = 0;
    };
    void list(const std::filesystem::path& folder);

    Mode m_mode = Mode::open_file;
    bool m_open = false;
    bool m_open_requested = false;
    std::filesystem::path m_folder;
    std::vector<Entry> m_entries;
    std::string m_error;
    std::string m_name;  // selected (open) or typed (save) file name
};

}  // namespace app::gui
