// territoire actors: the actors to federate inside an audience's destination
// perimeter (geo::compute_actors): the territories it spans (every territory
// of the catalogue: communes, EPCI, départements, reference areas), the
// producers of the records and the labelled operators per family and label.
// Prints a summary; -o writes the CSV for a mailing merge
// (geo/io/actors_export.hpp).
// Exit codes: 0 done, 1 catalogue, analysis or write error, 2 bad arguments.
#include <fmt/core.h>

#include "app/cli/cli_error.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/output_options.hpp"
#include "app/cli/perimeter_support.hpp"
#include "geo/analysis/actors.hpp"
#include "geo/analysis/audience_perimeter.hpp"
#include "geo/io/actors_export.hpp"

namespace app::cli {
namespace {

struct ActorsArgs {
    std::string audience;
    double level = 0.8;
    std::string output;
    geo::CsvOptions csv;
};

int run_actors(const CommonOptions& common, const ActorsArgs& args) {
    const char* cmd = "actors";
    if (!args.output.empty()) {
        if (geo::lower_extension(args.output) != ".csv")
            return cli_fail(cmd, 2, fmt::format("-o {}: expected OUT.csv", args.output));
        if (!output_is_safe(cmd, {"-o", args.output},
                            {{"--catalogue", common.catalogue}, {"--audience", args.audience}}))
            return 2;
    }
    if (!(args.level >= geo::kMinLevel && args.level <= 1.0))
        return cli_fail(cmd, 2, fmt::format("--level {}: expected a share in [0.01, 1]", args.level));
    auto catalogue = open_catalogue(common.catalogue, geo::Catalogue::Mode::read_only);
    if (!catalogue) return cli_fail(cmd, catalogue.error().exit_code, catalogue.error().message);
    auto audience = resolve_audience(args.audience, *catalogue);
    if (!audience) return cli_fail(cmd, audience.error().exit_code, audience.error().message);
    auto items = catalogue_items(*catalogue);
    if (!items) return cli_fail(cmd, items.error().exit_code, items.error().message);
    auto territories = catalogue->territories();
    if (!territories) return cli_fail(cmd, 1, territories.error().message);

    auto shared = std::make_shared<const std::vector<geo::OfferItem>>(std::move(*items));
    auto use_case = geo::AudiencePerimeter::create(
        shared, std::make_shared<const std::vector<geo::Territory>>(std::move(*territories)));
    if (!use_case) return cli_fail(cmd, 1, use_case.error().message);
    geo::PerimeterParams params;
    params.levels = {args.level};
    auto run = use_case->run(*audience, params);
    if (!run) return cli_fail(cmd, 1, run.error().message);
    auto actors = geo::compute_actors(*run, *shared);
    if (!actors) return cli_fail(cmd, 1, actors.error().message);

    fmt::print("{} / {}\n{}", audience->name_fr, audience->name_en, geo::actors_text(*actors, *shared));
    if (args.output.empty()) return 0;
    auto written = geo::write_actors(args.output, *actors, *shared, args.csv);
    if (!written) return cli_fail(cmd, 1, written.error().message);
    fmt::print("Wrote {} rows to {}\n", *written, args.output);
    return 0;
}

}  // namespace

void add_actors_command(CLI::App& app, CommonOptions& common, int& exit_code) {
    auto* cmd = app.add_subcommand("actors",
                                   "The actors to federate inside an audience's destination: territories, "
                                   "producers, labelled operators (CSV for a mailing merge)");
    auto args = std::make_shared<ActorsArgs>();
    cmd->add_option("--catalogue", common.catalogue, "Catalogue file")->capture_default_str();
    cmd->add_option("--audience", args->audience, "Audience: preset id or name, JSON file, or saved id")->required();
    cmd->add_option("--level", args->level, "Perimeter level (share of the weighted offer, 0-1)")
        ->capture_default_str();
    cmd->add_option("-o,--output", args->output, "OUT.csv (a summary on stdout otherwise)");
    add_csv_options(*cmd, args->csv);
    cmd->callback([&common, &exit_code, args] { exit_code = run_actors(common, *args); });
}

}  // namespace app::cli
