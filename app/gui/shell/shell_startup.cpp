// Start-up and loading: the options into panels and layers, the catalogue
// (and the start-up audience) read on the load worker, results into the model.
#include <cstdio>
#include <filesystem>
#include <utility>
#include "app/gui/errors/error_text.hpp"

#include <fmt/format.h>

#include "app/gui/i18n.hpp"
#include "app/gui/model/basemap_loading.hpp"
#include "app/gui/model/context_loading.hpp"
#include "app/gui/model/project_state.hpp"
#include "app/gui/shell/gui_shell.hpp"
#include "app/gui/views/layers_panel.hpp"
#include "geo/core/data_dir.hpp"
#include "geo/io/audience_presets.hpp"
#include "geo/io/demo_catalogue.hpp"
#include "geo/io/places_file.hpp"
#include "geo/io/recent_projects.hpp"

namespace app::gui {

GuiShell::GuiShell(const GuiOptions& options, Window& window, std::unique_ptr<MapRenderer> renderer)
    : m_options(options),
      m_window(&window),
      m_renderer(std::move(renderer)),
      m_audience_panel(load_presets()),
      m_report(load_presets()) {
    m_recent = geo::read_recent_projects();
    if (!m_options.project.empty()) open_project_at_start();  // its catalogue, layers, language, panels
    if (m_options.gaps) m_model.layers().set_visible("gaps", true);
    if (!m_options.compare.empty()) m_benchmark.preset(m_options.compare, m_options.against);
    if (m_options.open == "benchmark") m_tab_request = RightTab::benchmark;
    if (m_options.open == "gaps") m_tab_request = RightTab::gaps;
    if (m_options.open == "actors") m_tab_request = RightTab::actors;
    if (m_options.open == "import") m_import.open(ImportKind::items);
    if (m_options.open == "export") m_export.open();
    if (m_options.open == "export-map") m_print.open();
    if (m_options.open == "report") m_report.open();
    if (m_options.open == "shortcuts") m_shortcuts.open();
    if (m_options.open == "database") m_database.open(m_options.catalogue);
    load_context_and_places();
    if (m_project) m_model.layers().arrange(project_looks(*m_project, m_model.layers()));
    if (!m_options.state_file.empty()) m_state_file.emplace(m_options.state_file);
    if (m_options.demo)
        start_loading_demo();
    else if (!m_options.catalogue.empty())
        open_catalogue(m_options.catalogue);  // a file not there yet: the empty state, created on the first import
    m_history.reset(edit_state());
}

// The context layers and place names given at start-up (the demo's rivers
// and towns by default): small files, read before the first frame.
void GuiShell::load_context_and_places() {
    std::vector<std::string> context = m_options.context;
    if (m_options.demo && context.empty()) {  // the demo's rivers, for orientation
        const std::string rivers = geo::data_dir() + "/demo/rivers.geojson";
        if (std::filesystem::exists(rivers)) context.push_back(rivers);
    }
    for (const std::string& path : context) {
        auto credit = load_context_layer(m_model, path);
        if (!credit)
            m_ui.set_status(error_text(credit.error()), true);
        else if (!credit->empty())
            m_context_credit = join_credits(m_context_credit, *credit);
    }
    std::string places = m_options.places;
    if (m_options.demo && places.empty()) places = geo::data_dir() + "/demo/places.geojson";
    if (!places.empty()) {
        if (auto read = geo::read_places_file(places))
            m_model.set_places(std::move(*read));
        else
            m_ui.set_status(error_text(read.error()), true);
    }
    for (const std::string& path : m_options.basemaps) {  // after the places: OSM place names join them
        auto credit = load_basemap(m_model, path, geo::default_basemap_cache_dir());
        if (credit)
            m_context_credit = join_credits(m_context_credit, *credit);
        else
            m_ui.set_status(error_text(credit.error()), true);
    }
    m_ui.attribution = m_context_credit;
}

std::vector<geo::Audience> GuiShell::load_presets() {
    auto presets = geo::load_audience_presets();
    return presets ? std::move(*presets) : std::vector<geo::Audience>{};
}

// The start-up audience resolves with the catalogue, on the worker (it may
// be an audience stored in the catalogue): --audience, or the project's.
AudienceToResolve GuiShell::startup_audience() const {
    if (m_audience_applied) return {};
    if (m_project && m_project->audience) return {"", m_project->audience};
    return {m_options.audience, std::nullopt};
}

void GuiShell::start_loading(const std::string& path) {
    m_ui.set_status(tr(Text::loading));
    m_load.start([path, audience = startup_audience()](const geo::Progress&) {
        return load_catalogue_snapshot(path, audience);
    });
}

void GuiShell::start_loading_demo() {
    m_ui.set_status(tr(Text::loading));
    m_load.start([audience = startup_audience()](const geo::Progress& progress) -> geo::Result<CatalogueSnapshot> {
        auto path = geo::ensure_demo_catalogue(progress);
        if (!path) return tl::unexpected(path.error());
        return load_catalogue_snapshot(*path, audience);
    });
}

// Where imports go: the open catalogue, else the one named on the command
// line (the import dialog proposes a new one instead of the demo).
std::string GuiShell::import_catalogue() const {
    if (!m_model.catalogue_path().empty()) return m_model.catalogue_path();
    return m_options.catalogue.empty() ? "territoire.sqlite" : m_options.catalogue;
}

bool GuiShell::busy() const {
    return m_load.running() || !m_renderer->idle() || m_ui.flight.active() || m_audience.busy() || m_export.busy() ||
           m_print.busy() || m_report.busy() || m_import.busy() || m_gaps.busy() || m_benchmark.busy() ||
           m_segments.busy() || m_actors.busy() || m_gaps_panel.busy();
}

// Results of the background analyses into the model; true when something arrived.
bool GuiShell::poll_analyses() {
    bool arrived = m_audience.poll(m_model);
    const Layer* layer = m_model.layers().find(LayerKind::gaps);
    const bool want = layer != nullptr && layer->visible;
    if (want != m_gaps.enabled()) m_gaps.set_enabled(want, m_model, m_audience.audience());
    m_gaps.on_perimeter_changed(m_model, m_audience.audience());
    arrived = m_gaps.poll(m_model) || arrived;
    m_benchmark.update(m_model, m_audience);
    m_segments.update();
    m_actors.update();
    return arrived;
}

// Polygons the mesh workers could not draw: the status line (and stderr
// when headless), never dropped.
void GuiShell::report_mesh_errors() {
    const std::vector<std::string> errors = m_renderer->take_errors();
    if (errors.empty()) return;
    for (const std::string& e : errors) std::fprintf(stderr, "territoire gui: %s\n", e.c_str());
    m_ui.set_status(errors.size() == 1 ? errors.front() : fmt::format("{} (+{})", errors.front(), errors.size() - 1),
                    true);
}

bool GuiShell::collect_jobs() {
    auto loaded = m_load.take();
    if (!loaded) return false;
    const std::string dropped = std::exchange(m_dropped_catalogue, std::string());
    if (!*loaded) {
        m_benchmark.cancel_preset();  // else the app would wait for it for ever
        if (!dropped.empty()) {       // a GeoPackage that is no catalogue: import it
            m_ui.set_status(fmt::format(fmt::runtime(tr(Text::catalogue_not_found_import)), dropped));
            m_ui.dropped_path = dropped;
            return true;
        }
        m_ui.set_status(error_text(loaded->error()), true);
        return true;
    }
    m_ui.attribution = join_credits(attribution_for((*loaded)->sources), m_context_credit);
    m_sources = (*loaded)->sources;
    m_model.set_catalogue_path((*loaded)->path);
    m_demo = geo::is_demo_catalogue((*loaded)->path);
    m_model.set_items(std::move((*loaded)->items));
    m_model.set_territories(std::move((*loaded)->territories));
    m_model.set_theme_names((*loaded)->theme_names);
    m_ui.set_status("");
    m_audience.on_data_changed(m_model);
    apply_project_after_load(**loaded);
    if (m_model.items().empty() && m_model.territories().empty()) m_ui.fit_box = kFranceBox;
    m_history.reset(edit_state());  // item indices changed: older steps no longer apply
    return true;
}
}  // namespace app::gui
