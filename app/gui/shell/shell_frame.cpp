// The interactive frame: menus, side panels, the map canvas, dialogs, the
// GL passes, and the event loop that draws only when something changed.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>
#include "app/gui/errors/error_text.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.hpp"
#include "app/gui/key_latch.hpp"
#include "app/gui/model/main_loop_wake.hpp"
#include "app/gui/render/gl.hpp"
#include "app/gui/render/offscreen.hpp"
#include "app/gui/shell/gui_shell.hpp"
#include "app/gui/views/details_panel.hpp"
#include "app/gui/views/layers_panel.hpp"
#include "app/gui/views/map_image.hpp"
#include "app/gui/views/popup_keys.hpp"
#include "app/gui/views/splitter.hpp"

namespace app::gui {

void GuiShell::draw_menu() {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu(tr(Text::menu_file))) {
        draw_project_menu();
        ImGui::Separator();
        if (ImGui::MenuItem(tr(Text::menu_new_catalogue))) {
            m_browse_purpose = BrowsePurpose::new_catalogue;
            m_browser.open(FileBrowser::Mode::save_file, "territoire.sqlite");
        }
        if (ImGui::MenuItem(tr(Text::menu_open_catalogue))) {
            m_browse_purpose = BrowsePurpose::open_catalogue;
            m_browser.open(FileBrowser::Mode::open_file, m_demo ? std::string() : m_model.catalogue_path());
        }
        if (ImGui::MenuItem(tr(Text::menu_open_database))) m_database.open(m_model.catalogue_path());
        if (ImGui::MenuItem(tr(Text::menu_import))) m_import.open(ImportKind::items);
        if (ImGui::MenuItem(tr(Text::menu_export), nullptr, false, !m_model.items().empty())) m_export.open();
        if (ImGui::MenuItem(tr(Text::menu_snapshot))) {
            m_browse_purpose = BrowsePurpose::snapshot;
            m_browser.open(FileBrowser::Mode::save_file, "territoire-carte.png");
        }
        if (ImGui::MenuItem(tr(Text::menu_export_map))) m_print.open();
        if (ImGui::MenuItem(tr(Text::menu_export_report), nullptr, false, !m_model.items().empty())) m_report.open();
        ImGui::Separator();
        if (ImGui::MenuItem(tr(Text::menu_quit), "Ctrl+Q")) m_quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr(Text::menu_edit))) {
        if (ImGui::MenuItem(tr(Text::menu_undo), "Ctrl+Z", false, m_history.undo_steps() > 0))
            if (auto state = m_history.undo()) apply_edit(*state);
        if (ImGui::MenuItem(tr(Text::menu_redo), "Ctrl+Shift+Z", false, m_history.redo_steps() > 0))
            if (auto state = m_history.redo()) apply_edit(*state);
        if (ImGui::MenuItem(tr(Text::reset_to_preset), nullptr, false, !m_audience.modified().empty()))
            m_audience.reset_to_preset(m_model);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr(Text::menu_view))) {
        if (ImGui::MenuItem(tr(Text::menu_fit_data))) fit_view(m_model, m_ui, false);
        if (ImGui::MenuItem(tr(Text::menu_fit_selection), nullptr, false, m_model.selected().has_value()))
            fit_view(m_model, m_ui, true);
        ImGui::Separator();
        ImGui::MenuItem(tr(Text::menu_panels_left), nullptr, &m_ui.show_left);
        ImGui::MenuItem(tr(Text::menu_panels_right), nullptr, &m_ui.show_right);
        if (ImGui::BeginMenu(tr(Text::menu_language))) {
            if (ImGui::MenuItem("Français", nullptr, language() == Language::fr)) set_language(Language::fr);
            if (ImGui::MenuItem("English", nullptr, language() == Language::en)) set_language(Language::en);
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr(Text::menu_help))) {
        if (ImGui::MenuItem(tr(Text::shortcuts_title), "F1")) m_shortcuts.open();
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void GuiShell::draw_dialogs() {
    m_shortcuts.draw();
    if (auto address = m_database.draw()) open_catalogue(*address);
    m_export.draw(m_model, m_audience, m_sources, m_ui);
    m_print.draw(m_model, m_audience.audience(), m_ui.attribution, m_sources, m_ui);
    m_report.draw(m_model, m_audience.audience(), m_benchmark.ours(), m_benchmark.against(), m_ui);
    if (m_ui.open_import) {
        m_import.open(*m_ui.open_import);
        m_ui.open_import.reset();
    }
    if (m_ui.dropped_path) {
        m_import.open(ImportKind::items, *m_ui.dropped_path);
        m_ui.dropped_path.reset();
    }
    if (auto outcome = m_import.draw(import_catalogue(), m_demo)) {
        if (outcome->kind == ImportKind::context) {
            const std::string id = m_model.layers().add_context(outcome->path);
            m_model.set_context(id, std::move(*outcome->context));
        } else {
            start_loading(outcome->catalogue);  // show what the catalogue now holds
        }
    }
    if (auto chosen = m_browser.draw()) {
        switch (m_browse_purpose) {
            case BrowsePurpose::snapshot:
                m_ui.snapshot_path = *chosen;
                m_snapshot_delay = 1;  // once the popup has gone from the screen
                break;
            case BrowsePurpose::open_project:
                open_project(*chosen);
                break;
            case BrowsePurpose::save_project:
                save_project(*chosen);
                break;
            case BrowsePurpose::open_catalogue:
                open_catalogue(*chosen);
                break;
            case BrowsePurpose::new_catalogue:
                new_catalogue(*chosen);
                break;
        }
    }
}

void GuiShell::take_snapshot() {
    if (!m_ui.snapshot_path) return;
    if (m_snapshot_delay-- > 0) return;
    const std::string path = *m_ui.snapshot_path;
    m_ui.snapshot_path.reset();
    auto image = render_map_image(m_model, *m_renderer, m_ui.attribution);
    auto written = image ? write_png(path, *image) : geo::Result<void>(tl::unexpected(image.error()));
    if (written)
        m_ui.set_status(fmt::format(fmt::runtime(tr(Text::snapshot_saved)), path));
    else
        m_ui.set_status(error_text(written.error()), true);
}

Rect GuiShell::frame() {
    m_ui.now_s = std::chrono::duration<double>(Clock::now() - m_start).count();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    if (m_frames == 0) close_all_popups();  // a shell started anew from a menu
    close_menu_on_escape();
    const ImGuiIO& io = ImGui::GetIO();
    // Ctrl as NewFrame saw it (io.KeyMods).
    const bool ctrl = (io.KeyMods & ImGuiKeyModFlags_Ctrl) != 0;
    if (ctrl && ImGui::IsKeyPressed(GLFW_KEY_Q)) m_quit = true;
    if (ctrl && ImGui::IsKeyPressed(GLFW_KEY_F)) m_search.focus();
    if (ctrl && !io.WantTextInput && ImGui::IsKeyPressed(GLFW_KEY_S)) save_or_ask();
    if (ctrl && !io.WantTextInput && ImGui::IsKeyPressed(GLFW_KEY_O)) ask_open_project();
    if (ImGui::IsKeyPressed(GLFW_KEY_F1, false)) m_shortcuts.open();
    handle_undo_keys(ctrl, (io.KeyMods & ImGuiKeyModFlags_Shift) != 0);

    draw_menu();
    const float top = ImGui::GetFrameHeight();
    const float height = io.DisplaySize.y - top;
    // No window background: draw_gl() clears the window with that colour
    // already, and software rasterisers pay for every filled pixel twice.
    const ImGuiWindowFlags panel = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground;
    float left = 0.0f, right = io.DisplaySize.x;
    const PanelWidths widths =
        layout_panels(io.DisplaySize.x, m_ui.left_panel_px, m_ui.right_panel_px, m_ui.show_left, m_ui.show_right);
    if (m_ui.show_left) {
        ImGui::SetNextWindowPos(ImVec2(0, top));
        ImGui::SetNextWindowSize(ImVec2(widths.left_px, height));
        ImGui::Begin("##left", nullptr, panel);
        if (ImGui::CollapsingHeader(tr(Text::panel_layers), ImGuiTreeNodeFlags_DefaultOpen))
            draw_layers_panel(m_model, m_ui);
        if (ImGui::CollapsingHeader(tr(Text::panel_audience), ImGuiTreeNodeFlags_DefaultOpen))
            m_audience_panel.draw(m_model, m_audience);
        if (ImGui::CollapsingHeader(tr(Text::legend), ImGuiTreeNodeFlags_DefaultOpen)) draw_legend(m_model);
        ImGui::End();
        left = widths.left_px;
    }
    if (m_ui.show_right) {
        right = io.DisplaySize.x - widths.right_px;
        ImGui::SetNextWindowPos(ImVec2(right, top));
        ImGui::SetNextWindowSize(ImVec2(widths.right_px, height));
        ImGui::Begin("##right", nullptr, panel);
        draw_right_panel(height);
        ImGui::End();
    }
    const Rect map{left, top, std::max(right - left, 1.0f), std::max(height, 1.0f)};
    m_panel_rects = {{0, 0, io.DisplaySize.x, top},
                     {0, top, m_ui.show_left ? left : 0.0f, height},
                     {right, top, m_ui.show_right ? io.DisplaySize.x - right : 0.0f, height}};
    m_canvas.draw(ImVec2(map.x, map.y), ImVec2(map.w, map.h), m_model, *m_renderer, m_ui);
    const UiRect& fit = m_canvas.controls().fit;
    m_search.draw(ImVec2(map.x, map.y), map.w, fit.w > 0 ? fit.x : map.x + map.w - 70.0f, m_model, m_ui);
    draw_catalogue_notes(map);
    draw_splitters(widths, top, height);
    draw_dialogs();
    // A slider dragged is one step: changes while the button is held join it.
    m_history.observe(edit_state(), ImGui::IsMouseDown(ImGuiMouseButton_Left));
    update_title();
    if (m_state_file) m_popups = open_popup_names();
    m_map = map;
    ImGui::Render();
    release_latched_keys();
    ++m_frames;
    return map;
}

// Dragging a splitter sets the preferred width to what is shown plus the
// motion (a panel shown narrower than preferred starts from its shown width);
// a double-click brings the automatic width back.
void GuiShell::draw_splitters(const PanelWidths& shown, float top, float height) {
    const float window = ImGui::GetIO().DisplaySize.x;
    m_split_rects = {};
    if (m_ui.show_left) {
        const SplitterDrag d = draw_splitter("##split_left", shown.left_px, top, height, m_split_rects[0]);
        if (d.reset) m_ui.left_panel_px = 0.0f;
        if (d.active && d.dx_px != 0.0f) m_ui.left_panel_px = clamp_panel_px(std::round(shown.left_px + d.dx_px));
    }
    if (m_ui.show_right) {
        const SplitterDrag d = draw_splitter("##split_right", window - shown.right_px, top, height, m_split_rects[1]);
        if (d.reset) m_ui.right_panel_px = 0.0f;
        if (d.active && d.dx_px != 0.0f) m_ui.right_panel_px = clamp_panel_px(std::round(shown.right_px - d.dx_px));
    }
}

void GuiShell::draw_right_panel(float height) {
    if (m_ui.show_gaps_panel) {
        m_tab_request = RightTab::gaps;
        m_ui.show_gaps_panel = false;
    }
    const auto flags = [&](RightTab tab) {
        return m_tab_request == tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
    };
    if (m_demo) ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1.0f), "%s", tr(Text::demo_read_only));
    // Scrolling tabs keep their whole names in a narrow panel.
    if (!ImGui::BeginTabBar("##right_tabs", ImGuiTabBarFlags_FittingPolicyScroll)) return;
    if (ImGui::BeginTabItem(tr(Text::panel_catalogue), nullptr, flags(RightTab::catalogue))) {
        m_ui.right_tab = "catalogue";
        const float details_h = std::min(300.0f, height * 0.4f);
        ImGui::BeginChild("##catalogue", ImVec2(0, ImGui::GetContentRegionAvail().y - details_h));
        m_catalogue.draw(m_model, m_ui);
        ImGui::EndChild();
        ImGui::TextUnformatted(tr(Text::panel_details));
        ImGui::Separator();
        ImGui::BeginChild("##details");
        draw_details_panel(m_model, m_ui);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr(Text::panel_benchmark), nullptr, flags(RightTab::benchmark))) {
        m_ui.right_tab = "benchmark";
        ImGui::BeginChild("##benchmark");
        m_benchmark.draw(m_model, m_audience, m_ui);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    const bool segments_open = ImGui::BeginTabItem(tr(Text::panel_segments), nullptr, flags(RightTab::segments));
    {
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        m_segments_tab = {a.x, a.y, b.x - a.x, b.y - a.y};
    }
    if (segments_open) {
        m_ui.right_tab = "segments";
        ImGui::BeginChild("##segments");
        m_segments.draw(m_model, m_audience, m_benchmark.ours(), m_benchmark.against());
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    const bool actors_open = ImGui::BeginTabItem(tr(Text::panel_actors), nullptr, flags(RightTab::actors));
    {
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        m_actors_tab = {a.x, a.y, b.x - a.x, b.y - a.y};
    }
    if (actors_open) {
        m_ui.right_tab = "actors";
        ImGui::BeginChild("##actors");
        m_actors.draw(m_model, m_audience, m_ui);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr(Text::layer_gaps), nullptr, flags(RightTab::gaps))) {
        m_ui.right_tab = "gaps";
        ImGui::BeginChild("##gaps");
        m_gaps_panel.draw(m_model, m_gaps, m_audience, m_ui);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    m_tab_request.reset();
    ImGui::EndTabBar();
}

void GuiShell::draw_gl_map(const Rect& map) {
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(m_window->get(), &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    m_renderer->draw(m_model, static_cast<int>(map.x), fb_h - static_cast<int>(map.y) - m_model.camera().height_px());
}

void GuiShell::draw_panels() {
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(m_window->get(), &fb_w, &fb_h);
    m_ui_cache.render(ImGui::GetDrawData(), m_panel_rects, ImGui::GetStyle().Colors[ImGuiCol_WindowBg], fb_w, fb_h);
}

void GuiShell::draw_gl(const Rect& map) {
    draw_gl_map(map);
    draw_panels();
}

int GuiShell::run() {
    if (m_options.frames > 0 || m_options.bench_frames > 0) return run_headless();
    int pending = 3;
    while (!m_window->should_close() && !m_quit && !m_reopen) {
        if (pending > 0)
            glfwPollEvents();
        else
            glfwWaitEventsTimeout(busy() ? 0.03 : 0.5);  // sleep until input, or poll work
        if (m_window->take_event_count() > 0) pending = std::max(pending, 3);
        if (take_main_loop_wake()) pending = std::max(pending, 2);  // a background task finished
        take_dropped(m_window->take_dropped());
        if (collect_jobs()) pending = std::max(pending, 2);
        if (poll_analyses()) pending = std::max(pending, 2);
        if (m_renderer->poll(m_model)) pending = std::max(pending, 2);
        report_mesh_errors();
        if (busy()) pending = std::max(pending, 1);
        if (pending == 0) continue;
        const unsigned before = m_model.revision();
        const Rect map = frame();
        draw_gl(map);
        take_snapshot();
        glfwSwapBuffers(m_window->get());
        write_state();
        // A frame that changed the model (or left ImGui animating) needs a follow-up.
        pending = m_model.revision() != before ? 2 : pending - 1;
    }
    return 0;
}

}  // namespace app::gui
