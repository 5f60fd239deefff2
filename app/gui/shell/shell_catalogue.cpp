// Catalogues in the window: File › New catalogue and Open catalogue, files
// dropped on the window (a catalogue opens, a project opens, anything else
// goes to the import dialog), and the empty state: a catalogue that holds
// nothing yet (or does not exist yet: it is created on the first import)
// says what to import and where from, over a view of France.
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.hpp"
#include "app/gui/shell/gui_shell.hpp"
#include "geo/core/text_fold.hpp"
#include "geo/io/demo_catalogue.hpp"
#include "geo/store/catalogue.hpp"

namespace app::gui {
namespace {

namespace fs = std::filesystem;

bool has_extension(const std::string& path, std::initializer_list<const char*> extensions) {
    const std::string name = geo::ascii_lower(fs::path(path).filename().string());
    for (const char* e : extensions)
        if (name.ends_with(e)) return true;
    return false;
}

}  // namespace

void GuiShell::open_catalogue(const std::string& path) {
    std::error_code ec;
    if (geo::is_database_address(path)) {  // a shared PostGIS catalogue: the server says whether it is there
        start_loading(path);
        return;
    }
    if (!fs::exists(path, ec)) {
        new_catalogue(path);
        return;
    }
    start_loading(path);
}

// An empty map on a catalogue file that the first import creates.
void GuiShell::new_catalogue(const std::string& path) {
    std::error_code ec;
    if (fs::exists(path, ec)) {
        start_loading(path);
        return;
    }
    m_model.set_catalogue_path(fs::absolute(path, ec).string());
    m_model.set_items({});
    m_model.set_territories({});
    m_sources.clear();
    m_demo = false;
    m_ui.attribution = m_context_credit;
    m_ui.set_status("");
    m_audience.on_data_changed(m_model);
    m_ui.fit_box = kFranceBox;
    m_history.reset(edit_state());
}

void GuiShell::take_dropped(std::vector<std::string> paths) {
    for (std::string& path : paths) {
        if (has_extension(path, {".territoire.json"})) {
            open_project(path);
        } else if (has_extension(path, {".sqlite", ".db"})) {
            open_catalogue(path);
        } else if (has_extension(path, {".gpkg"})) {
            // A GeoPackage is a catalogue or a GIS file to import: the load
            // worker tells (collect_jobs opens the import dialog if not one).
            m_dropped_catalogue = path;
            start_loading(path);
        } else {
            m_ui.dropped_path = std::move(path);
        }
    }
}

bool GuiShell::empty_state() const {
    return !m_load.running() && m_model.items().empty() && m_model.territories().empty() && !m_ui.status_is_error;
}

void GuiShell::draw_catalogue_notes(const Rect& map) {
    if (!empty_state()) return;
    ImGui::SetNextWindowPos(ImVec2(map.x + map.w / 2, map.y + map.h / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(std::min(620.0f, map.w - 20), map.h - 20));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoFocusOnAppearing;
    if (ImGui::Begin("##empty-state", nullptr, flags)) {
        ImGui::TextUnformatted(tr(Text::empty_title));
        ImGui::Separator();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(600.0f, map.w - 40));
        ImGui::TextUnformatted(tr(Text::empty_body));
        const std::string target = import_catalogue();
        std::error_code ec;
        if (!geo::is_database_address(target) && !fs::exists(target, ec))
            ImGui::TextDisabled("%s", fmt::format(fmt::runtime(tr(Text::empty_created_at)), target).c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::Button(tr(Text::menu_import))) m_ui.open_import = ImportKind::items;
    }
    ImGui::End();
}

}  // namespace app::gui
