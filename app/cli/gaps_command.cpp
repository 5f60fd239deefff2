// territoire gaps: offer gaps inside the destination perimeter of an audience
// (geo::compute_gaps). The perimeter is geo::compute_perimeter (default
// parameters, --level) over all catalogue items weighted by the audience; the
// communes of the catalogue, when loaded, name the zones. Writes the zones
// and cells as RFC 7946 GeoJSON (plus the perimeter as a "perimeter" feature)
// and optionally the ranked zones as CSV; prints the worst zones.
// Defaults (cell size, level, acceptable distances): data/gap_defaults.json.
// Exit codes: 0 written, 1 catalogue, analysis or write error, 2 bad arguments.
#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/core.h>

#include "app/cli/analysis_support.hpp"
#include "app/cli/cli_error.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/output_options.hpp"
#include "geo/analysis/audience_perimeter.hpp"
#include "geo/analysis/benchmark.hpp"
#include "geo/analysis/gaps.hpp"
#include "geo/analysis/perimeter.hpp"
#include "geo/io/gap_defaults.hpp"
#include "geo/io/gaps_export.hpp"
#include "geo/io/provenance.hpp"
#include "geo/store/catalogue.hpp"

namespace app::cli {
namespace {

struct GapsArgs {
    std::string audience;
    std::optional<double> level;
    std::optional<double> cell_m;
    double min_score = 0.0;
    bool no_cells = false;
    std::string output;
    std::string zones_csv;
    geo::CsvOptions csv;
    geo::ProvenancePaths provenance_paths = geo::ProvenancePaths::name;
    int show = 5;
};

bool has_extension(const std::string& path, std::initializer_list<const char*> wanted) {
    const std::string ext = geo::lower_extension(path);
    return std::any_of(wanted.begin(), wanted.end(), [&](const char* w) { return ext == w; });
}

nlohmann::json parameters_json(const geo::GapParams& params, double level, const geo::PerimeterResult& perimeter,
                               const geo::GapResult& gaps) {
    nlohmann::json acceptable = nlohmann::json::object();
    for (geo::Family f : geo::kAllFamilies)
        acceptable[geo::family_id(f)] = params.acceptable_m[static_cast<std::size_t>(f)];
    return {{"level", level},
            {"cell_m", params.cell_m},
            {"acceptable_distance_m", acceptable},
            {"min_score", params.min_score},
            {"score", "weight x min(1, (d - d_ok) / d_ok) for d > d_ok, else 0"},
            {"metric_crs", gaps.metric_crs},
            {"reach_m", gaps.reach_m},
            {"items_used", gaps.items_used},
            {"perimeter_area_km2", perimeter.levels.front().area_km2},
            {"perimeter_bandwidth_m", perimeter.bandwidth_m},
            {"perimeter_bandwidth_selector", geo::bandwidth_selector_id(perimeter.bandwidth.selector)},
            {"perimeter_bandwidth_rule", geo::bandwidth_selector_id(perimeter.bandwidth.rule)},
            {"cells", gaps.cells.size()},
            {"zones", gaps.zones.size()}};
}

void print_zones(const geo::GapResult& gaps, int show) {
    fmt::print("{} cells, {} gap zones (ranked by score × area)\n", gaps.cells.size(), gaps.zones.size());
    for (std::size_t z = 0; z < gaps.zones.size() && z < static_cast<std::size_t>(std::max(0, show)); ++z) {
        const geo::GapZone& g = gaps.zones[z];
        const std::string where = g.commune_name.empty() ? "?"
                                  : g.commune_count > 1
                                      ? fmt::format("{} (+{} communes)", g.commune_name, g.commune_count - 1)
                                      : g.commune_name;
        fmt::print("  {}. {} / {} — {}: {} km², score {}, {} m to the nearest (mean)\n", z + 1,
                   geo::family_name_fr(g.family), geo::family_name_en(g.family), where,
                   geo::format_decimal_fr(g.area_km2, 1), geo::format_decimal_fr(g.score, 2),
                   std::isfinite(g.mean_distance_m) ? fmt::format("{:.0f}", g.mean_distance_m) : "∞");
    }
}

int run_gaps(const CommonOptions& common, const GapsArgs& args) {
    if (!has_extension(args.output, {".geojson", ".json"}))
        return cli_fail("gaps", 2, fmt::format("-o {}: expected OUT.geojson", args.output));
    if (!args.zones_csv.empty() && !has_extension(args.zones_csv, {".csv"}))
        return cli_fail("gaps", 2, fmt::format("--zones-csv {}: expected OUT.csv", args.zones_csv));
    for (const geo::NamedPath& output :
         {geo::NamedPath{"-o", args.output}, geo::NamedPath{"--zones-csv", args.zones_csv}})
        if (!output_is_safe("gaps", output, {{"--catalogue", common.catalogue}, {"--audience", args.audience}}))
            return 2;
    auto defaults = geo::load_gap_defaults();
    if (!defaults) return cli_fail("gaps", 1, defaults.error().message);
    const double level = args.level.value_or(defaults->level);
    if (!(level >= geo::kMinLevel && level <= 1.0))
        return cli_fail("gaps", 2, fmt::format("--level {}: expected a share in [0.01, 1]", level));
    geo::GapParams params;
    params.cell_m = args.cell_m.value_or(defaults->cell_m);
    params.acceptable_m = defaults->acceptable_m;
    params.min_score = args.min_score;
    params.cell_polygons = !args.no_cells;
    if (!(params.min_score >= 0.0))
        return cli_fail("gaps", 2, fmt::format("--min-score {}: expected a number >= 0", params.min_score));
    if (!(params.cell_m >= 10.0 && params.cell_m <= 100'000.0))
        return cli_fail("gaps", 2, fmt::format("--cell-m {}: expected metres in [10, 100000]", params.cell_m));

    auto inputs = open_analysis_inputs(common, args.audience);
    if (!inputs) return cli_fail("gaps", inputs.error().exit_code, inputs.error().message);
    const geo::Catalogue* catalogue = &inputs->catalogue;
    const geo::Audience* audience = &inputs->audience;
    auto items = catalogue->items();
    if (!items) return cli_fail("gaps", 1, items.error().message);

    const auto shared_items = std::make_shared<const std::vector<geo::OfferItem>>(*items);
    auto use_case = geo::AudiencePerimeter::create(shared_items, nullptr);
    if (!use_case) return cli_fail("gaps", 1, use_case.error().message);
    geo::PerimeterParams pp;
    pp.levels = {level};
    auto perimeter = use_case->run(*audience, pp, false);
    if (!perimeter) return cli_fail("gaps", 1, perimeter.error().message);
    const geo::MultiPolygon& area = perimeter->result.levels.front().geometry;
    if (area.empty()) return cli_fail("gaps", 1, fmt::format("the perimeter at level {} is empty", level));

    geo::TerritoryFilter communes_filter;
    communes_filter.level = geo::TerritoryLevel::commune;
    auto communes = catalogue->territories(communes_filter);
    if (!communes) return cli_fail("gaps", 1, communes.error().message);

    auto gaps = geo::compute_gaps(area, *items, *audience, params, *communes);
    if (!gaps) return cli_fail("gaps", 1, gaps.error().message);

    const auto provenance = geo::analysis_provenance("gaps", *catalogue, *audience,
                                                     parameters_json(params, level, perimeter->result, *gaps), *items,
                                                     geo::item_weights(*audience, *items), args.provenance_paths);
    std::vector<geo::GeoJsonFeature> features = geo::gap_features(*gaps, !args.no_cells);
    features.push_back(
        {area, {{"kind", "perimeter"}, {"level", level}, {"area_km2", perimeter->result.levels.front().area_km2}}});
    geo::GeoJsonOptions options;
    options.layer_name = "gaps";
    options.metadata = provenance;
    auto written = geo::write_geojson(args.output, features, options);
    if (!written) return cli_fail("gaps", 1, written.error().message);
    if (!args.zones_csv.empty())
        if (auto rows = geo::write_gap_zones_csv(args.zones_csv, *gaps, args.csv); !rows)
            return cli_fail("gaps", 1, rows.error().message);

    fmt::print("{} / {}: perimeter {} km² at level {}\n", audience->name_fr, audience->name_en,
               geo::format_decimal_fr(perimeter->result.levels.front().area_km2, 0), level);
    print_zones(*gaps, args.show);
    fmt::print("Wrote {} features to {}{}\n", *written, args.output,
               args.zones_csv.empty() ? "" : " and the zones to " + args.zones_csv);
    return 0;
}

}  // namespace

void add_gaps_command(CLI::App& app, CommonOptions& common, int& exit_code) {
    auto* cmd = app.add_subcommand("gaps",
                                   "Offer gaps for an audience inside its destination perimeter: scored hexagonal "
                                   "cells and ranked gap zones");
    auto args = std::make_shared<GapsArgs>();
    add_analysis_options(*cmd, common, args->audience);
    cmd->add_option("--level", args->level,
                    "Perimeter level: share of the weighted offer, 0-1 (default: data/gap_defaults.json)");
    cmd->add_option("--cell-m", args->cell_m, "Hexagon spacing in metres (default: data/gap_defaults.json)");
    cmd->add_option("--min-score", args->min_score, "A cell is a gap above this score")->capture_default_str();
    cmd->add_flag("--no-cells", args->no_cells, "Write the zones and the perimeter only");
    cmd->add_option("--show", args->show, "Print this many zones")->capture_default_str();
    cmd->add_option("-o,--output", args->output, "OUT.geojson (RFC 7946)")->required();
    cmd->add_option("--zones-csv", args->zones_csv, "Also write the ranked zones to OUT.csv");
    add_csv_options(*cmd, args->csv);
    add_provenance_paths_option(*cmd, args->provenance_paths);
    cmd->callback([&common, &exit_code, args] { exit_code = run_gaps(common, *args); });
}

}  // namespace app::cli
