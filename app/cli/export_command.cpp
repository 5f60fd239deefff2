// territoire export: offer items or territories from the catalogue to
// GeoJSON (RFC 7946), GeoPackage, CSV or KML, chosen by the -o extension,
// with the filters of geo::ItemFilter / geo::TerritoryFilter and the
// provenance (catalogue, filters, sources and licences, date) in the file.
// Exit codes: 0 written, 1 catalogue or write error, 2 bad arguments.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "app/cli/cli_error.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/output_options.hpp"
#include "app/cli/view_options.hpp"
#include "geo/core/json_text.hpp"
#include "geo/core/taxonomy.hpp"
#include "geo/core/text_fold.hpp"
#include "geo/io/exporters.hpp"
#include "geo/io/project_check.hpp"
#include "geo/io/provenance.hpp"
#include "geo/store/catalogue.hpp"
#include "geo/store/territory_spec.hpp"

namespace app::cli {

namespace {

struct ExportArgs {
    std::string project;  // --project: the catalogue comes from it
    bool items = false;
    bool territories = false;
    std::string level;
    std::vector<std::string> families;
    std::vector<std::string> labels;
    std::string bbox;
    std::string territory;
    std::string output;
    geo::CsvOptions csv;
    geo::ProvenancePaths provenance_paths = geo::ProvenancePaths::name;
};

// A command-line value that is not what was expected (exit code 2).
struct Usage {
    std::string message;
};

// A family id ("heritage"), or its French / English name, any case and accents.
tl::expected<geo::Family, Usage> parse_family(const std::string& value) {
    const std::string wanted = geo::fold_text(value);
    for (geo::Family f : geo::kAllFamilies) {
        if (wanted == geo::family_id(f) || wanted == geo::fold_text(geo::family_name_fr(f)) ||
            wanted == geo::fold_text(geo::family_name_en(f)))
            return f;
    }
    std::string ids;
    for (geo::Family f : geo::kAllFamilies) ids += (ids.empty() ? "" : ", ") + std::string(geo::family_id(f));
    return tl::unexpected(Usage{fmt::format("--family: unknown family \"{}\"; expected one of {}", value, ids)});
}

tl::expected<geo::TerritoryLevel, Usage> parse_level(const std::string& option, const std::string& value) {
    if (auto level = geo::territory_level_from_id(value)) return *level;
    return tl::unexpected(
        Usage{fmt::format("{}: unknown territory level \"{}\"; expected commune, epci, departement, region, "
                          "destination, competitor or reference",
                          option, value)});
}

// Provenance: what was exported, from where, under which licences.
nlohmann::json provenance(const geo::Catalogue& catalogue, const ExportArgs& args,
                          const std::set<std::string>& used_sources) {
    nlohmann::json j = geo::base_provenance("export", catalogue, used_sources, args.provenance_paths);
    j["kind"] = args.items ? "items" : "territories";
    nlohmann::json filter = nlohmann::json::object();
    if (!args.families.empty()) filter["families"] = args.families;
    if (!args.labels.empty()) filter["labels"] = args.labels;
    if (!args.bbox.empty()) filter["bbox"] = args.bbox;
    if (!args.territory.empty()) filter["territory"] = args.territory;
    if (!args.level.empty()) filter["level"] = args.level;
    j["filter"] = filter;
    return j;
}

int run_export(const CommonOptions& common, const ExportArgs& args) {
    if (args.items == args.territories) return cli_fail("export", 2, "give exactly one of --items or --territories");
    if (args.items && !args.level.empty()) return cli_fail("export", 2, "--level goes with --territories");
    if (args.territories && (!args.families.empty() || !args.labels.empty()))
        return cli_fail("export", 2, "--family and --label go with --items");
    if (auto format = geo::export_format_for(args.output); !format)
        return cli_fail("export", 2, format.error().message);
    if (!output_is_safe("export", {"-o", args.output}, {{"--catalogue", common.catalogue}})) return 2;

    geo::ItemFilter item_filter;
    geo::TerritoryFilter territory_filter;
    for (const auto& value : args.families) {
        auto family = parse_family(value);
        if (!family) return cli_fail("export", 2, family.error().message);
        item_filter.families.push_back(*family);
    }
    item_filter.labels = args.labels;
    if (!args.level.empty()) {
        auto level = parse_level("--level", args.level);
        if (!level) return cli_fail("export", 2, level.error().message);
        territory_filter.level = *level;
    }
    if (!args.bbox.empty()) {
        auto box = parse_bbox(args.bbox);
        if (!box) return cli_fail("export", 2, box.error().message);
        item_filter.bbox = *box;
    }

    auto catalogue = geo::Catalogue::open(common.catalogue, geo::Catalogue::Mode::read_only);
    if (!catalogue) return cli_fail("export", 1, catalogue.error().message);
    if (!args.labels.empty()) {
        // A mistyped label would silently export nothing: it must be a label
        // of the taxonomy or one that items of this catalogue carry.
        auto info = catalogue->info();
        if (!info) return cli_fail("export", 1, info.error().message);
        auto taxonomy = geo::Taxonomy::load_default();
        if (!taxonomy) return cli_fail("export", 1, taxonomy.error().message);
        for (const auto& label : args.labels)
            if (taxonomy->label(label) == nullptr && !info->items_per_label.contains(label)) {
                std::string known;
                for (const auto& [id, n] : info->items_per_label) known += (known.empty() ? "" : ", ") + id;
                return cli_fail(
                    "export", 2,
                    fmt::format("--label \"{}\": no such label in the taxonomy or in {}{}", geo::text_excerpt(label),
                                common.catalogue, known.empty() ? "" : " (its items carry: " + known + ")"));
            }
    }
    if (!args.territory.empty()) {
        auto territory = geo::find_loaded_territory(*catalogue, args.territory);
        if (!territory) return cli_fail("export", 2, "--territory: " + territory.error().message);
        item_filter.territory_id = territory->id;
        territory_filter.id = territory->id;
    }

    std::set<std::string> used_sources;
    geo::ExportOptions options;
    options.csv = args.csv;
    geo::Result<std::int64_t> written = 0;
    if (args.items) {
        auto items = catalogue->items(item_filter);
        if (!items) return cli_fail("export", 1, items.error().message);
        used_sources = geo::used_sources(*items);
        options.metadata = provenance(*catalogue, args, used_sources);
        written = geo::export_items(*items, args.output, options);
    } else {
        auto territories = catalogue->territories(territory_filter);
        if (!territories) return cli_fail("export", 1, territories.error().message);
        if (item_filter.bbox) {  // keep the territories whose extent meets the box
            const geo::LonLatBox box = *item_filter.bbox;
            std::erase_if(*territories, [&](const geo::Territory& t) { return !t.geometry.bounds().intersects(box); });
        }
        used_sources = geo::used_sources(*territories);
        options.metadata = provenance(*catalogue, args, used_sources);
        written = geo::export_territories(*territories, args.output, options);
    }
    if (!written) return cli_fail("export", 1, written.error().message);
    fmt::print("Exported {} {} to {}\n", *written, args.items ? "items" : "territories", args.output);
    return 0;
}

}  // namespace

void add_export_command(CLI::App& app, CommonOptions& common, int& exit_code) {
    auto* cmd =
        app.add_subcommand("export", "Write offer items or territories to GeoJSON (RFC 7946), GeoPackage, CSV or KML");
    auto args = std::make_shared<ExportArgs>();
    auto* catalogue = cmd->add_option("--catalogue", common.catalogue, "Catalogue file")->capture_default_str();
    cmd->add_option("--project", args->project, "Project file: export from its catalogue")->excludes(catalogue);
    auto* items = cmd->add_flag("--items", args->items, "Export offer items (points)");
    auto* territories = cmd->add_flag("--territories", args->territories, "Export territories (polygons)");
    items->excludes(territories);
    cmd->add_option("--level", args->level,
                    "With --territories: commune, epci, departement, region, destination, "
                    "competitor or reference");
    cmd->add_option("--family", args->families, "Only this family (id, French or English name); repeatable")
        ->take_all()
        ->allow_extra_args(false);
    cmd->add_option("--label", args->labels, "Only items with this label id; repeatable")->allow_extra_args(false);
    cmd->add_option("--bbox", args->bbox, "Only inside W,S,E,N (degrees, WGS 84)");
    cmd->add_option("--territory", args->territory,
                    "Only inside this territory: LEVEL:CODE or LEVEL:NAME, e.g. commune:37261");
    cmd->add_option("-o,--output", args->output, "OUT.geojson | .json | .gpkg | .csv | .kml")->required();
    add_csv_options(*cmd, args->csv);
    add_provenance_paths_option(*cmd, args->provenance_paths);
    cmd->callback([&common, &exit_code, args] {
        if (args->project.empty()) {
            exit_code = run_export(common, *args);
            return;
        }
        auto project = geo::read_project(args->project);
        if (!project) {
            exit_code = cli_fail("export", 1, project.error().message);
            return;
        }
        CommonOptions from_project = common;
        from_project.catalogue = geo::project_catalogue_path(*project);
        exit_code = run_export(from_project, *args);
    });
}

}  // namespace app::cli
