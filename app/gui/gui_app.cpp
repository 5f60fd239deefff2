#include "app/gui/gui_app.hpp"

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <functional>
#include <thread>
#include <vector>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.hpp"
#include "app/gui/key_latch.hpp"
#include "app/gui/model/audience_job.hpp"
#include "app/gui/model/background_job.hpp"
#include "app/gui/model/basemap_loading.hpp"
#include "app/gui/model/catalogue_snapshot.hpp"
#include "app/gui/model/context_loading.hpp"
#include "app/gui/model/demo_catalogue.hpp"
#include "app/gui/model/gaps_job.hpp"
#include "app/gui/model/main_loop_wake.hpp"
#include "app/gui/model/map_model.hpp"
#include "app/gui/model/ui_state.hpp"
#include "app/gui/render/gl.hpp"
#include "app/gui/render/map_renderer.hpp"
#include "app/gui/render/offscreen.hpp"
#include "app/gui/render/ui_cache.hpp"
#include "app/gui/state_file.hpp"
#include "app/gui/ui_style.hpp"
#include "app/gui/views/audience_panel.hpp"
#include "app/gui/views/benchmark_panel.hpp"
#include "app/gui/views/catalogue_panel.hpp"
#include "app/gui/views/details_panel.hpp"
#include "app/gui/views/export_dialog.hpp"
#include "app/gui/views/file_browser.hpp"
#include "app/gui/views/gaps_panel.hpp"
#include "app/gui/views/import_dialog.hpp"
#include "app/gui/views/layers_panel.hpp"
#include "app/gui/views/map_canvas.hpp"
#include "app/gui/views/map_image.hpp"
#include "app/gui/views/popup_keys.hpp"
#include "app/gui/views/print_dialog.hpp"
#include "app/gui/views/search_box.hpp"
#include "app/gui/window.hpp"
#include "geo/core/data_dir.hpp"
#include "geo/io/audience_presets.hpp"
#include "geo/io/context_layer.hpp"
#include "geo/io/places_file.hpp"
#include "geo/store/catalogue.hpp"

namespace app::gui {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr float kLeftPanelWidth = 340.0f;
constexpr float kRightPanelWidth = 480.0f;
constexpr auto kHeadlessLoadTimeout = 120s;

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
};

class GuiApp {
public:
    GuiApp(const GuiOptions& options, Window& window, std::unique_ptr<MapRenderer> renderer)
        : m_options(options), m_window(&window), m_renderer(std::move(renderer)), m_audience_panel(load_presets()) {
        m_ui.attribution = attribution_for({});
        if (options.gaps) m_model.layers().set_visible("gaps", true);
        if (!options.compare.empty()) m_benchmark.preset(options.compare, options.against);
        if (options.open == "benchmark") m_tab_request = RightTab::benchmark;
        if (options.open == "gaps") m_tab_request = RightTab::gaps;
        if (options.open == "import") m_import.open(ImportKind::items);
        if (options.open == "export") m_export.open();
        if (options.open == "export-map") m_print.open();
        std::vector<std::string> context = options.context;
        if (options.demo && context.empty()) {  // the demo's rivers, for orientation
            const std::string rivers = geo::data_dir() + "/demo/rivers.geojson";
            if (std::filesystem::exists(rivers)) context.push_back(rivers);
        }
        for (const std::string& path : context) {
            auto credit = load_context_layer(m_model, path);
            if (!credit)
                m_ui.set_status(credit.error().message, true);
            else if (!credit->empty())
                m_context_credit = *credit;
        }
        m_ui.attribution = m_context_credit;
        std::string places = options.places;
        if (options.demo && places.empty()) places = geo::data_dir() + "/demo/places.geojson";
        if (!places.empty()) {
            if (auto read = geo::read_places_file(places))
                m_model.set_places(std::move(*read));
            else
                m_ui.set_status(read.error().message, true);
        }
        for (const std::string& path : options.basemaps) {  // after the places: OSM place names join them
            auto credit = load_basemap(m_model, path, geo::default_basemap_cache_dir());
            if (credit)
                m_context_credit = join_credits(m_context_credit, *credit);
            else
                m_ui.set_status(credit.error().message, true);
        }
        m_ui.attribution = m_context_credit;
        if (!options.state_file.empty()) m_state_file.emplace(options.state_file);
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
               m_export.busy() || m_print.busy() || m_import.busy() || m_gaps.busy() || m_benchmark.busy() ||
               m_gaps_panel.busy();
    }
    // Results of the background analyses into the model; true when something arrived.
    bool poll_analyses() {
        bool arrived = m_audience.poll(m_model);
        const Layer* layer = m_model.layers().find(LayerKind::gaps);
        const bool want = layer != nullptr && layer->visible;
        if (want != m_gaps.enabled()) m_gaps.set_enabled(want, m_model, m_audience.audience());
        m_gaps.on_perimeter_changed(m_model, m_audience.audience());
        arrived = m_gaps.poll(m_model) || arrived;
        m_benchmark.update(m_model, m_audience);
        return arrived;
    }
    // Polygons the mesh workers could not draw: the status line (and stderr
    // when headless), never dropped.
    void report_mesh_errors() {
        const std::vector<std::string> errors = m_renderer->take_errors();
        if (errors.empty()) return;
        for (const std::string& e : errors) std::fprintf(stderr, "territoire gui: %s\n", e.c_str());
        m_ui.set_status(
            errors.size() == 1 ? errors.front() : fmt::format("{} (+{})", errors.front(), errors.size() - 1), true);
    }
    void draw_right_panel(float height);
    Rect frame();                       // one ImGui frame; returns the map canvas rectangle
    void draw_gl_map(const Rect& map);  // clears the window, draws the map
    void draw_gl(const Rect& map);      // the map, then the panels
    void draw_panels();                 // ImGui's draw data, the panels through m_ui_cache
    void draw_menu();
    void draw_dialogs();
    void take_snapshot();
    void write_state();  // the --state-file test hook, after a frame
    int run_headless();
    void bench(const char* what, const std::function<void(Camera&, int)>& move);

    GuiOptions m_options;
    Window* m_window;
    std::unique_ptr<MapRenderer> m_renderer;  // destroyed before the GL context
    MapModel m_model;
    UiState m_ui;
    MapCanvas m_canvas;
    CataloguePanel m_catalogue;
    AudienceController m_audience;
    AudiencePanel m_audience_panel;
    GapsController m_gaps;
    GapsPanel m_gaps_panel;
    BenchmarkPanel m_benchmark;
    enum class RightTab { catalogue, benchmark, gaps };
    std::optional<RightTab> m_tab_request;
    UiCache m_ui_cache{{"##left", "##right", "##MainMenuBar"}};
    std::vector<UiRect> m_panel_rects;  // where the cached windows lie, this frame
    FileBrowser m_browser;
    ExportDialog m_export;
    PrintDialog m_print;
    ImportDialog m_import;
    SearchBox m_search;
    std::vector<geo::SourceInfo> m_sources;
    enum class BrowsePurpose { snapshot } m_browse_purpose = BrowsePurpose::snapshot;
    int m_snapshot_delay = 0;
    BackgroundJob<geo::Result<CatalogueSnapshot>> m_load;
    Clock::time_point m_start = Clock::now();
    bool m_quit = false;
    bool m_audience_applied = false;
    std::string m_context_credit;  // attribution of the context layers given at start-up
    std::optional<StateFile> m_state_file;
    std::vector<std::string> m_popups;  // open popups at the end of the last frame
    Rect m_map;                         // the map canvas, last frame
    long m_frames = 0;
};

bool GuiApp::collect_jobs() {
    auto loaded = m_load.take();
    if (!loaded) return false;
    if (!*loaded) {
        m_ui.set_status(loaded->error().message, true);
        m_benchmark.cancel_preset();  // else the app would wait for it for ever
        return true;
    }
    m_ui.attribution = join_credits(attribution_for((*loaded)->sources), m_context_credit);
    m_sources = (*loaded)->sources;
    m_model.set_catalogue_path((*loaded)->path);
    m_model.set_items(std::move((*loaded)->items));
    m_model.set_territories(std::move((*loaded)->territories));
    m_ui.set_status("");
    m_audience.on_data_changed(m_model);
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
        if (ImGui::MenuItem(tr(Text::menu_export_map))) m_print.open();
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
    m_print.draw(m_model, m_audience.audience(), m_ui.attribution, m_sources, m_ui);
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

void GuiApp::write_state() {
    if (!m_state_file) return;
    const auto rect = [](const UiRect& r) { return nlohmann::json::array({r.x, r.y, r.w, r.h}); };
    const geo::LonLat centre = lonlat_from_mercator(m_model.camera().center());
    const MapCanvas::Controls& controls = m_canvas.controls();
    const nlohmann::json state = {
        {"items", m_model.items().size()},
        {"busy", busy()},
        {"camera", {{"lon_deg", centre.lon_deg}, {"lat_deg", centre.lat_deg}, {"zoom", m_model.camera().zoom()}}},
        {"popups", m_popups},
        {"canvas", rect({m_map.x, m_map.y, m_map.w, m_map.h})},
        {"controls",
         {{"fit", rect(controls.fit)}, {"zoom_in", rect(controls.zoom_in)}, {"zoom_out", rect(controls.zoom_out)}}},
        {"status", m_ui.status}};
    nlohmann::json labels = nlohmann::json::array();
    for (const DrawnLabel& l : m_canvas.labels())
        labels.push_back({{"text", l.text}, {"place", l.place}, {"box", rect(l.box)}});
    nlohmann::json hits = nlohmann::json::array();
    for (const geo::SearchHit& h : m_search.search().hits())
        hits.push_back({{"kind", geo::search_kind_id(h.kind)}, {"name", h.name}, {"code", h.code}});
    nlohmann::json full = state;
    full["labels"] = std::move(labels);
    full["layers"] = layers_state(m_model, m_ui);
    full["items_shown"] = m_model.item_filter() ? m_model.item_filter()->size() : m_model.items().size();
    full["catalogue_search"] = rect(m_catalogue.search_rect());
    full["search"] = {{"query", m_search.search().query()},
                      {"focused", m_search.focused()},
                      {"field", rect(m_search.field_rect())},
                      {"hits", std::move(hits)},
                      {"selected", m_search.search().selected()}};
    m_state_file->update(full, m_frames);
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
    release_latched_keys();
    close_menu_on_escape();
    const ImGuiIO& io = ImGui::GetIO();
    // Ctrl as NewFrame saw it (io.KeyMods): a latched release (key_latch.hpp)
    // may already have cleared io.KeyCtrl by now.
    const bool ctrl = (io.KeyMods & ImGuiKeyModFlags_Ctrl) != 0;
    if (ctrl && ImGui::IsKeyPressed(GLFW_KEY_Q)) m_quit = true;
    if (ctrl && ImGui::IsKeyPressed(GLFW_KEY_F)) m_search.focus();

    draw_menu();
    const float top = ImGui::GetFrameHeight();
    const float height = io.DisplaySize.y - top;
    // No window background: draw_gl() clears the window with that colour
    // already, and software rasterisers pay for every filled pixel twice.
    const ImGuiWindowFlags panel = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground;
    float left = 0.0f, right = io.DisplaySize.x;
    if (m_ui.show_left) {
        ImGui::SetNextWindowPos(ImVec2(0, top));
        ImGui::SetNextWindowSize(ImVec2(kLeftPanelWidth, height));
        ImGui::Begin("##left", nullptr, panel);
        if (ImGui::CollapsingHeader(tr(Text::panel_layers), ImGuiTreeNodeFlags_DefaultOpen))
            draw_layers_panel(m_model, m_ui);
        if (ImGui::CollapsingHeader(tr(Text::panel_audience), ImGuiTreeNodeFlags_DefaultOpen))
            m_audience_panel.draw(m_model, m_audience);
        if (ImGui::CollapsingHeader(tr(Text::legend), ImGuiTreeNodeFlags_DefaultOpen)) draw_legend(m_model);
        ImGui::End();
        left = kLeftPanelWidth;
    }
    if (m_ui.show_right) {
        right = io.DisplaySize.x - kRightPanelWidth;
        ImGui::SetNextWindowPos(ImVec2(right, top));
        ImGui::SetNextWindowSize(ImVec2(kRightPanelWidth, height));
        ImGui::Begin("##right", nullptr, panel);
        draw_right_panel(height);
        ImGui::End();
    }
    const Rect map{left, top, std::max(right - left, 1.0f), std::max(height, 1.0f)};
    m_panel_rects = {{0, 0, io.DisplaySize.x, top},
                     {0, top, m_ui.show_left ? left : 0.0f, height},
                     {right, top, m_ui.show_right ? io.DisplaySize.x - right : 0.0f, height}};
    m_canvas.draw(ImVec2(map.x, map.y), ImVec2(map.w, map.h), m_model, *m_renderer, m_ui);
    m_search.draw(ImVec2(map.x, map.y), map.w, m_model, m_ui);
    draw_dialogs();
    if (m_state_file) m_popups = open_popup_names();
    m_map = map;
    ImGui::Render();
    ++m_frames;
    return map;
}

void GuiApp::draw_right_panel(float height) {
    if (m_ui.show_gaps_panel) {
        m_tab_request = RightTab::gaps;
        m_ui.show_gaps_panel = false;
    }
    const auto flags = [&](RightTab tab) {
        return m_tab_request == tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
    };
    if (!ImGui::BeginTabBar("##right_tabs")) return;
    if (ImGui::BeginTabItem(tr(Text::panel_catalogue), nullptr, flags(RightTab::catalogue))) {
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
        ImGui::BeginChild("##benchmark");
        m_benchmark.draw(m_model, m_audience, m_ui);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr(Text::layer_gaps), nullptr, flags(RightTab::gaps))) {
        ImGui::BeginChild("##gaps");
        m_gaps_panel.draw(m_model, m_gaps, m_audience, m_ui);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    m_tab_request.reset();
    ImGui::EndTabBar();
}

void GuiApp::draw_gl_map(const Rect& map) {
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(m_window->get(), &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    m_renderer->draw(m_model, static_cast<int>(map.x), fb_h - static_cast<int>(map.y) - m_model.camera().height_px());
}

void GuiApp::draw_panels() {
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(m_window->get(), &fb_w, &fb_h);
    m_ui_cache.render(ImGui::GetDrawData(), m_panel_rects, ImGui::GetStyle().Colors[ImGuiCol_WindowBg], fb_w, fb_h);
}

void GuiApp::draw_gl(const Rect& map) {
    draw_gl_map(map);
    draw_panels();
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
        if (take_main_loop_wake()) pending = std::max(pending, 2);  // a background task finished
        for (auto& path : m_window->take_dropped()) m_ui.dropped_path = std::move(path);
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

void GuiApp::bench(const char* what, const std::function<void(Camera&, int)>& move) {
    // Each frame: a camera move (one pixel of pan, as while dragging, or 2 %
    // of zoom, as while rolling the wheel), the ImGui frame, the map, the
    // panels; glFinish makes the GPU (llvmpipe) work part of the measure.
    std::vector<double> total, ui, map, panels, cpu;
    const auto ms_since = [](Clock::time_point t) {
        return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
    };
    // Process CPU time (all threads, llvmpipe's included): what the frame
    // costs, whatever else the machine runs.
    const auto cpu_ms = [] {
        timespec ts{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) * 1e-6;
    };
    for (int i = 0; i < m_options.bench_frames; ++i) {
        const auto t0 = Clock::now();
        const double c0 = cpu_ms();
        move(m_model.camera(), i);
        glfwPollEvents();
        const Rect rect = frame();
        ui.push_back(ms_since(t0));
        const auto t1 = Clock::now();
        draw_gl_map(rect);
        glFinish();
        map.push_back(ms_since(t1));
        const auto t2 = Clock::now();
        draw_panels();
        glFinish();
        panels.push_back(ms_since(t2));
        glfwSwapBuffers(m_window->get());
        total.push_back(ms_since(t0));
        cpu.push_back(cpu_ms() - c0);
    }
    const auto pct = [](std::vector<double> v, double p) {
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
    };
    const MapDrawStats& s = m_renderer->stats();
    long resident_kb = 0;
    if (std::FILE* f = std::fopen("/proc/self/statm", "r")) {
        long size = 0, resident = 0;
        if (std::fscanf(f, "%ld %ld", &size, &resident) == 2) resident_kb = resident * (sysconf(_SC_PAGESIZE) / 1024);
        std::fclose(f);
    }
    fmt::print(
        "{:<4} frames {}  median {:.2f} ms  p95 {:.2f} ms  (median ui {:.2f}, map {:.2f}, panels {:.2f}; "
        "cpu {:.2f} ms)  items {}  visible {}  drawn points {}{}{}  segments {}  fill triangles {}  zoom {:.2f}  "
        "resident {} MB\n",
        what, total.size(), pct(total, 0.5), pct(total, 0.95), pct(ui, 0.5), pct(map, 0.5), pct(panels, 0.5),
        pct(cpu, 0.5), m_model.items().size(), s.visible_items, s.drawn_points, s.aggregated ? " (aggregated)" : "",
        s.cached ? ", layers cached" : "", s.segments, s.triangles, m_model.camera().zoom(), resident_kb / 1024);
}

int GuiApp::run_headless() {
    glfwSwapInterval(0);
    // The pointer (under xvfb-run, at the screen's centre) off the map, in
    // the window's bottom-right corner: no hover tooltip in screenshots.
    glfwSetCursorPos(m_window->get(), m_options.width_px - 2.0, m_options.height_px - 2.0);
    // Let the catalogue load and the meshes build, drawing as the GUI would.
    const auto deadline = Clock::now() + kHeadlessLoadTimeout;
    int settled = 0;
    while (settled < 3) {
        glfwPollEvents();
        collect_jobs();
        poll_analyses();
        m_renderer->poll(m_model);
        report_mesh_errors();
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
        bench("pan", [](Camera& c, int i) { c.pan_by_px(i % 2 ? -1.0 : 1.0, 0.0); });
        const ScreenPx centre{m_model.camera().width_px() / 2.0, m_model.camera().height_px() / 2.0};
        bench("zoom", [centre](Camera& c, int i) { c.zoom_around(centre, i % 2 ? 1.0 / 1.02 : 1.02); });
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
    install_key_latch((*window)->get());
    ImGui_ImplOpenGL3_Init("#version 330 core");

    int code = 1;
    {
        auto renderer = MapRenderer::create();
        if (!renderer) {
            std::fprintf(stderr, "territoire gui: %s\n", renderer.error().message.c_str());
        } else {
            set_main_loop_waker(glfwPostEmptyEvent);
            GuiApp app(options, **window, std::move(*renderer));
            code = app.run();
        }
    }
    set_main_loop_waker(nullptr);  // the jobs have stopped with the app; GLFW goes with the window
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    return code;
}

}  // namespace app::gui
