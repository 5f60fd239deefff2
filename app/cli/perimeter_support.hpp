#pragma once
// Shared by `territoire perimeter` and `territoire perimeter-compare`: the
// perimeter parameter options, opening the catalogue, loading the offer and
// resolving the audience it is weighed for (the provenance written with every
// result is geo/io/provenance.hpp).
// Failures: CliError (cli_error.hpp) with the exit code to use:
//   2 from perimeter_params() (a bad --levels, --bandwidth or --kernel value,
//   quoted), 1 from open_catalogue(), catalogue_items() (an empty catalogue:
//   "PATH: the catalogue holds no offer item; import some first") and
//   resolve_audience() (geo's message). Nothing is thrown (std::stod's
//   exceptions are caught).
// Threads: on the command's (main) thread. The Catalogue returned belongs to
//   the caller and, like every Catalogue, is used by one thread at a time.
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "app/cli/cli_error.hpp"
#include "geo/analysis/audience.hpp"
#include "geo/analysis/perimeter.hpp"
#include "geo/core/offer.hpp"
#include "geo/io/project_file.hpp"
#include "geo/store/catalogue.hpp"

namespace app::cli {

// The options both commands share; filled by CLI11.
struct PerimeterOptions {
    std::vector<std::string> audiences;
    double level = 0.8;
    std::string levels;  // "0.5,0.8,0.95"
    double bandwidth_m = 0.0;
    std::string bandwidth;  // plugin | scott | adaptive | METRES
    double cell_m = 0.0;
    double min_area_km2 = geo::PerimeterParams{}.min_area_km2;
    std::string kernel = "quartic";
    bool json = false;
    CLI::Option* level_opt = nullptr;
    CLI::Option* levels_opt = nullptr;
    CLI::Option* bandwidth_opt = nullptr;
    CLI::Option* bandwidth_choice_opt = nullptr;
    CLI::Option* cell_opt = nullptr;
};

// Declares --level [--levels], --bandwidth-m, --cell-m, --min-area-km2,
// --kernel and --json on `cmd`.
void add_perimeter_options(CLI::App* cmd, PerimeterOptions& options, bool several_levels);

// The PerimeterParams the options ask for; a bad --levels list is a usage error.
CliResult<geo::PerimeterParams> perimeter_params(const PerimeterOptions& options);

// The catalogue's offer items weighed for one audience.
struct WeighedOffer {
    geo::Audience audience;
    std::vector<double> weights;  // one per item
};

// Opens an existing catalogue (read-only or read-write) and reads its items;
// fails when the file is missing or holds no offer item.
CliResult<geo::Catalogue> open_catalogue(const std::string& path, geo::Catalogue::Mode mode);
CliResult<std::vector<geo::OfferItem>> catalogue_items(const geo::Catalogue& catalogue);
// Resolves the audience (preset id or name, JSON file, or saved in the
// catalogue).
CliResult<geo::Audience> resolve_audience(const std::string& audience, const geo::Catalogue& catalogue);

// --project FILE: the project read (exit 1 when it is not one, or is newer).
CliResult<geo::Project> read_project_option(const std::string& path);
// The project's audience with its weights applied on its preset (exit 1).
CliResult<geo::Audience> project_audience(const geo::ProjectAudience& spec, const geo::Catalogue& catalogue);
// The project's level(s) and bandwidth where the command line names none.
void apply_project_params(const geo::ProjectAudience& spec, const PerimeterOptions& options,
                          geo::PerimeterParams& params);

// "plug-in (Wand & Jones), diagonal 6,650 × 5,755 m" and the like: how the
// bandwidth was chosen, for stdout.
std::string bandwidth_description(const geo::BandwidthSelection& selection);

}  // namespace app::cli
