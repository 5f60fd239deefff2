#include "app/gui/views/file_browser.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/gui/i18n.hpp"
#include "app/gui/views/popup_keys.hpp"

namespace app::gui {
namespace fs = std::filesystem;

namespace {
constexpr const char* kPopup = "##file-browser";

std::string human_size(std::uintmax_t bytes) {
    const bool fr = language() == Language::fr;  // octets: Mo, ko, o
    if (bytes >= 1'000'000) return format_number(static_cast<double>(bytes) / 1e6, 1) + (fr ? " Mo" : " MB");
    if (bytes >= 1'000) return format_number(static_cast<double>(bytes) / 1e3, 0) + (fr ? " ko" : " kB");
    return fmt::format("{} {}", bytes, fr ? "o" : "B");
}
}  // namespace

void FileBrowser::open(Mode mode, const std::string& start) {
    m_mode = mode;
    std::error_code ec;
    fs::path p = start.empty() ? fs::current_path(ec) : fs::path(start);
    m_name.clear();
    if (!fs::is_directory(p, ec)) {
        m_name = p.filename().string();
        p = p.parent_path();
        if (p.empty() || !fs::is_directory(p, ec)) p = fs::current_path(ec);
    }
    list(fs::absolute(p, ec));
    m_open = true;
    m_open_requested = true;
}

void FileBrowser::list(const fs::path& folder) {
    m_folder = folder.lexically_normal();
    m_entries.clear();
    m_error.clear();
    std::error_code ec;
    for (fs::directory_iterator it(m_folder, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;  // hidden files
        std::error_code ec2;
        Entry e{name, it->is_directory(ec2), 0};
        if (!e.is_folder) e.size = it->file_size(ec2);
        m_entries.push_back(std::move(e));
    }
    if (ec) m_error = m_folder.string() + ": " + ec.message();
    std::sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) {
        return a.is_folder != b.is_folder ? a.is_folder : a.name < b.name;
    });
}

std::optional<std::string> FileBrowser::draw() {
    if (m_open_requested) {
        ImGui::OpenPopup(kPopup);
        m_open_requested = false;
    }
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowSize(ImVec2(std::min(640.0f, io.DisplaySize.x - 40), std::min(460.0f, io.DisplaySize.y - 40)),
                             ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    std::optional<std::string> chosen;
    if (!ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_NoTitleBar)) {
        m_open = false;
        return chosen;
    }
    if (ImGui::ArrowButton("##parent", ImGuiDir_Up) && m_folder.has_parent_path()) list(m_folder.parent_path());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Text::parent_folder));
    ImGui::SameLine();
    ImGui::TextUnformatted(m_folder.string().c_str());
    ImGui::Separator();

    const float footer = ImGui::GetFrameHeightWithSpacing() * 2 + 8;
    ImGui::BeginChild("##entries", ImVec2(0, -footer), true);
    if (!m_error.empty()) ImGui::TextColored(ImVec4(0.65f, 0.1f, 0.1f, 1), "%s", m_error.c_str());
    std::optional<fs::path> enter;
    for (const Entry& e : m_entries) {
        const std::string label = (e.is_folder ? "[+] " : "    ") + e.name;
        const bool selected = !e.is_folder && e.name == m_name;
        if (ImGui::Selectable(label.c_str(), selected,
                              ImGuiSelectableFlags_AllowDoubleClick | ImGuiSelectableFlags_DontClosePopups)) {
            if (e.is_folder && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))
                enter = m_folder / e.name;
            else if (e.is_folder && m_mode == Mode::open_file_or_folder)
                m_name = e.name;
            else if (!e.is_folder) {
                m_name = e.name;
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) chosen = (m_folder / e.name).string();
            }
        }
        if (!e.is_folder) {
            ImGui::SameLine(ImGui::GetContentRegionAvail().x - 60);
            ImGui::TextDisabled("%s", human_size(e.size).c_str());
        }
    }
    ImGui::EndChild();
    if (enter) list(*enter);

    ImGui::SetNextItemWidth(-1);
    // Type a name (or a whole path) at once; it replaces the one proposed.
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextWithHint("##name", tr(Text::path), &m_name, ImGuiInputTextFlags_AutoSelectAll);
    const bool confirmed = dialog_confirmed();
    if ((ImGui::Button(tr(Text::choose)) || confirmed) && !m_name.empty()) chosen = (m_folder / m_name).string();
    if (m_mode == Mode::open_file_or_folder) {
        ImGui::SameLine();
        if (ImGui::Button(m_folder.filename().string().empty() ? "/" : ("[+] " + m_folder.filename().string()).c_str()))
            chosen = m_folder.string();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(Text::cancel)) || dialog_cancelled()) {
        m_open = false;
        ImGui::CloseCurrentPopup();
    }
    if (chosen) {
        m_open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return chosen;
}

}  // namespace app::gui
