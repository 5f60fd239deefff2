// territoire gui: the interactive map. With --frames / --bench-frames it
// runs headless (under xvfb-run) for tests and benchmarks.
#include <cstdio>
#include <filesystem>
#include <memory>

#include "app/cli/output_options.hpp"
#include "app/cli/view_options.hpp"
#include "app/gui/gui_app.hpp"
#include "app/gui/i18n.hpp"
#include "app/launch/launch_commands.hpp"
#include "geo/io/project_file.hpp"
#include "geo/io/recent_projects.hpp"

namespace app::cli {
namespace {

std::vector<std::string> layer_inputs(const gui::GuiOptions& options) {
    std::vector<std::string> out = options.context;
    out.insert(out.end(), options.basemaps.begin(), options.basemaps.end());
    return out;
}

// The project opened last, if its file is still there.
std::string last_project() {
    const std::vector<std::string> recent = geo::read_recent_projects();
    std::error_code ec;
    if (recent.empty() || !std::filesystem::is_regular_file(recent.front(), ec)) return {};
    return recent.front();
}

}  // namespace

void add_gui_command(CLI::App& app, CommonOptions& common, int& exit_code) {
    auto* cmd = app.add_subcommand("gui", "Open the interactive map");
    auto options = std::make_shared<gui::GuiOptions>();
    auto bbox = std::make_shared<std::string>();
    auto size = std::make_shared<std::string>("1600x900");
    auto* catalogue_option = cmd->add_option(
        "--catalogue", common.catalogue, "Catalogue file (default: ./territoire.sqlite if it exists, else the demo)");
    cmd->add_option("--audience", options->audience, "Audience id or JSON file");
    cmd->add_option("--bbox", *bbox, "Initial view W,S,E,N in degrees (default: fit the data)");
    cmd->add_option("--size", *size, "Window size WIDTHxHEIGHT")->capture_default_str();
    cmd->add_option("--screenshot", options->screenshot, "Write the window as PNG before exiting");
    cmd->add_option("--frames", options->frames, "Render N frames once loaded, then exit")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--bench-frames", options->bench_frames,
                    "Render N frames (one-pixel pan each) and print the frame-time median and p95")
        ->check(CLI::NonNegativeNumber);
    cmd->add_flag("--gaps", options->gaps, "Show the Gaps layer (offer gaps inside the audience perimeter)");
    cmd->add_option("--compare", options->compare,
                    "Benchmark panel: our territory (LEVEL:CODE, a name, producer:NAME…), as territoire compare");
    cmd->add_option("--against", options->against, "Benchmark panel: competitors, comma-separated")->delimiter(',');
    cmd->add_option("--context", options->context, "Vector files shown as context layers (countries, rivers…)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--basemap", options->basemaps,
                    "Basemap under the map (repeatable, bottom first): a raster (MBTiles, GeoTIFF, GeoPackage "
                    "tiles), an OpenStreetMap extract (.osm.pbf) or a vector file")
        ->check(CLI::ExistingFile);
    cmd->add_option("--places", options->places,
                    "Place-name file: towns and villages labelled on the map (default with the demo: "
                    "data/demo/places.geojson)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--open", options->open, "Panel or dialog shown first")
        ->check(CLI::IsMember({"catalogue", "benchmark", "gaps", "actors", "import", "export", "export-map", "report",
                               "shortcuts", "database"}));
    auto* project_option =
        cmd->add_option("--project", options->project,
                        "Project file to open (catalogue, audience and weights, layers, view, language, panels); "
                        "without --catalogue or --project the last project reopens")
            ->excludes(catalogue_option);
    cmd->add_option("--state-file", options->state_file,
                    "Test hook: write the interface state (camera, open popups, on-map buttons) as JSON "
                    "to this file whenever it changes");
    cmd->callback([&common, &exit_code, options, bbox, size, catalogue_option, project_option] {
        if (!bbox->empty()) {
            auto box = parse_bbox(*bbox);
            if (!box) {
                std::fprintf(stderr, "territoire gui: %s\n", box.error().message.c_str());
                exit_code = 2;
                return;
            }
            options->bbox = *box;
        }
        auto wh = parse_size(*size);
        if (!wh) {
            std::fprintf(stderr, "territoire gui: %s\n", wh.error().message.c_str());
            exit_code = 2;
            return;
        }
        std::tie(options->width_px, options->height_px) = *wh;
        if (!options->screenshot.empty() && options->frames == 0 && options->bench_frames == 0) options->frames = 2;
        options->catalogue = common.catalogue;
        if (!output_is_safe("gui", {"--screenshot", options->screenshot},
                            map_inputs(common.catalogue, options->audience, layer_inputs(*options), options->places))) {
            exit_code = 2;
            return;
        }
        if (project_option->count() > 0) {  // a project that cannot be read: say so before any window
            if (auto project = geo::read_project(options->project); !project) {
                std::fprintf(stderr, "territoire gui: %s\n", project.error().message.c_str());
                exit_code = 1;
                return;
            }
        }
        std::error_code ec;
        if (catalogue_option->count() == 0 && project_option->count() == 0) {
            if (!std::filesystem::exists(common.catalogue, ec)) {
                options->demo = true;
                options->catalogue.clear();
            }
            options->project = last_project();  // when unreadable: a message, and the catalogue above
        }
        gui::set_language(gui::language_from_environment());
        exit_code = gui::run_gui(*options);
    });
}

int run_default_gui() {
    gui::set_language(gui::language_from_environment());
    gui::GuiOptions options;
    options.demo = true;
    options.audience = "patrimoine";
    options.project = last_project();
    return gui::run_gui(options);
}

}  // namespace app::cli
