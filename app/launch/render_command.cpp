// territoire render: the map as a PNG (the screen's map, drawn with GL) or
// as a printed page (a PDF or a PNG at a paper size and resolution, with
// title, legend, scale bar, north arrow and sources, drawn with cairo).
#include <cstdio>
#include <filesystem>
#include <memory>

#include "app/cli/cli_error.hpp"
#include "app/cli/output_options.hpp"
#include "app/cli/view_options.hpp"
#include "app/gui/headless_render.hpp"
#include "app/gui/i18n.hpp"
#include "app/gui/render_scene.hpp"
#include "app/launch/launch_commands.hpp"
#include "app/print/print_map.hpp"
#include "geo/analysis/perimeter.hpp"
#include "geo/io/output_paths.hpp"

namespace app::cli {
namespace {

struct RenderArgs {
    gui::RenderOptions options;
    std::string bbox, size = "1600x900";
    bool pdf = false;
    std::string paper, orientation = "landscape", title, subtitle;
    double dpi = 0.0;  // 0: 150 on paper, 96 for a pixel size
    CLI::Option *size_opt = nullptr, *paper_opt = nullptr, *orientation_opt = nullptr, *dpi_opt = nullptr,
                *title_opt = nullptr, *subtitle_opt = nullptr;
    // A printed page is asked for by any of its options or a .pdf output.
    [[nodiscard]] bool print() const {
        return pdf || print::format_for(options.output, false) == print::PrintFormat::pdf || paper_opt->count() > 0 ||
               orientation_opt->count() > 0 || dpi_opt->count() > 0 || title_opt->count() > 0 ||
               subtitle_opt->count() > 0;
    }
};

// The page asked for; every error is a usage error (exit 2).
CliResult<print::PrintOptions> print_options(const RenderArgs& args) {
    print::PrintOptions out;
    const auto usage = [](std::string message) { return tl::unexpected(CliError{2, std::move(message)}); };
    if (args.pdf && print::format_for(args.options.output, false) != print::PrintFormat::pdf &&
        std::filesystem::path(args.options.output).extension() == ".png")
        return usage("--pdf writes a PDF: give -o " +
                     std::filesystem::path(args.options.output).replace_extension(".pdf").string());
    if (args.paper_opt->count() > 0 && args.size_opt->count() > 0)
        return usage("give a paper size (--paper) or a pixel size (--size), not both");
    if (args.size_opt->count() > 0) {
        auto wh = parse_size(args.size);
        if (!wh) return usage(wh.error().message);
        std::tie(out.page.width_px, out.page.height_px) = *wh;
        out.page.dpi = args.dpi_opt->count() > 0 ? args.dpi : 96.0;
    } else {
        auto paper = geo::parse_paper_size(args.paper.empty() ? "A4" : args.paper);
        if (!paper) return usage("--paper: " + paper.error().message);
        out.page.paper = *paper;
        out.page.dpi = args.dpi_opt->count() > 0 ? args.dpi : 150.0;
    }
    auto orientation = geo::parse_orientation(args.orientation);
    if (!orientation) return usage("--orientation: " + orientation.error().message);
    out.page.orientation = *orientation;
    out.format = print::format_for(args.options.output, args.pdf);
    out.page.raster = out.format == print::PrintFormat::png;
    if (auto page = geo::print_page(out.page); !page) return usage(page.error().message);
    out.title = args.title;
    out.subtitle = args.subtitle;
    out.bbox = args.options.bbox;
    out.output = args.options.output;
    return out;
}

CliResult<void> run_render(RenderArgs& args, const CommonOptions& common) {
    gui::RenderOptions& options = args.options;
    if (!args.bbox.empty()) {
        auto box = parse_bbox(args.bbox);
        if (!box) return tl::unexpected(CliError{2, box.error().message});
        options.bbox = *box;
    }
    if (options.gaps && options.audience.empty())
        return tl::unexpected(CliError{2, "--gaps needs an audience perimeter (--audience)"});
    options.catalogue = common.catalogue;
    std::vector<std::string> layers = options.context;  // an output never overwrites an input
    layers.insert(layers.end(), options.basemaps.begin(), options.basemaps.end());
    if (auto safe = geo::check_output_path({"-o", options.output},
                                           map_inputs(common.catalogue, options.audience, layers, options.places));
        !safe)
        return tl::unexpected(CliError{2, safe.error().message});
    gui::set_language(gui::language_from_environment());
    if (!args.print()) {
        auto wh = parse_size(args.size);
        if (!wh) return tl::unexpected(CliError{2, wh.error().message});
        std::tie(options.width_px, options.height_px) = *wh;
        if (auto ok = gui::render_map_png(options); !ok) return tl::unexpected(CliError{1, ok.error().message});
        return {};
    }
    auto print_opts = print_options(args);
    if (!print_opts) return tl::unexpected(print_opts.error());
    auto scene = gui::load_render_scene({options.catalogue,
                                         options.audience,
                                         options.context,
                                         options.gaps,
                                         options.level,
                                         options.nested,
                                         options.places,
                                         options.basemaps,
                                         {}});
    if (!scene) return tl::unexpected(CliError{1, scene.error().message});
    if (auto ok = print::write_print_map(*scene, *print_opts); !ok)
        return tl::unexpected(CliError{1, ok.error().message});
    return {};
}

}  // namespace

void add_render_command(CLI::App& app, CommonOptions& common, int& exit_code) {
    auto* cmd = app.add_subcommand(
        "render", "Render the map to a PNG, or as a printed page (PDF, or PNG at a paper size) with legend");
    auto args = std::make_shared<RenderArgs>();
    gui::RenderOptions& options = args->options;
    cmd->add_option("--catalogue", common.catalogue, "Catalogue file")->capture_default_str();
    cmd->add_option("--audience", options.audience, "Audience id or JSON file");
    cmd->add_option("--level", options.level, "Perimeter level: share of the weighted offer")
        ->check(CLI::Range(geo::kMinLevel, 1.0))
        ->capture_default_str();
    cmd->add_flag("--nested", options.nested, "Also the 50 % and 95 % levels around it");
    cmd->add_flag("--gaps", options.gaps, "Draw the offer gaps inside the audience perimeter");
    cmd->add_option("--bbox", args->bbox, "View W,S,E,N in degrees (default: fit the data)");
    args->size_opt = cmd->add_option("--size", args->size, "Image size WIDTHxHEIGHT")->capture_default_str();
    cmd->add_option("--context", options.context, "Vector files drawn as context layers (countries, rivers…)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--basemap", options.basemaps,
                    "Basemap drawn under everything (repeatable, bottom first): a raster (MBTiles, GeoTIFF, "
                    "GeoPackage tiles), an OpenStreetMap extract (.osm.pbf) or a vector file")
        ->check(CLI::ExistingFile);
    cmd->add_option("--places", options.places, "Place-name file: towns and villages labelled on the map")
        ->check(CLI::ExistingFile);
    cmd->add_option("-o,--output", options.output, "PNG or PDF file to write")->required();
    cmd->add_flag("--pdf", args->pdf, "Write a PDF page (also chosen by a .pdf output)");
    args->paper_opt = cmd->add_option("--paper", args->paper, "Paper size of the page: A4 or A3 (default A4)");
    args->orientation_opt =
        cmd->add_option("--orientation", args->orientation, "portrait or landscape (default landscape)");
    args->dpi_opt =
        cmd->add_option("--dpi", args->dpi, "Resolution of the page (default 150 on paper, 96 with --size)");
    args->title_opt = cmd->add_option("--title", args->title, "Title of the page");
    args->subtitle_opt = cmd->add_option("--subtitle", args->subtitle, "Subtitle (default: audience · level · date)");
    cmd->callback([&common, &exit_code, args] { exit_code = finish("render", run_render(*args, common)); });
}

}  // namespace app::cli
