#pragma once
// What the analysis subcommands (compare, gaps) share: the --catalogue and
// --audience options, opening those inputs, and the provenance block they
// write into their files.
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "app/cli/cli_error.hpp"
#include "app/cli/commands.hpp"

#include "geo/analysis/audience.hpp"
#include "geo/core/offer.hpp"
#include "geo/io/output_paths.hpp"
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
// catalogue, 2 for the audience.
CliResult<AnalysisInputs> open_analysis_inputs(const CommonOptions& common, const std::string& audience);

// Provenance: generator, date (UTC), catalogue, audience (id, names, family
// weights, season), parameters, and the sources of `items` with their
// licences and attributions. The catalogue path as `paths` says (base name
// by default, geo::provenance_path).
nlohmann::json analysis_provenance(std::string_view generator, const geo::Catalogue& catalogue,
                                   const geo::Audience& audience, nlohmann::json parameters,
                                   const std::vector<geo::OfferItem>& items,
                                   geo::ProvenancePaths paths = geo::ProvenancePaths::name);

}  // namespace app::cli
