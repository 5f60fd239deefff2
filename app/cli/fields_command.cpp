// territoire fields FILE [--json]: the layers of a GDAL vector file, their
// geometry, feature count and fields, and the fields the importers would use
// (geo::read_source_fields) — what to pass as --name-field, --id-field,
// --family-field (import) or --name-field / --code-field (--territories),
// and what the import dialog offers.
// Exit codes: 0, 2 when the file cannot be read as a vector file.
#include <nlohmann/json.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "app/cli/cli_error.hpp"
#include "app/cli/commands.hpp"
#include "geo/io/source_fields.hpp"

namespace app::cli {
namespace {

std::string or_none(const std::string& s) {
    return s.empty() ? "(none)" : s;
}

}  // namespace

void add_fields_command(CLI::App& app, CommonOptions& /*common*/, int& exit_code) {
    auto* cmd = app.add_subcommand(
        "fields", "Layers and fields of a vector file, and the fields an import would use (before importing it)");
    auto file = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    cmd->add_option("FILE", *file, "Vector file (GeoJSON, GeoPackage, Shapefile, CSV, …)")->required();
    cmd->add_flag("--json", *json, "Print the layers as JSON on stdout");
    cmd->callback([&exit_code, file, json] {
        auto layers = geo::read_source_fields(*file);
        if (!layers) {
            exit_code = cli_fail("fields", 2, layers.error().message);
            return;
        }
        if (*json) {
            nlohmann::json out = nlohmann::json::array();
            for (const geo::SourceLayerFields& l : *layers)
                out.push_back({{"layer", l.layer},
                               {"geometry", l.geometry},
                               {"features", l.features < 0 ? nlohmann::json(nullptr) : nlohmann::json(l.features)},
                               {"fields", l.fields},
                               {"items", {{"name", l.item_name}, {"id", l.item_id}, {"family", l.item_family}}},
                               {"territories", {{"name", l.territory_name}, {"code", l.territory_code}}}});
            fmt::print("{}\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
            exit_code = 0;
            return;
        }
        for (const geo::SourceLayerFields& l : *layers) {
            fmt::print("layer {}: {}, {} features\n", l.layer, l.geometry,
                       l.features < 0 ? std::string("?") : std::to_string(l.features));
            fmt::print("  fields: {}\n",
                       l.fields.empty() ? std::string("(none)") : fmt::format("{}", fmt::join(l.fields, ", ")));
            fmt::print("  as offer items: name {}, id {}, family {}\n", or_none(l.item_name),
                       l.item_id.empty() ? "(feature id)" : l.item_id, or_none(l.item_family));
            fmt::print("  as territories: name {}, code {}\n", or_none(l.territory_name), or_none(l.territory_code));
        }
        exit_code = 0;
    });
}

}  // namespace app::cli
