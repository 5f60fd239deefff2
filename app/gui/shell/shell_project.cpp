// Projects and undo: a project file opened at start (its catalogue, layers,
// language and panels, then its audience and view once the catalogue is in),
// saved from what the window shows, opened or started anew by starting the
// shell again clean; the undo history fed once per frame.
#include <algorithm>
#include <filesystem>
#include "app/gui/errors/error_text.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.hpp"
#include "app/gui/model/project_state.hpp"
#include "app/gui/shell/gui_shell.hpp"
#include "geo/io/recent_projects.hpp"

namespace app::gui {

void GuiShell::open_project_at_start() {
    auto project = geo::read_project(m_options.project);
    if (!project) {  // the options as given stand (the demo, when it was the last project)
        m_ui.set_status(error_text(project.error()), true);
        return;
    }
    std::error_code ec;
    m_project_path = std::filesystem::absolute(m_options.project, ec).string();
    m_options.demo = project->demo;
    m_options.catalogue = project->catalogue;
    m_options.context = project_files(*project, LayerKind::context);
    m_options.basemaps = project_files(*project, LayerKind::basemap);
    m_options.audience.clear();
    m_options.bbox.reset();
    if (project->language == "fr") set_language(Language::fr);
    if (project->language == "en") set_language(Language::en);
    if (!project->panels.empty()) {
        const auto has = [&](const char* p) {
            return std::find(project->panels.begin(), project->panels.end(), p) != project->panels.end();
        };
        m_ui.show_left = has("left");
        m_ui.show_right = has("right");
        if (has("benchmark")) m_tab_request = RightTab::benchmark;
        if (has("segments")) m_tab_request = RightTab::segments;
        if (has("actors")) m_tab_request = RightTab::actors;
        if (has("gaps")) m_tab_request = RightTab::gaps;
    }
    if (project->panel_widths) {
        const auto width = [](double px) { return px > 0.0 ? clamp_panel_px(static_cast<float>(px)) : 0.0f; };
        m_ui.left_panel_px = width(project->panel_widths->left_px);
        m_ui.right_panel_px = width(project->panel_widths->right_px);
    }
    if (!project->warnings.empty()) m_ui.set_status(error_text(project->warnings.front()));
    m_view_pending = project->view.has_value();
    if (auto added = geo::add_recent_project(m_project_path); !added) m_ui.set_status(error_text(added.error()), true);
    m_recent = geo::read_recent_projects();
    m_project = std::move(*project);
}

// The audience with its weights (resolved on the load worker) and the view.
void GuiShell::apply_project_after_load(CatalogueSnapshot& loaded) {
    if (loaded.audience && !m_audience_applied) {
        m_audience_applied = true;  // once: later reloads keep the user's sliders
        geo::Result<geo::ResolvedAudience>& audience = *loaded.audience;
        const AudienceParams params =
            m_project && m_project->audience ? project_params(*m_project->audience) : m_audience.params();
        if (audience)
            m_audience.restore(std::move(audience->audience), std::move(audience->preset), params, m_model);
        else
            m_ui.set_status(error_text(audience.error()), true);
    }
    if (m_view_pending && m_project && m_project->view) {
        m_view_pending = false;
        m_model.camera().set_center(geo::LonLat{m_project->view->lon_deg, m_project->view->lat_deg});
        m_model.camera().set_zoom(m_project->view->zoom);
    } else if (m_options.bbox) {  // the camera viewport is known from the first frame on
        m_ui.fit_box = m_options.bbox;
    } else {
        m_ui.fit_requested = true;
    }
}

geo::Project GuiShell::capture() const {
    return capture_project(m_model, m_audience, m_ui, m_model.catalogue_path(), m_demo,
                           language() == Language::fr ? "fr" : "en");
}

void GuiShell::save_project(const std::string& path) {
    if (auto written = geo::write_project(path, capture()); !written) {
        m_ui.set_status(error_text(written.error()), true);
        return;
    }
    std::error_code ec;
    m_project_path = std::filesystem::absolute(path, ec).string();
    if (auto added = geo::add_recent_project(m_project_path); !added) m_ui.set_status(error_text(added.error()), true);
    m_recent = geo::read_recent_projects();
    m_ui.set_status(fmt::format(fmt::runtime(tr(Text::project_saved)), m_project_path));
}

// What a fresh start keeps: the window, the test hooks, the place names.
GuiOptions GuiShell::fresh_options() const {
    GuiOptions o;
    o.width_px = m_options.width_px;
    o.height_px = m_options.height_px;
    o.state_file = m_options.state_file;
    o.places = m_options.places;
    return o;
}

void GuiShell::open_project(const std::string& path) {
    // Read and checked before anything changes: a file that is not a
    // project, or a newer one, leaves the window as it is.
    if (auto project = geo::read_project(path); !project) {
        m_ui.set_status(error_text(project.error()), true);
        return;
    }
    GuiOptions o = fresh_options();
    o.project = path;
    m_reopen = std::move(o);
}

void GuiShell::new_project() {
    GuiOptions o = fresh_options();
    o.demo = m_demo;
    o.catalogue = m_demo ? std::string() : m_model.catalogue_path();
    m_reopen = std::move(o);
}

// Save: where the project was opened or saved, else ask (Save as).
void GuiShell::save_or_ask() {
    if (m_project_path.empty()) {
        m_browse_purpose = BrowsePurpose::save_project;
        m_browser.open(FileBrowser::Mode::save_file, "projet.territoire.json");
    } else {
        save_project(m_project_path);
    }
}

void GuiShell::ask_open_project() {
    m_browse_purpose = BrowsePurpose::open_project;
    m_browser.open(FileBrowser::Mode::open_file, m_project_path);
}

void GuiShell::draw_project_menu() {
    if (ImGui::MenuItem(tr(Text::menu_new_project))) new_project();
    if (ImGui::MenuItem(tr(Text::menu_open_project), "Ctrl+O")) ask_open_project();
    if (ImGui::MenuItem(tr(Text::menu_save_project), "Ctrl+S")) save_or_ask();
    if (ImGui::MenuItem(tr(Text::menu_save_project_as))) {
        m_browse_purpose = BrowsePurpose::save_project;
        m_browser.open(FileBrowser::Mode::save_file,
                       m_project_path.empty() ? std::string("projet.territoire.json") : m_project_path);
    }
    if (ImGui::BeginMenu(tr(Text::menu_recent_projects))) {
        if (m_recent.empty()) ImGui::TextDisabled("%s", tr(Text::menu_no_recent));
        for (const std::string& path : m_recent)
            if (ImGui::MenuItem(path.c_str())) open_project(path);
        ImGui::EndMenu();
    }
}

// "board.territoire.json — Démo — Territoire…": shown only when it changes.
void GuiShell::update_title() {
    const std::string project = m_project_path.empty() ? std::string(tr(Text::untitled_project))
                                                       : std::filesystem::path(m_project_path).filename().string();
    const std::string catalogue = m_demo                             ? std::string(tr(Text::demo_label))
                                  : m_model.catalogue_path().empty() ? std::string(tr(Text::no_catalogue))
                                                                     : m_model.catalogue_path();
    std::string title = fmt::format("{} — {} — {}", project, catalogue, tr(Text::app_title));
    if (title == m_title) return;
    m_title = std::move(title);
    m_window->set_title(m_title);
}

EditState GuiShell::edit_state() const {
    return {m_audience.audience(), m_audience.preset(), m_audience.params(), m_model.layers().looks(),
            m_model.selected()};
}

void GuiShell::apply_edit(const EditState& state) {
    m_audience.restore(state.audience, state.preset, state.params, m_model);
    m_model.restore_layers(state.layers);
    const bool valid = state.selected && *state.selected < m_model.items().size();
    m_model.select(valid ? state.selected : std::nullopt);
    m_history.resync(edit_state());
}

// Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y redo. Not while a text field has
// the keyboard: it has its own undo.
void GuiShell::handle_undo_keys(bool ctrl, bool shift) {
    if (!ctrl || ImGui::GetIO().WantTextInput) return;
    std::optional<EditState> state;
    if (ImGui::IsKeyPressed(GLFW_KEY_Z))
        state = shift ? m_history.redo() : m_history.undo();
    else if (ImGui::IsKeyPressed(GLFW_KEY_Y))
        state = m_history.redo();
    if (state) apply_edit(*state);
}

}  // namespace app::gui
