#include "app/gui/gui_app.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <fmt/format.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include "app/gui/i18n.hpp"
#include "app/gui/model/audience_job.hpp"
#include "app/gui/model/background_job.hpp"
#include "app/gui/model/catalogue_snapshot.hpp"
#include "app/gui/model/demo_catalogue.hpp"
#include "app/gui/model/map_model.hpp"
#include "app/gui/model/ui_state.hpp"
#include "app/gui/render/gl.hpp"
#include "app/gui/render/map_renderer.hpp"
#include "app/gui/render/offscreen.hpp"
#include "app/gui/ui_style.hpp"
#include "app/gui/views/audience_panel.hpp"
#include "app/gui/views/catalogue_panel.hpp"
#include "app/gui/views/details_panel.hpp"
#include "app/gui/views/export_dialog.hpp"
#include "app/gui/views/file_browser.hpp"
#include "app/gui/views/import_dialog.hpp"
#include "app/gui/views/layers_panel.hpp"
#include "app/gui/views/map_canvas.hpp"
#include "app/gui/views/map_image.hpp"
#include "app/gui/window.hpp"
#include "geo/io/audience_presets.hpp"
#include "geo/store/catalogue.hpp"

namespace app::gui {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr float kLeftPanelWidth = 340.0f;
constexpr float kRightPanelWidth = 430.0f;
constexpr auto kHeadlessLoadTimeout = 120s;

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
};

class GuiApp {
public:
    GuiApp(const GuiOptions& options, Window& window, std::unique_ptr<MapRenderer> renderer)
        : m_options(options), m_window(&window), m_renderer(std::move(renderer)),
          m_audience_panel(load_presets()) {
        m_ui.attribution = attribution_for({});
        if (options.demo)
            start_loading_demo();
        else if (!options.catalogue.empty())
            start_loading(options.catalogue);
    }

    int run();

private:
    static std::vector<geo::Audience> load_presets() {
        auto presets = geo::load_audience_presets();
        return presets ? std::move(*presets) : std::vector<geo::Audience>{};
    }
    void start_loading(const std::string& path) {
        m_ui.set_status(tr(Text::loading));
        m_load.start([path](const geo::Progress&) { return load_catalogue_snapshot(path); });
    }
    void start_loading_demo() {
        m_ui.set_status(tr(Text::loading));
        m_load.start([](const geo::Progress& progress) -> geo::Result<CatalogueSnapshot> {
            auto path = ensure_demo_catalogue(progress);
            if (!path) return tl::unexpected(path.error());
            return load_catalogue_snapshot(*path);
        });
    }
    // Where imports go: the open catalogue, else the one named on the command line.
    [[nodiscard]] std::string import_catalogue() const {
        if (!m_model.catalogue_path().empty()) return m_model.catalogue_path();
        return m_options.catalogue.empty() ? "territoire.sqlite" : m_options.catalogue;
    }
    bool collect_jobs();
    [[nodiscard]] bool busy() const {
        return m_load.running() || !m_renderer->idle() || m_ui.flight.active() || m_audience.busy() ||
               m_export.busy() || m_import.busy();
    }
    Rect frame();  // one ImGui frame; returns the map canvas rectangle
    void draw_gl(const Rect& map);
    void draw_menu();
    void draw_dialogs();
    void take_snapshot();
    int run_headless();

    GuiOptions m_options;
    Window* m_window;
    std::unique_ptr<MapRenderer> m_renderer;  // destroyed before the GL context
    MapModel m_model;
    UiState m_ui;
    MapCanvas m_canvas;
    CataloguePanel m_catalogue;
    AudienceController m_audience;
    AudiencePanel m_audience_panel;
    FileBrowser m_browser;
    ExportDialog m_export;
    ImportDialog m_import;
    std::vector<geo::SourceInfo> m_sources;
    enum class BrowsePurpose { snapshot } m_browse_purpose = BrowsePurpose::snapshot;
    int m_snapshot_delay = 0;
    BackgroundJob<geo::Result<CatalogueSnapshot>> m_load;
    Clock::time_point m_start = Clock::now();
    bool m_quit = false;
    bool m_audience_applied = false;
};

bool GuiApp::collect_jobs() {
    auto loaded = m_load.take();
    if (!loaded) return false;
    if (!*loaded) {
        m_ui.set_status(loaded->error().message, true);
        return true;
    }
    m_ui.attribution = attribution_for((*loaded)->sources);
    m_sources = (*loaded)->sources;
    m_model.set_catalogue_path((*loaded)->path);
    m_model.set_items(std::move((*loaded)->items));
    m_model.set_territories(std::move((*loaded)->territories));
    m_ui.set_status("");
    m_audience.on_items_changed(m_model);
    if (!m_options.audience.empty() && !m_audience_applied) {
        m_audience_applied = true;  // once: later reloads keep the user's sliders
        auto catalogue = geo::Catalogue::open(m_model.catalogue_path(), geo::Catalogue::Mode::read_only);
        auto audience = geo::resolve_audience(m_options.audience, catalogue ? &*catalogue : nullptr);
        if (audience)
            m_audience.set_audience(std::move(*audience), m_model);
        else
            m_ui.set_status(audience.error().message, true);
    }
    // The camera viewport is known from the first frame on.
    if (m_options.bbox)
        m_ui.fit_box = m_options.bbox;
    else
        m_ui.fit_requested = true;
    return true;
}

void GuiApp::draw_menu() {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu(tr(Text::menu_file))) {
        if (ImGui::MenuItem(tr(Text::menu_import))) m_import.open(ImportKind::items);
        if (ImGui::MenuItem(tr(Text::menu_export), nullptr, false, !m_model.items().empty())) m_export.open();
        if (ImGui::MenuItem(tr(Text::menu_snapshot))) {
            m_browse_purpose = BrowsePurpose::snapshot;
            m_browser.open(FileBrowser::Mode::save_file, "territoire-carte.png");
        }
        ImGui::Separator();
        if (ImGui::MenuItem(tr(Text::menu_quit), "Ctrl+Q")) m_quit = true;
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
    ImGui::EndMainMenuBar();
}

void GuiApp::draw_dialogs() {
    m_export.draw(m_model, m_audience, m_sources, m_ui);
    if (m_ui.open_import) {
        m_import.open(*m_ui.open_import);
        m_ui.open_import.reset();
    }
    if (m_ui.dropped_path) {
        m_import.open(ImportKind::items, *m_ui.dropped_path);
        m_ui.dropped_path.reset();
    }
    if (auto outcome = m_import.draw(import_catalogue())) {
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
        }
    }
}

void GuiApp::take_snapshot() {
    if (!m_ui.snapshot_path) return;
    if (m_snapshot_delay-- > 0) return;
    const std::string path = *m_ui.snapshot_path;
    m_ui.snapshot_path.reset();
    auto image = render_map_image(m_model, *m_renderer, m_ui.attribution);
    auto written = image ? write_png(path, *image) : geo::Result<void>(tl::unexpected(image.error()));
    if (written)
        m_ui.set_status(fmt::format(fmt::runtime(tr(Text::snapshot_saved)), path));
    else
        m_ui.set_status(written.error().message, true);
}

Rect GuiApp::frame() {
    m_ui.now_s = std::chrono::duration<double>(Clock::now() - m_start).count();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q)) m_quit = true;

    draw_menu();
    const float top = ImGui::GetFrameHeight();
    const float height = io.DisplaySize.y - top;
    const ImGuiWindowFlags panel = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoBringToFrontOnFocus;
    float left = 0.0f, right = io.DisplaySize.x;
    if (m_ui.show_left) {
        ImGui::SetNextWindowPos(ImVec2(0, top));
        ImGui::SetNextWindowSize(ImVec2(kLeftPanelWidth, height));
        ImGui::Begin("##left", nullptr, panel);
        if (ImGui::CollapsingHeader(tr(Text::panel_layers), ImGuiTreeNodeFlags_DefaultOpen))
            draw_layers_panel(m_model, m_ui);
        if (ImGui::CollapsingHeader(tr(Text::panel_audience), ImGuiTreeNodeFlags_DefaultOpen))
            m_audience_panel.draw(m_model, m_audience);
        if (ImGui::CollapsingHeader(tr(Text::legend), ImGuiTreeNodeFlags_DefaultOpen))
            draw_legend(m_model);
        ImGui::End();
        left = kLeftPanelWidth;
    }
    if (m_ui.show_right) {
        right = io.DisplaySize.x - kRightPanelWidth;
        ImGui::SetNextWindowPos(ImVec2(right, top));
        ImGui::SetNextWindowSize(ImVec2(kRightPanelWidth, height));
        ImGui::Begin("##right", nullptr, panel);
        const float details_h = std::min(300.0f, height * 0.4f);
        ImGui::TextUnformatted(tr(Text::panel_catalogue));
        ImGui::Separator();
        ImGui::BeginChild("##catalogue", ImVec2(0, ImGui::GetContentRegionAvail().y - details_h));
        m_catalogue.draw(m_model, m_ui);
        ImGui::EndChild();
        ImGui::TextUnformatted(tr(Text::panel_details));
        ImGui::Separator();
        ImGui::BeginChild("##details");
        draw_details_panel(m_model, m_ui);
        ImGui::EndChild();
        ImGui::End();
    }
    const Rect map{left, top, std::max(right - left, 1.0f), std::max(height, 1.0f)};
    m_canvas.draw(ImVec2(map.x, map.y), ImVec2(map.w, map.h), m_model, *m_renderer, m_ui);
    draw_dialogs();
    ImGui::Render();
    return map;
}

void GuiApp::draw_gl(const Rect& map) {
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(m_window->get(), &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    m_renderer->draw(m_model, static_cast<int>(map.x),
                     fb_h - static_cast<int>(map.y) - m_model.camera().height_px());
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

int GuiApp::run() {
    if (m_options.frames > 0 || m_options.bench_frames > 0) return run_headless();
    int pending = 3;
    while (!m_window->should_close() && !m_quit) {
        if (pending > 0)
            glfwPollEvents();
        else
            glfwWaitEventsTimeout(busy() ? 0.03 : 0.5);  // sleep until input, or poll work
        if (m_window->take_event_count() > 0) pending = std::max(pending, 3);
        for (auto& path : m_window->take_dropped()) m_ui.dropped_path = std::move(path);
        if (collect_jobs()) pending = std::max(pending, 2);
        if (m_audience.poll(m_model)) pending = std::max(pending, 2);
        if (m_renderer->poll(m_model)) pending = std::max(pending, 2);
        if (busy()) pending = std::max(pending, 1);
        if (pending == 0) continue;
        const unsigned before = m_model.revision();
        const Rect map = frame();
        draw_gl(map);
        take_snapshot();
        glfwSwapBuffers(m_window->get());
        // A frame that changed the model (or left ImGui animating) needs a follow-up.
        pending = m_model.revision() != before ? 2 : pending - 1;
    }
    return 0;
}

int GuiApp::run_headless() {
    glfwSwapInterval(0);
    // Let the catalogue load and the meshes build, drawing as the GUI would.
    const auto deadline = Clock::now() + kHeadlessLoadTimeout;
    int settled = 0;
    while (settled < 3) {
        glfwPollEvents();
        collect_jobs();
        m_audience.poll(m_model);
        m_renderer->poll(m_model);
        draw_gl(frame());
        glfwSwapBuffers(m_window->get());
        settled = busy() ? 0 : settled + 1;
        if (Clock::now() > deadline) {
            std::fprintf(stderr, "territoire gui: still loading after %lld s\n",
                         static_cast<long long>(kHeadlessLoadTimeout.count()));
            return 1;
        }
    }
    if (!m_ui.status.empty() && m_ui.status_is_error) {
        std::fprintf(stderr, "territoire gui: %s\n", m_ui.status.c_str());
        return 1;
    }
    for (int i = 0; i < m_options.frames; ++i) {
        glfwPollEvents();
        draw_gl(frame());
        glfwSwapBuffers(m_window->get());
    }
    if (m_options.bench_frames > 0) {
        std::vector<double> ms;
        ms.reserve(static_cast<std::size_t>(m_options.bench_frames));
        for (int i = 0; i < m_options.bench_frames; ++i) {
            const auto t0 = Clock::now();
            m_model.camera().pan_by_px(i % 2 ? -1.0 : 1.0, 0.0);  // forces a point rebuild
            glfwPollEvents();
            draw_gl(frame());
            glFinish();
            glfwSwapBuffers(m_window->get());
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        }
        std::sort(ms.begin(), ms.end());
        const auto pct = [&](double p) {
            return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * static_cast<double>(ms.size())))];
        };
        const MapDrawStats& s = m_renderer->stats();
        fmt::print("frames {}  median {:.2f} ms  p95 {:.2f} ms  items {}  visible {}  drawn points {}{}\n",
                   ms.size(), pct(0.5), pct(0.95), m_model.items().size(), s.visible_items,
                   s.drawn_points, s.aggregated ? " (aggregated)" : "");
    }
    if (!m_options.screenshot.empty()) {
        // Draw once more and read the back buffer before it is swapped.
        const Rect map = frame();
        draw_gl(map);
        const geo::LonLat c = lonlat_from_mercator(m_model.camera().center());
        fmt::print("map canvas {} {} {} {}  centre {:.6f} {:.6f}  zoom {:.4f}\n", map.x, map.y,
                   m_model.camera().width_px(), m_model.camera().height_px(), c.lon_deg, c.lat_deg,
                   m_model.camera().zoom());
        glFinish();
        int fb_w = 0, fb_h = 0;
        glfwGetFramebufferSize(m_window->get(), &fb_w, &fb_h);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
        glReadBuffer(GL_BACK);
        const Image image = read_pixels(0, 0, fb_w, fb_h);
        if (auto ok = write_png(m_options.screenshot, image); !ok) {
            std::fprintf(stderr, "territoire gui: %s\n", ok.error().message.c_str());
            return 1;
        }
    }
    return 0;
}

}  // namespace

int run_gui(const GuiOptions& options) {
    load_label_names();
    const bool headless = options.frames > 0 || options.bench_frames > 0;
    auto window = Window::create(options.width_px, options.height_px, tr(Text::app_title), true);
    if (!window) {
        std::fprintf(stderr, "territoire gui: %s\n", window.error().message.c_str());
        return 1;
    }
    glfwSwapInterval(headless ? 0 : 1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini in the user's folder
    load_fonts();
    apply_light_theme();
    ImGui_ImplGlfw_InitForOpenGL((*window)->get(), true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    int code = 1;
    {
        auto renderer = MapRenderer::create();
        if (!renderer) {
            std::fprintf(stderr, "territoire gui: %s\n", renderer.error().message.c_str());
        } else {
            GuiApp app(options, **window, std::move(*renderer));
            code = app.run();
        }
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    return code;
}

}  // namespace app::gui
