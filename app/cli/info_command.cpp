// territoire info: what the catalogue holds (counts per family, label, source
// and territory level; extent), as text or JSON.
#include <algorithm>
#include <cstdio>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "app/cli/cli_error.hpp"
#include "app/cli/commands.hpp"
#include "geo/store/catalogue.hpp"

namespace app::cli {

namespace {

nlohmann::json info_to_json(const geo::Catalogue& catalogue, const geo::CatalogueInfo& info,
                            const std::vector<geo::SourceInfo>& sources) {
    nlohmann::json j;
    j["catalogue"] = catalogue.path();
    j["schema_version"] = info.schema_version;
    j["items"] = info.item_count;
    j["families"] = nlohmann::json::object();
    for (geo::Family f : geo::kAllFamilies) {
        const std::string id(geo::family_id(f));
        const auto it = info.items_per_family.find(id);
        j["families"][id] = it == info.items_per_family.end() ? 0 : it->second;
    }
    j["labels"] = info.items_per_label;
    j["sources"] = nlohmann::json::array();
    for (const auto& s : sources) {
        const auto it = info.items_per_source.find(s.key);
        j["sources"].push_back({{"key", s.key},
                                {"kind", s.kind},
                                {"path", s.path},
                                {"licence", s.licence},
                                {"attribution", s.attribution},
                                {"imported_at", s.imported_at},
                                {"items", it == info.items_per_source.end() ? 0 : it->second}});
    }
    j["territories"] = info.territories_per_level;
    if (!info.extent.empty())
        j["extent"] = {info.extent.west_deg, info.extent.south_deg, info.extent.east_deg, info.extent.north_deg};
    else
        j["extent"] = nullptr;
    return j;
}

void print_text(const nlohmann::json& j) {
    fmt::print("Catalogue {} (schema {})\n", j["catalogue"].get<std::string>(), j["schema_version"].get<int>());
    fmt::print("Offer items: {}\n", j["items"].get<std::int64_t>());
    for (geo::Family f : geo::kAllFamilies)
        fmt::print("  {:<16} {:>8}  {}\n", geo::family_id(f),
                   j["families"][std::string(geo::family_id(f))].get<std::int64_t>(), geo::family_name_fr(f));
    if (!j["labels"].empty()) {
        fmt::print("Labels:\n");
        for (const auto& [label, n] : j["labels"].items()) fmt::print("  {:<24} {:>8}\n", label, n.get<std::int64_t>());
    }
    fmt::print("Sources:\n");
    std::size_t key_width = 12;
    for (const auto& s : j["sources"]) key_width = std::max(key_width, s["key"].get<std::string>().size());
    for (const auto& s : j["sources"]) {
        const bool territories = s["kind"].get<std::string>() == "territories";
        const std::string items = territories ? "territories" : fmt::format("{} items", s["items"].get<std::int64_t>());
        const std::string licence = s["licence"].get<std::string>();
        fmt::print("  {:<{}}  {:>14}  {}({})\n", s["key"].get<std::string>(), key_width, items,
                   licence.empty() ? "" : licence + "  ", s["imported_at"].get<std::string>());
    }
    fmt::print("Territories:\n");
    for (const auto& [level, n] : j["territories"].items())
        fmt::print("  {:<16} {:>8}\n", level, n.get<std::int64_t>());
    if (!j["extent"].is_null())
        fmt::print("Extent (W,S,E,N): {:.6f}, {:.6f}, {:.6f}, {:.6f}\n", j["extent"][0].get<double>(),
                   j["extent"][1].get<double>(), j["extent"][2].get<double>(), j["extent"][3].get<double>());
}

}  // namespace

void add_info_command(CLI::App& app, CommonOptions& common, int& exit_code) {
    auto* cmd = app.add_subcommand("info", "Counts per family, label, source and territory level; extent");
    auto json = std::make_shared<bool>(false);
    cmd->add_option("--catalogue", common.catalogue, "Catalogue file")->capture_default_str();
    cmd->add_flag("--json", *json, "Print JSON instead of text");
    cmd->callback([&common, &exit_code, json] {
        auto catalogue = geo::Catalogue::open(common.catalogue, geo::Catalogue::Mode::read_only);
        if (!catalogue) {
            exit_code = cli_fail("info", 1, catalogue.error().message);
            return;
        }
        // A damaged file is said so, not summarised as if it were sound.
        if (auto sound = catalogue->check_sound(); !sound) {
            exit_code = cli_fail("info", 1, sound.error().message);
            return;
        }
        auto info = catalogue->info();
        auto sources = catalogue->sources();
        if (!info || !sources) {
            exit_code = cli_fail("info", 1, (!info ? info.error() : sources.error()).message);
            return;
        }
        const auto j = info_to_json(*catalogue, *info, *sources);
        if (*json)
            fmt::print("{}\n", j.dump(2));
        else
            print_text(j);
        exit_code = 0;
    });
}

}  // namespace app::cli
