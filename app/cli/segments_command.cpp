// territoire segments: every audience (presets and those saved in the
// catalogue) scored for our territory against competitors and ranked
// (geo::compute_segments), with the reasons in French and English. Prints a
// text table; -o writes CSV (one row per audience) or JSON (everything).
// Territories: the forms of territoire compare (geo/store/territory_spec.hpp);
// a destination drawn from the offer (producer:, source:, offer:) is drawn for
// the first audience in priority order.
// Gap defaults (cell size, acceptable distances): data/gap_defaults.json.
// Exit codes: 0 done, 1 catalogue, analysis or write error, 2 bad arguments.
#include <optional>

#include <fmt/core.h>

#include "app/cli/cli_error.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/output_options.hpp"
#include "app/cli/perimeter_support.hpp"
#include "geo/analysis/perimeter.hpp"
#include "geo/analysis/segments.hpp"
#include "geo/io/perimeter_json.hpp"
#include "geo/io/provenance.hpp"
#include "geo/io/segments_export.hpp"
#include "geo/store/territory_spec.hpp"

namespace app::cli {
namespace {

struct SegmentsArgs {
    std::string territory;
    std::vector<std::string> against;
    std::optional<double> level;
    std::string output;
    geo::CsvOptions csv;
    geo::ProvenancePaths provenance_paths = geo::ProvenancePaths::name;
};

int run_segments(const CommonOptions& common, const SegmentsArgs& args) {
    const char* cmd = "segments";
    if (!args.output.empty()) {
        const std::string ext = geo::lower_extension(args.output);
        if (ext != ".csv" && ext != ".json")
            return cli_fail(cmd, 2, fmt::format("-o {}: expected OUT.csv or OUT.json", args.output));
        if (!output_is_safe(cmd, {"-o", args.output}, {{"--catalogue", common.catalogue}})) return 2;
    }
    if (args.against.empty()) return cli_fail(cmd, 2, "--against: give at least one competitor");
    auto defaults = geo::segment_defaults();
    if (!defaults) return cli_fail(cmd, 1, defaults.error().message);
    geo::SegmentParams params = *defaults;
    params.level = args.level.value_or(defaults->level);
    if (!(params.level >= geo::kMinLevel && params.level <= 1.0))
        return cli_fail(cmd, 2, fmt::format("--level {}: expected a share in [0.01, 1]", params.level));

    auto catalogue = open_catalogue(common.catalogue, geo::Catalogue::Mode::read_only);
    if (!catalogue) return cli_fail(cmd, catalogue.error().exit_code, catalogue.error().message);
    auto audiences = geo::all_audiences(*catalogue);
    if (!audiences) return cli_fail(cmd, 1, audiences.error().message);
    const geo::Audience& first = audiences->front().audience;
    auto ours = geo::resolve_territory(*catalogue, args.territory, first, params.level);
    if (!ours) return cli_fail(cmd, 2, "--territory: " + ours.error().message);
    std::vector<geo::Territory> competitors;
    for (const std::string& spec : args.against) {
        auto t = geo::resolve_territory(*catalogue, spec, first, params.level);
        if (!t) return cli_fail(cmd, 2, "--against: " + t.error().message);
        competitors.push_back(std::move(*t));
    }
    auto items = catalogue_items(*catalogue);
    if (!items) return cli_fail(cmd, items.error().exit_code, items.error().message);
    auto use_case =
        geo::AudiencePerimeter::create(std::make_shared<const std::vector<geo::OfferItem>>(std::move(*items)), nullptr);
    if (!use_case) return cli_fail(cmd, 1, use_case.error().message);
    auto result = geo::compute_segments(*use_case, *ours, competitors, *audiences, params);
    if (!result) return cli_fail(cmd, 1, result.error().message);

    fmt::print("{} ({}) — {} segments\n{}", ours->name, args.territory, result->segments.size(),
               geo::segments_text_table(*result));
    if (args.output.empty()) return 0;
    nlohmann::json audiences_json = nlohmann::json::array();
    for (const geo::SegmentAudience& a : *audiences)
        audiences_json.push_back(geo::audience_provenance_json(a.audience));
    nlohmann::json provenance =
        geo::base_provenance(cmd, *catalogue, geo::used_sources(use_case->items()), args.provenance_paths);
    provenance["audiences"] = audiences_json;
    provenance["parameters"] = {{"territory", args.territory},
                                {"against", args.against},
                                {"perimeter_level", params.level},
                                {"gap_cell_m", params.gaps.cell_m},
                                {"season_open_share", params.season_open_share},
                                {"metric_crs", result->metric_crs},
                                {"score",
                                 "fit_index x (1 - gap_share) x (0.5 + 0.5 share_inside) x (0.5 + 0.5 label_share) "
                                 "x (0.5 + 0.5 months_covered / season_months)"}};
    auto written = geo::write_segments(args.output, *result, provenance, args.csv);
    if (!written) return cli_fail(cmd, 1, written.error().message);
    fmt::print("Wrote {} to {}\n",
               geo::lower_extension(args.output) == ".json" ? "the segments" : fmt::format("{} rows", *written),
               args.output);
    return 0;
}

}  // namespace

void add_segments_command(CLI::App& app, CommonOptions& common, int& exit_code) {
    auto* cmd = app.add_subcommand("segments",
                                   "Rank every audience for our territory against competitors (target segments, "
                                   "with reasons)");
    auto args = std::make_shared<SegmentsArgs>();
    cmd->add_option("--catalogue", common.catalogue, "Catalogue file")->capture_default_str();
    cmd->add_option("--territory", args->territory,
                    "Our territory: LEVEL:CODE (departement:37), a name, producer:NAME, source:KEY or "
                    "offer:LEVEL:CODE")
        ->required();
    cmd->add_option("--against", args->against, "Competitors, comma-separated, same forms")->required()->delimiter(',');
    cmd->add_option("--level", args->level,
                    "Perimeter level (share of the weighted offer, 0-1; default: gap defaults)");
    cmd->add_option("-o,--output", args->output, "OUT.csv | OUT.json (a text table on stdout otherwise)");
    add_csv_options(*cmd, args->csv);
    add_provenance_paths_option(*cmd, args->provenance_paths);
    cmd->callback([&common, &exit_code, args] { exit_code = run_segments(common, *args); });
}

}  // namespace app::cli
