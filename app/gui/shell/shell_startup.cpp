// Start-up and loading: the options into panels and layers, the catalogue
// (and the start-up audience) read on the load worker, results into the model.
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "app/gui/i18n.hpp"
#include "app/gui/model/basemap_loading.hpp"
#include "app/gui/model/context_loading.hpp"
#include "app/gui/model/demo_catalogue.hpp"
#include "app/gui/shell/gui_shell.hpp"
#include "app/gui/views/layers_panel.hpp"
#include "geo/core/data_dir.hpp"
#include "geo/io/audience_presets.hpp"
#include "geo/io/places_file.hpp"

namespace app::gui {

GuiShell::GuiShell(const GuiOptions& options, Window& window, std::unique_ptr<MapRenderer> renderer)
    : m_options(options), m_window(&window), m_renderer(std::move(renderer)), m_audience_panel(load_presets()) {
    if (options.gaps) m_model.layers().set_visible("gaps", true);
    if (!options.compare.empty()) m_benchmark.preset(options.compare, options.against);
    if (options.open == "benchmark") m_tab_request = RightTab::benchmark;
    if (options.open == "gaps") m_tab_request = RightTab::gaps;
    if (options.open == "import") m_import.open(ImportKind::items);
    if (options.open == "export") m_export.open();
    if (options.open == "export-map") m_print.open();
    load_context_and_places();
    if (!options.state_file.empty()) m_state_file.emplace(options.state_file);
    if (options.demo)
        start_loading_demo();
    else if (!options.catalogue.empty())
        start_loading(options.catalogue);
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
            m_ui.set_status(credit.error().message, true);
        else if (!credit->empty())
            m_context_credit = join_credits(m_context_credit, *credit);
    }
    std::string places = m_options.places;
    if (m_options.demo && places.empty()) places = geo::data_dir() + "/demo/places.geojson";
    if (!places.empty()) {
        if (auto read = geo::read_places_file(places))
            m_model.set_places(std::move(*read));
        else
            m_ui.set_status(read.error().message, true);
    }
    for (const std::string& path : m_options.basemaps) {  // after the places: OSM place names join them
        auto credit = load_basemap(m_model, path, geo::default_basemap_cache_dir());
        if (credit)
            m_context_credit = join_credits(m_context_credit, *credit);
        else
            m_ui.set_status(credit.error().message, true);
    }
    m_ui.attribution = m_context_credit;
}

std::vector<geo::Audience> GuiShell::load_presets() {
    auto presets = geo::load_audience_presets();
    return presets ? std::move(*presets) : std::vector<geo::Audience>{};
}

void GuiShell::start_loading(const std::string& path) {
    m_ui.set_status(tr(Text::loading));
    // The start-up audience resolves with the catalogue, on the worker (it may
    // be an audience stored in the catalogue).
    const std::string audience = m_audience_applied ? std::string() : m_options.audience;
    m_load.start([path, audience](const geo::Progress&) { return load_catalogue_snapshot(path, audience); });
}

void GuiShell::start_loading_demo() {
    m_ui.set_status(tr(Text::loading));
    const std::string audience = m_audience_applied ? std::string() : m_options.audience;
    m_load.start([audience](const geo::Progress& progress) -> geo::Result<CatalogueSnapshot> {
        auto path = ensure_demo_catalogue(progress);
        if (!path) return tl::unexpected(path.error());
        return load_catalogue_snapshot(*path, audience);
    });
}

// Where imports go: the open catalogue, else the one named on the command line.
std::string GuiShell::import_catalogue() const {
    if (!m_model.catalogue_path().empty()) return m_model.catalogue_path();
    return m_options.catalogue.empty() ? "territoire.sqlite" : m_options.catalogue;
}

bool GuiShell::busy() const {
    return m_load.running() || !m_renderer->idle() || m_ui.flight.active() || m_audience.busy() || m_export.busy() ||
           m_print.busy() || m_import.busy() || m_gaps.busy() || m_benchmark.busy() || m_segments.busy() ||
           m_gaps_panel.busy();
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
    if ((*loaded)->audience && !m_audience_applied) {
        m_audience_applied = true;  // once: later reloads keep the user's sliders
        geo::Result<geo::Audience>& audience = *(*loaded)->audience;
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
}  // namespace app::gui
