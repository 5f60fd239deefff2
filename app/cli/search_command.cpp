// territoire search: communes, territories, places and offer items by name
// or code, ranked as the map's search field ranks them
// (geo/analysis/place_search.hpp), as text or JSON.
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cli/cli_error.hpp"
#include "app/cli/commands.hpp"
#include "geo/analysis/place_search.hpp"
#include "geo/io/places_file.hpp"
#include "geo/store/catalogue.hpp"

namespace app::cli {
namespace {

struct SearchArgs {
    std::string places;
    std::string query;
    std::size_t limit = 20;
    bool json = false;
};

nlohmann::json hit_json(const geo::SearchHit& h) {
    nlohmann::json j = {{"kind", geo::search_kind_id(h.kind)},
                        {"match", geo::search_match_id(h.match)},
                        {"name", h.name},
                        {"code", h.code},
                        {"level", h.level},
                        {"lon", h.position.lon_deg},
                        {"lat", h.position.lat_deg}};
    if (!h.extent.empty()) j["bbox"] = {h.extent.west_deg, h.extent.south_deg, h.extent.east_deg, h.extent.north_deg};
    return j;
}

CliResult<void> run_search(const CommonOptions& common, const SearchArgs& args) {
    auto catalogue = geo::Catalogue::open(common.catalogue, geo::Catalogue::Mode::read_only);
    if (!catalogue) return tl::unexpected(CliError{1, catalogue.error().message});
    auto items = catalogue->items();
    if (!items) return tl::unexpected(CliError{1, items.error().message});
    auto territories = catalogue->territories();
    if (!territories) return tl::unexpected(CliError{1, territories.error().message});
    std::vector<geo::Place> places;
    if (!args.places.empty()) {
        auto read = geo::read_places_file(args.places);
        if (!read) return tl::unexpected(CliError{1, read.error().message});
        places = std::move(*read);
    }
    const geo::SearchIndex index(*territories, places, *items);
    const auto hits = index.search(args.query, args.limit);
    if (args.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& h : hits) out.push_back(hit_json(h));
        fmt::print("{}\n", out.dump(2));
        return {};
    }
    if (hits.empty()) fmt::print("No match for \"{}\".\n", args.query);
    for (const auto& h : hits)
        fmt::print("{:<9}  {:<11}  {:<40}  {:<11}  {:.5f} {:.5f}\n", geo::search_kind_id(h.kind),
                   geo::search_match_id(h.match), h.name, h.code.empty() ? "-" : h.code, h.position.lon_deg,
                   h.position.lat_deg);
    return {};
}

}  // namespace

void add_search_command(CLI::App& app, CommonOptions& common, int& exit_code) {
    auto* cmd = app.add_subcommand(
        "search", "Find communes, territories, places and offer items by name or INSEE code, best first");
    auto args = std::make_shared<SearchArgs>();
    cmd->add_option("--catalogue", common.catalogue, "Catalogue file")->capture_default_str();
    cmd->add_option("--places", args->places, "Place-name file (e.g. data/demo/places.geojson)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--limit", args->limit, "Most hits shown")->capture_default_str()->check(CLI::Range(1, 10000));
    cmd->add_flag("--json", args->json, "Print JSON instead of text");
    cmd->add_option("query", args->query, "Name or code to look for (accents and case ignored)")->required();
    cmd->callback([&common, &exit_code, args] { exit_code = finish("search", run_search(common, *args)); });
}

}  // namespace app::cli
