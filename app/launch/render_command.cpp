// territoire render: the map as a PNG, without a window.
#include <cstdio>
#include <memory>

#include "app/launch/launch_commands.hpp"
#include "app/cli/output_options.hpp"
#include "app/cli/view_options.hpp"
#include "app/gui/headless_render.hpp"
#include "app/gui/i18n.hpp"

namespace app::cli {

void add_render_command(CLI::App& app, CommonOptions& common, int& exit_code) {
    auto* cmd = app.add_subcommand("render", "Render the map to a PNG file (no display needed)");
    auto options = std::make_shared<gui::RenderOptions>();
    auto bbox = std::make_shared<std::string>();
    auto size = std::make_shared<std::string>("1600x900");
    cmd->add_option("--catalogue", common.catalogue, "Catalogue file")->capture_default_str();
    cmd->add_option("--audience", options->audience, "Audience id or JSON file");
    cmd->add_option("--bbox", *bbox, "View W,S,E,N in degrees (default: fit the data)");
    cmd->add_option("--size", *size, "Image size WIDTHxHEIGHT")->capture_default_str();
    cmd->add_option("--context", options->context, "Vector files drawn as context layers (countries, rivers…)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--places", options->places,
                    "Place-name file: towns and villages labelled on the map")
        ->check(CLI::ExistingFile);
    cmd->add_option("-o,--output", options->output, "PNG file to write")->required();
    cmd->callback([&common, &exit_code, options, bbox, size] {
        if (!bbox->empty()) {
            auto box = parse_bbox(*bbox);
            if (!box) {
                std::fprintf(stderr, "territoire render: %s\n", box.error().message.c_str());
                exit_code = 2;
                return;
            }
            options->bbox = *box;
        }
        auto wh = parse_size(*size);
        if (!wh) {
            std::fprintf(stderr, "territoire render: %s\n", wh.error().message.c_str());
            exit_code = 2;
            return;
        }
        std::tie(options->width_px, options->height_px) = *wh;
        options->catalogue = common.catalogue;
        if (!output_is_safe("render", {"-o", options->output},
                            map_inputs(common.catalogue, options->audience, options->context,
                                       options->places))) {
            exit_code = 2;
            return;
        }
        gui::set_language(gui::language_from_environment());
        if (auto ok = gui::render_map_png(*options); !ok) {
            std::fprintf(stderr, "territoire render: %s\n", ok.error().message.c_str());
            exit_code = 1;
            return;
        }
        exit_code = 0;
    });
}

}  // namespace app::cli
