// territoire validate FILE: checks a GeoJSON file against RFC 7946 (no crs,
// WGS 84 ranges, ≤ 7 decimals, closed rings, counter-clockwise outer rings,
// clockwise holes, bbox) with geo::check_rfc7946.
// Exit codes: 0 conforms, 1 violations (listed on stderr), 2 no such file
// (or not a regular file).
#include <cstdio>
#include <filesystem>

#include <fmt/core.h>

#include "app/cli/cli_error.hpp"
#include "app/cli/commands.hpp"
#include "geo/io/rfc7946_check.hpp"

namespace app::cli {

void add_validate_command(CLI::App& app, CommonOptions& /*common*/, int& exit_code) {
    auto* cmd = app.add_subcommand("validate", "Check that a GeoJSON file conforms to RFC 7946");
    auto file = std::make_shared<std::string>();
    auto require_bbox = std::make_shared<bool>(false);
    cmd->add_option("FILE", *file, "GeoJSON file")->required();
    cmd->add_flag("--require-bbox", *require_bbox, "Also report a FeatureCollection without bbox");
    cmd->callback([&exit_code, file, require_bbox] {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(*file, ec)) {
            exit_code = cli_fail(
                "validate", 2,
                fmt::format("{}: {}", *file,
                            std::filesystem::exists(*file, ec) ? "not a regular file (a pipe, a device or a folder)"
                                                               : "no such file"));
            return;
        }
        const auto violations = geo::check_rfc7946(*file, {.require_bbox = *require_bbox});
        for (const auto& v : violations) fmt::print(stderr, "{}\n", v);
        if (violations.empty()) fmt::print("{}: conforms to RFC 7946\n", *file);
        exit_code = violations.empty() ? 0 : 1;
    });
}

}  // namespace app::cli
