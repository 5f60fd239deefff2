// territoire perimeter: the destination perimeter of an audience, as RFC 7946
// GeoJSON with statistics and provenance, stored in the catalogue; --report
// prints the border table, --json the statistics and the report as JSON.
#include <algorithm>
#include <memory>
#include <optional>

#include <fmt/core.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cli/commands.hpp"
#include "app/cli/output_options.hpp"
#include "app/cli/perimeter_report.hpp"
#include "app/cli/perimeter_support.hpp"
#include "geo/analysis/audience_perimeter.hpp"
#include "geo/analysis/border_report.hpp"
#include "geo/analysis/offer_inside.hpp"
#include "geo/analysis/perimeter_stats.hpp"
#include "geo/io/geojson_writer.hpp"
#include "geo/io/perimeter_json.hpp"
#include "geo/io/project_check.hpp"
#include "geo/io/provenance.hpp"

namespace app::cli {
namespace {

struct PerimeterCommand {
    PerimeterOptions options;
    std::string audience;
    std::string project;  // --project: catalogue, audience with its weights, level and bandwidth
    std::string output;
    bool report = false;
    geo::ProvenancePaths provenance_paths = geo::ProvenancePaths::name;
};

CliError failure(const geo::Error& e) {
    return CliError{1, e.message};
}

// Everything one run computes, in the order it is printed and written.
struct PerimeterRun {
    geo::PerimeterParams params;
    WeighedOffer offer;
    geo::PerimeterResult result;
    geo::PerimeterStats stats;
    std::vector<geo::BorderReport> borders;  // one per level; empty without territories
    nlohmann::json provenance;
};

CliResult<void> compute(const PerimeterCommand& cmd, const geo::Catalogue& catalogue,
                        std::shared_ptr<const std::vector<geo::OfferItem>> items,
                        const std::optional<geo::Project>& project, PerimeterRun& run) {
    auto audience = cmd.audience.empty() ? project_audience(*project->audience, catalogue)
                                         : resolve_audience(cmd.audience, catalogue);
    if (!audience) return tl::unexpected(audience.error());
    auto territories = catalogue.territories();
    if (!territories) return tl::unexpected(failure(territories.error()));
    auto use_case = geo::AudiencePerimeter::create(
        items, std::make_shared<const std::vector<geo::Territory>>(std::move(*territories)));
    if (!use_case) return tl::unexpected(failure(use_case.error()));
    auto done = use_case->run(*audience, run.params);
    if (!done) return tl::unexpected(failure(done.error().with_context(catalogue.path())));
    run.offer = {done->audience, done->perimeter_weights};
    run.result = std::move(done->result);
    run.stats = std::move(done->stats);
    run.borders = std::move(done->borders);
    run.provenance = geo::analysis_provenance("perimeter", catalogue, run.offer.audience,
                                              geo::perimeter_parameters_json(run.params, run.stats), *items,
                                              run.offer.weights, cmd.provenance_paths);
    return {};
}

nlohmann::json level_json(const PerimeterRun& run, std::size_t k) {
    nlohmann::json j = geo::level_stats_json(run.stats.levels[k]);
    if (!run.borders.empty()) j["units_crossed"] = geo::units_crossed_json(run.borders[k]);
    return j;
}

// GeoJSON properties of level k: its statistics, then the provenance.
nlohmann::json feature_properties(const PerimeterRun& run, std::size_t k) {
    nlohmann::json p = level_json(run, k);
    p["audience_id"] = run.offer.audience.id;
    p["audience_name_fr"] = run.offer.audience.name_fr;
    p["audience_name_en"] = run.offer.audience.name_en;
    for (const auto& [key, value] : run.provenance.items()) p[key] = value;
    return p;
}

CliResult<void> write_output(const PerimeterCommand& cmd, const PerimeterRun& run) {
    std::vector<geo::GeoJsonFeature> features;
    for (std::size_t k = 0; k < run.result.levels.size(); ++k)
        features.push_back({run.result.levels[k].geometry, feature_properties(run, k)});
    geo::GeoJsonOptions options;
    options.layer_name = "perimeter " + run.offer.audience.id;
    options.metadata = run.provenance;
    auto written = geo::write_geojson(cmd.output, features, options);
    if (!written) return tl::unexpected(failure(written.error()));
    return {};
}

CliResult<std::vector<std::int64_t>> store(geo::Catalogue& catalogue, const PerimeterRun& run) {
    std::vector<std::int64_t> ids;
    for (std::size_t k = 0; k < run.result.levels.size(); ++k) {
        geo::StoredPerimeter sp;
        sp.audience_id = run.offer.audience.id;
        sp.level = run.result.levels[k].level;
        sp.params_json = run.provenance.dump();
        sp.stats_json = level_json(run, k).dump();
        sp.created_at = run.provenance["created_at"].get<std::string>();
        sp.geometry = run.result.levels[k].geometry;
        auto id = catalogue.save_perimeter(sp);
        if (!id) return tl::unexpected(failure(id.error()));
        ids.push_back(*id);
    }
    return ids;
}

void print_text(const PerimeterCommand& cmd, const PerimeterRun& run, const std::vector<std::int64_t>& ids) {
    const geo::PerimeterStats& s = run.stats;
    fmt::print("Perimeter for \"{}\" ({} / {}): {} items, {} with a positive weight\n", run.offer.audience.id,
               run.offer.audience.name_fr, run.offer.audience.name_en, s.items_total, s.weighted_items);
    fmt::print("  {} kernel, bandwidth {:.0f} m ({}), cell {:.0f} m, in {}\n", geo::kernel_id(s.kernel), s.bandwidth_m,
               bandwidth_description(run.result.bandwidth), s.cell_m, s.metric_crs);
    for (std::size_t k = 0; k < s.levels.size(); ++k) {
        print_level_summary(s.levels[k]);
        if (cmd.report) {
            if (run.borders.empty()) {
                fmt::print(
                    "  No territories in the catalogue: import communes or "
                    "départements (territoire import --territories) for the border "
                    "report\n");
                continue;
            }
            print_border_table(run.borders[k], true);
            print_border_table(run.borders[k], false);
        }
    }
    if (ids.empty())
        fmt::print("Written {} ({} feature{}); not stored (read-only catalogue)\n", cmd.output, s.levels.size(),
                   s.levels.size() == 1 ? "" : "s");
    else
        fmt::print("Written {} ({} feature{}); stored in {} as perimeter{} {}\n", cmd.output, s.levels.size(),
                   s.levels.size() == 1 ? "" : "s", run.provenance["catalogue"].get<std::string>(),
                   ids.size() == 1 ? "" : "s", fmt::join(ids, ", "));
}

void print_json(const PerimeterCommand& cmd, const PerimeterRun& run, const std::vector<std::int64_t>& ids) {
    nlohmann::json levels = nlohmann::json::array();
    for (std::size_t k = 0; k < run.stats.levels.size(); ++k) {
        nlohmann::json l = level_json(run, k);
        l["border"] = run.borders.empty() ? nlohmann::json() : geo::border_report_json(run.borders[k]);
        l["stored_perimeter_id"] = k < ids.size() ? nlohmann::json(ids[k]) : nlohmann::json();
        levels.push_back(std::move(l));
    }
    nlohmann::json j = run.provenance;
    j["output"] = cmd.output;
    j["levels"] = std::move(levels);
    fmt::print("{}\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

CliResult<void> execute(const PerimeterCommand& cmd, const CommonOptions& common) {
    PerimeterRun run;
    std::optional<geo::Project> project;
    std::string catalogue_path = common.catalogue;
    if (!cmd.project.empty()) {
        auto read = read_project_option(cmd.project);
        if (!read) return tl::unexpected(read.error());
        project = std::move(*read);
        catalogue_path = geo::project_catalogue_path(*project);
    }
    if (cmd.audience.empty() && !(project && project->audience))
        return tl::unexpected(CliError{2, project ? cmd.project + ": the project has no audience; add --audience"
                                                  : "--audience is required (or --project with an audience)"});
    if (auto safe = geo::check_output_path(
            {"-o", cmd.output},
            {{"--catalogue", catalogue_path}, {"--audience", cmd.audience}, {"--project", cmd.project}});
        !safe)
        return tl::unexpected(CliError{2, safe.error().message});
    auto params = perimeter_params(cmd.options);
    if (!params) return tl::unexpected(params.error());
    run.params = std::move(*params);
    if (project && project->audience && cmd.audience.empty())
        apply_project_params(*project->audience, cmd.options, run.params);
    // A demo project's catalogue is the demo's cached copy: read it, never write it.
    auto catalogue = open_catalogue(catalogue_path, project && project->demo ? geo::Catalogue::Mode::read_only
                                                                             : geo::Catalogue::Mode::open_existing);
    if (!catalogue) return tl::unexpected(catalogue.error());
    auto items = catalogue_items(*catalogue);
    if (!items) return tl::unexpected(items.error());
    const auto shared_items = std::make_shared<const std::vector<geo::OfferItem>>(std::move(*items));
    if (auto r = compute(cmd, *catalogue, shared_items, project, run); !r) return r;
    if (std::all_of(run.result.levels.begin(), run.result.levels.end(),
                    [](const geo::PerimeterLevel& l) { return l.geometry.empty(); }))
        return tl::unexpected(CliError{
            1, fmt::format("the perimeter is empty at every level: no part reaches --min-area-km2 {} km² on cells of "
                           "{:.0f} m; nothing was written",
                           run.params.min_area_km2, run.result.cell_m)});
    if (auto r = write_output(cmd, run); !r) return r;
    // A catalogue that cannot be written still gives its perimeter: the file
    // is written, the catalogue is left as it is, and stderr says so.
    CliResult<std::vector<std::int64_t>> ids = std::vector<std::int64_t>{};
    if (catalogue->read_only())
        fmt::print(stderr,
                   "territoire perimeter: {} is read-only: the perimeter was written to {} but not stored in it\n",
                   catalogue_path, cmd.output);
    else
        ids = store(*catalogue, run);
    if (!ids) return tl::unexpected(ids.error());
    if (cmd.options.json)
        print_json(cmd, run, *ids);
    else
        print_text(cmd, run, *ids);
    return {};
}

}  // namespace

void add_perimeter_command(CLI::App& app, CommonOptions& common, int& exit_code) {
    auto cmd = std::make_shared<PerimeterCommand>();
    auto* sub =
        app.add_subcommand("perimeter", "Destination perimeter of an audience: GeoJSON, statistics, border report");
    auto* catalogue_opt = sub->add_option("--catalogue", common.catalogue, "Catalogue file")->capture_default_str();
    sub->add_option("--audience", cmd->audience,
                    "Audience: preset id or name, JSON file, or one saved in the catalogue (required without "
                    "--project)");
    sub->add_option("--project", cmd->project,
                    "Project file: its catalogue, audience with its weights, level and bandwidth (the options "
                    "given override them)")
        ->excludes(catalogue_opt);
    add_perimeter_options(sub, cmd->options, true);
    sub->add_option("-o,--output", cmd->output, "Output GeoJSON file (RFC 7946)")->required();
    sub->add_flag("--report", cmd->report, "Print the border table: administrative and reference territories crossed");
    add_provenance_paths_option(*sub, cmd->provenance_paths);
    sub->callback([cmd, &common, &exit_code] { exit_code = finish("perimeter", execute(*cmd, common)); });
}

}  // namespace app::cli
