#pragma once
// What the analysis subcommands (compare, gaps) share: the --catalogue and
// --audience options and opening those inputs (their provenance block is
// geo/io/provenance.hpp).
// Threads: on the command's (main) thread; AnalysisInputs owns its Catalogue
// (read-only connection, one thread at a time). Nothing is thrown.
#include <string>

#include <CLI/CLI.hpp>
#include <tl/expected.hpp>

#include "app/cli/cli_error.hpp"
#include "app/cli/commands.hpp"

#include "geo/analysis/audience.hpp"
#include "geo/store/catalogue.hpp"

namespace app::cli {

// --catalogue (into common.catalogue) and --audience (required).
void add_analysis_options(CLI::App& cmd, CommonOptions& common, std::string& audience);

struct AnalysisInputs {
    geo::Catalogue catalogue;
    geo::Audience audience;
};

// Opens the catalogue read-only and resolves the audience (preset, file or
// saved in the catalogue). Failures (cli_error.hpp): exit code 1 for the
// catalogue, 2 for the audience (whatever the audience error: an unreadable
// file too; perimeter_support's resolve_audience() gives 1).
CliResult<AnalysisInputs> open_analysis_inputs(const CommonOptions& common, const std::string& audience);

}  // namespace app::cli
