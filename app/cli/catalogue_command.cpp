// territoire catalogue copy FROM TO: moves a catalogue between a SpatiaLite
// file and a PostGIS database, either way (geo/store/catalogue_copy.hpp).
#include <cstdio>
#include <memory>
#include <string>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "app/cli/cli_error.hpp"
#include "app/cli/commands.hpp"
#include "geo/store/catalogue_copy.hpp"

namespace app::cli {

namespace {

struct CopyOptions {
    std::string from;
    std::string to;
    bool json = false;
};

}  // namespace

void add_catalogue_command(CLI::App& app, CommonOptions& /*common*/, int& exit_code) {
    auto* cmd = app.add_subcommand("catalogue", "Manage whole catalogues (copy between SpatiaLite and PostGIS)");
    cmd->require_subcommand(1);
    auto opts = std::make_shared<CopyOptions>();
    auto* copy = cmd->add_subcommand(
        "copy",
        "Copy a catalogue into a new file or an empty database, losslessly: sources with their licences and "
        "import dates, items, territories, theme names, audiences and stored perimeters");
    copy->add_option("from", opts->from, "Source catalogue: a .sqlite file or postgresql://… / PG:… address")
        ->required();
    copy->add_option("to", opts->to, "Destination: a new .sqlite file or an empty database")->required();
    copy->add_flag("--json", opts->json, "Print the counts as JSON");
    copy->callback([opts, &exit_code] {
        auto report = geo::copy_catalogue(opts->from, opts->to);
        if (!report) {
            exit_code = cli_fail("catalogue copy", 1, report.error().message);
            return;
        }
        if (opts->json) {
            const nlohmann::json j = {{"from", opts->from},
                                      {"to", opts->to},
                                      {"sources", report->sources},
                                      {"items", report->items},
                                      {"territories", report->territories},
                                      {"theme_names", report->theme_names},
                                      {"audiences", report->audiences},
                                      {"perimeters", report->perimeters}};
            fmt::print("{}\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
        } else {
            fmt::print(
                "Copied {} → {}: {} sources, {} items, {} territories, {} theme names, {} audiences, {} "
                "perimeters\n",
                opts->from, opts->to, report->sources, report->items, report->territories, report->theme_names,
                report->audiences, report->perimeters);
        }
        exit_code = 0;
    });
}

}  // namespace app::cli
