// territoire check: is the catalogue file sound? SQLite's integrity check,
// SpatiaLite's spatial index consistency, row counts. Exit 0 when sound, 1
// when damaged or unreadable. Rolls back a journal left by an interrupted
// write (the only write it may do, SQLite's own recovery).
#include <memory>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "app/cli/cli_error.hpp"
#include "app/cli/commands.hpp"
#include "geo/store/catalogue.hpp"

namespace app::cli {

void add_check_command(CLI::App& app, CommonOptions& common, int& exit_code) {
    auto* cmd = app.add_subcommand("check", "Check the catalogue file: integrity, spatial indexes, counts");
    auto json = std::make_shared<bool>(false);
    cmd->add_option("--catalogue", common.catalogue, "Catalogue file")->capture_default_str();
    cmd->add_flag("--json", *json, "Print JSON instead of text");
    cmd->callback([&common, &exit_code, json] {
        auto catalogue = geo::Catalogue::open(common.catalogue, geo::Catalogue::Mode::read_only);
        if (!catalogue) {
            exit_code = cli_fail("check", 1, catalogue.error().message);
            return;
        }
        auto report = catalogue->check();
        if (!report) {
            exit_code = cli_fail("check", 1, report.error().message);
            return;
        }
        if (*json) {
            const nlohmann::json j = {{"catalogue", common.catalogue},      {"ok", report->ok()},
                                      {"problems", report->problems},       {"items", report->items},
                                      {"territories", report->territories}, {"perimeters", report->perimeters},
                                      {"sources", report->sources}};
            fmt::print("{}\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
        } else {
            fmt::print("{}: {}\n", common.catalogue, report->ok() ? "sound" : "DAMAGED");
            fmt::print("  {} offer items, {} territories, {} perimeters, {} sources\n", report->items,
                       report->territories, report->perimeters, report->sources);
            for (const auto& p : report->problems) fmt::print("  problem: {}\n", p);
        }
        exit_code = report->ok() ? 0 : 1;
    });
}

}  // namespace app::cli
