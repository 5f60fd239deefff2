#pragma once
// The running map application, split by feature over app/gui/shell/:
// start-up and catalogue loading (shell_startup.cpp), the interactive frame
// and its event loop (shell_frame.cpp), the headless path with its test
// hooks (shell_headless.cpp) and the frame-time benchmark
// (shell_frame_bench.cpp), projects, catalogues and undo
// (shell_project.cpp, shell_catalogue.cpp). run_gui() (app/gui/gui_app.cpp) creates the
// window and the GL/ImGui context, then one GuiShell.
// Threads: the GL/main thread only; catalogue files are opened on the load
//   worker (m_load), never during a frame.
// Failures: shown in the status line (and on stderr when headless); run()
//   returns the process exit code.
#include <array>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/gui/gui_app.hpp"
#include "app/gui/model/audience_controller.hpp"
#include "app/gui/model/background_job.hpp"
#include "app/gui/model/catalogue_snapshot.hpp"
#include "app/gui/model/gaps_controller.hpp"
#include "app/gui/model/map_model.hpp"
#include "app/gui/model/ui_state.hpp"
#include "app/gui/model/undo_history.hpp"
#include "app/gui/render/map_renderer.hpp"
#include "app/gui/render/ui_cache.hpp"
#include "app/gui/state_file.hpp"
#include "app/gui/views/actors_panel.hpp"
#include "app/gui/views/audience_panel.hpp"
#include "app/gui/views/benchmark_panel.hpp"
#include "app/gui/views/catalogue_panel.hpp"
#include "app/gui/views/database_dialog.hpp"
#include "app/gui/views/export_dialog.hpp"
#include "app/gui/views/file_browser.hpp"
#include "app/gui/views/gaps_panel.hpp"
#include "app/gui/views/import_dialog.hpp"
#include "app/gui/views/map_canvas.hpp"
#include "app/gui/views/print_dialog.hpp"
#include "app/gui/views/report_dialog.hpp"
#include "app/gui/views/search_box.hpp"
#include "app/gui/views/segments_panel.hpp"
#include "app/gui/views/shortcuts_dialog.hpp"
#include "app/gui/window.hpp"
#include "geo/io/project_file.hpp"

namespace app::gui {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
};

class GuiShell {
public:
    GuiShell(const GuiOptions& options, Window& window, std::unique_ptr<MapRenderer> renderer);
    int run();  // the event loop, or the headless run when frames/bench_frames ask for it
    // After run(): the options to start again with (a project opened, a new
    // project), or nullopt when the app quits. A fresh GuiShell starts clean.
    [[nodiscard]] const std::optional<GuiOptions>& reopen() const { return m_reopen; }

private:
    using Clock = std::chrono::steady_clock;

    // shell_startup.cpp
    static std::vector<geo::Audience> load_presets();
    void load_context_and_places();
    [[nodiscard]] AudienceToResolve startup_audience() const;
    void start_loading(const std::string& path);
    void start_loading_demo();
    [[nodiscard]] std::string import_catalogue() const;  // the open catalogue, else the one named at start
    bool collect_jobs();                                 // a loaded catalogue into the model; true when one arrived
    bool poll_analyses();                                // analysis results into the model; true when one arrived
    void report_mesh_errors();                           // mesh failures: status line and stderr, never dropped
    [[nodiscard]] bool busy() const;

    // shell_frame.cpp
    Rect frame();  // one ImGui frame; returns the map canvas rectangle
    void draw_menu();
    void draw_dialogs();
    void draw_right_panel(float height);
    void draw_splitters(const PanelWidths& shown, float top, float height);
    void draw_gl_map(const Rect& map);  // clears the window, draws the map
    void draw_panels();                 // ImGui's draw data, the panels through m_ui_cache
    void draw_gl(const Rect& map);      // the map, then the panels
    void take_snapshot();

    // shell_project.cpp
    void open_project_at_start();  // --project: the file read, its catalogue, layers, language, panels
    void apply_project_after_load(CatalogueSnapshot& loaded);
    [[nodiscard]] geo::Project capture() const;
    void save_project(const std::string& path);
    void open_project(const std::string& path);  // checked first: a bad file changes nothing
    void new_project();
    void save_or_ask();       // Ctrl+S: the project's file, else Save as
    void ask_open_project();  // Ctrl+O: the file browser
    [[nodiscard]] GuiOptions fresh_options() const;
    void draw_project_menu();
    void update_title();
    [[nodiscard]] EditState edit_state() const;
    void apply_edit(const EditState& state);
    void handle_undo_keys(bool ctrl, bool shift);

    // shell_catalogue.cpp
    void open_catalogue(const std::string& path);  // a file that does not exist yet: the empty state
    void new_catalogue(const std::string& path);
    void take_dropped(std::vector<std::string> paths);
    void draw_catalogue_notes(const Rect& map);  // the empty state over the map
    [[nodiscard]] bool empty_state() const;

    // shell_headless.cpp
    int run_headless();
    void write_state();  // the --state-file test hook, after a frame
    [[nodiscard]] nlohmann::json audience_state() const;

    // shell_frame_bench.cpp
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
    SegmentsPanel m_segments;
    UiRect m_segments_tab;  // the Segments tab, for the --state-file hook
    ActorsPanel m_actors;
    UiRect m_actors_tab;
    enum class RightTab { catalogue, benchmark, segments, actors, gaps };
    std::optional<RightTab> m_tab_request;
    UiCache m_ui_cache{{"##left", "##right", "##MainMenuBar"}};
    std::vector<UiRect> m_panel_rects;    // where the cached windows lie, this frame
    std::array<UiRect, 2> m_split_rects;  // left and right splitters, this frame (--state-file)
    FileBrowser m_browser;
    ExportDialog m_export;
    PrintDialog m_print;
    ReportDialog m_report;
    ShortcutsDialog m_shortcuts;
    DatabaseDialog m_database;
    ImportDialog m_import;
    SearchBox m_search;
    std::vector<geo::SourceInfo> m_sources;
    enum class BrowsePurpose {
        snapshot,
        open_project,
        save_project,
        open_catalogue,
        new_catalogue
    } m_browse_purpose = BrowsePurpose::snapshot;
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
    // Projects and catalogues (shell_project.cpp, shell_catalogue.cpp)
    std::optional<geo::Project> m_project;  // the project opened at start, applied as the catalogue loads
    std::string m_project_path;             // where Save writes; empty: Save asks
    bool m_view_pending = false;            // the project's view, once its catalogue is in
    std::optional<GuiOptions> m_reopen;
    std::vector<std::string> m_recent;  // recent projects, most recent first
    bool m_demo = false;                // the open catalogue is the demo (read-only)
    std::string m_dropped_catalogue;    // a dropped .gpkg being opened: imported instead if not a catalogue
    std::string m_title;
    UndoHistory m_history;
};

}  // namespace app::gui
