// territoire compare: our territory against competitors, family by family
// (geo::compute_benchmark), written as GeoJSON (territories with their
// indicators), CSV (territory × family) or JSON (everything, sentences
// included); the strengths, weaknesses and competitive gaps are printed in
// French and English.
// Territories: LEVEL:CODE, a name, producer:NAME, source:KEY or
// offer:LEVEL:CODE (geo/store/territory_spec.hpp); --against takes a
// comma-separated list.
// Exit codes: 0 written, 1 catalogue, analysis or write error, 2 bad arguments.
#include <fmt/core.h>

#include "app/cli/analysis_support.hpp"
#include "app/cli/cli_error.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/output_options.hpp"
#include "geo/analysis/benchmark.hpp"
#include "geo/analysis/perimeter.hpp"
#include "geo/io/benchmark_export.hpp"
#include "geo/io/provenance.hpp"
#include "geo/store/catalogue.hpp"
#include "geo/store/territory_spec.hpp"

namespace app::cli {
namespace {

struct CompareArgs {
    std::string audience;
    std::string territory;
    std::vector<std::string> against;
    double level = 0.8;
    int max_statements = 3;
    std::string output;
    geo::CsvOptions csv;
    geo::ProvenancePaths provenance_paths = geo::ProvenancePaths::name;
};

void print_statements(const char* title, const std::vector<geo::BenchmarkStatement>& list) {
    fmt::print("{}\n", title);
    if (list.empty()) fmt::print("  —\n");
    for (const geo::BenchmarkStatement& s : list) fmt::print("  {}  |  {}\n", s.text_fr, s.text_en);
}

std::string euros(const std::optional<double>& v) {
    return v ? fmt::format("{:.2f} €", *v) : "—";
}

// Median prices per family: ours, the competitors' mean of medians, the ratio.
void print_prices(const geo::BenchmarkResult& r) {
    fmt::print("Prix médians / Median prices (ours | competitors' mean of medians):\n");
    const geo::TerritoryIndicators& ours = r.territories.front();
    for (const geo::FamilyComparison& c : r.families) {
        const geo::FamilyIndicators& f = ours.families[static_cast<std::size_t>(c.family)];
        if (!f.median_price_eur && !c.competitors_median_price_eur) continue;
        fmt::print("  {} / {}: {} ({} priced) | {}{}\n", geo::family_name_fr(c.family), geo::family_name_en(c.family),
                   euros(f.median_price_eur), f.priced_count, euros(c.competitors_median_price_eur),
                   c.price_ratio ? fmt::format("  × {:.2f}", *c.price_ratio) : "");
    }
}

int run_compare(const CommonOptions& common, const CompareArgs& args) {
    const std::string ext = geo::lower_extension(args.output);
    if (ext != ".csv" && ext != ".json" && ext != ".geojson")
        return cli_fail("compare", 2, fmt::format("-o {}: expected OUT.csv, OUT.json or OUT.geojson", args.output));
    if (!(args.level >= geo::kMinLevel && args.level <= 1.0))
        return cli_fail("compare", 2, fmt::format("--level {}: expected a share in [0.01, 1]", args.level));
    if (args.against.empty()) return cli_fail("compare", 2, "--against: give at least one competitor");
    if (!output_is_safe("compare", {"-o", args.output},
                        {{"--catalogue", common.catalogue}, {"--audience", args.audience}}))
        return 2;

    auto inputs = open_analysis_inputs(common, args.audience);
    if (!inputs) return cli_fail("compare", inputs.error().exit_code, inputs.error().message);
    const geo::Catalogue* catalogue = &inputs->catalogue;
    const geo::Audience* audience = &inputs->audience;

    auto ours = geo::resolve_territory(*catalogue, args.territory, *audience, args.level);
    if (!ours) return cli_fail("compare", 2, "--territory: " + ours.error().message);
    std::vector<geo::Territory> competitors;
    for (const std::string& spec : args.against) {
        auto t = geo::resolve_territory(*catalogue, spec, *audience, args.level);
        if (!t) return cli_fail("compare", 2, "--against: " + t.error().message);
        competitors.push_back(std::move(*t));
    }

    geo::LonLatBox box = ours->geometry.bounds();
    for (const geo::Territory& t : competitors) box.extend(t.geometry.bounds());
    geo::ItemFilter filter;
    filter.bbox = box;
    auto items = catalogue->items(filter);
    if (!items) return cli_fail("compare", 1, items.error().message);

    geo::BenchmarkParams params;
    params.max_statements = args.max_statements;
    auto result = geo::compute_benchmark(*ours, competitors, *items, *audience, params);
    if (!result) return cli_fail("compare", 1, result.error().message);

    nlohmann::json parameters = {{"territory", args.territory},
                                 {"against", args.against},
                                 {"perimeter_level", args.level},
                                 {"metric_crs", result->metric_crs},
                                 {"strength_ratio", params.strength_ratio},
                                 {"weakness_ratio", params.weakness_ratio},
                                 {"max_statements", params.max_statements}};
    const auto provenance = geo::analysis_provenance("compare", *catalogue, *audience, parameters, *items,
                                                     geo::item_weights(*audience, *items), args.provenance_paths);
    auto written = geo::write_benchmark(args.output, *result, provenance, args.csv);
    if (!written) return cli_fail("compare", 1, written.error().message);

    fmt::print("{} ({}) — {} / {}\n", ours->name, args.territory, audience->name_fr, audience->name_en);
    print_statements("Forces / Strengths:", result->strengths);
    print_statements("Faiblesses / Weaknesses:", result->weaknesses);
    print_statements("Écarts concurrentiels / Competitive gaps:", result->competitive_gaps);
    print_prices(*result);
    fmt::print(
        "Wrote {} to {}\n",
        ext == ".json" ? "the benchmark" : fmt::format("{} {}", *written, ext == ".csv" ? "rows" : "territories"),
        args.output);
    return 0;
}

}  // namespace

void add_compare_command(CLI::App& app, CommonOptions& common, int& exit_code) {
    auto* cmd = app.add_subcommand("compare",
                                   "Benchmark a territory against competitors, family by family (strengths, "
                                   "weaknesses, competitive gaps)");
    auto args = std::make_shared<CompareArgs>();
    add_analysis_options(*cmd, common, args->audience);
    cmd->add_option("--territory", args->territory,
                    "Our territory: LEVEL:CODE (departement:37), a name, producer:NAME, "
                    "source:KEY or offer:LEVEL:CODE")
        ->required();
    cmd->add_option("--against", args->against, "Competitors, comma-separated, same forms")->required()->delimiter(',');
    cmd->add_option("--level", args->level,
                    "Perimeter level for destinations drawn from an offer (share of the weighted "
                    "offer, 0-1)")
        ->capture_default_str();
    cmd->add_option("--statements", args->max_statements, "At most this many strengths and weaknesses")
        ->capture_default_str();
    cmd->add_option("-o,--output", args->output, "OUT.geojson | OUT.csv | OUT.json")->required();
    add_csv_options(*cmd, args->csv);
    add_provenance_paths_option(*cmd, args->provenance_paths);
    cmd->callback([&common, &exit_code, args] { exit_code = run_compare(common, *args); });
}

}  // namespace app::cli
