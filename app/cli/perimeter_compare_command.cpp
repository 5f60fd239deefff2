// territoire perimeter-compare: the perimeters of two audiences at one level,
// with the same parameters: areas, intersection, union, Jaccard, and the
// offer items gained and lost, as text or JSON. Reads the catalogue only.
#include <memory>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "app/cli/commands.hpp"
#include "app/cli/perimeter_report.hpp"
#include "app/cli/perimeter_support.hpp"
#include "geo/analysis/audience_perimeter.hpp"
#include "geo/analysis/offer_inside.hpp"
#include "geo/analysis/perimeter_compare.hpp"
#include "geo/analysis/perimeter_stats.hpp"
#include "geo/io/perimeter_json.hpp"
#include "geo/io/provenance.hpp"

namespace app::cli {
namespace {

struct Side {
    WeighedOffer offer;
    geo::PerimeterResult result;
    geo::PerimeterStats stats;
};

CliResult<Side> compute_side(const std::string& audience, const geo::Catalogue& catalogue,
                             const geo::AudiencePerimeter& use_case, const geo::PerimeterParams& params) {
    auto resolved = resolve_audience(audience, catalogue);
    if (!resolved) return tl::unexpected(resolved.error());
    auto run = use_case.run(*resolved, params, false);
    if (!run) return tl::unexpected(CliError{1, run.error().with_context(catalogue.path()).message});
    return Side{{run->audience, run->perimeter_weights}, std::move(run->result), std::move(run->stats)};
}

std::string side_name(const Side& s) {
    const auto& lv = s.stats.levels.front();
    return fmt::format("{} ({}), level {:.2f}, bandwidth {:.0f} m, {:.1f} km²", s.offer.audience.id,
                       s.offer.audience.name_fr, lv.level, s.stats.bandwidth_m, lv.area_km2);
}

nlohmann::json side_json(const Side& s, const geo::PerimeterParams& params) {
    return {{"audience", geo::audience_provenance_json(s.offer.audience)},
            {"parameters", geo::perimeter_parameters_json(params, s.stats)},
            {"statistics", geo::level_stats_json(s.stats.levels.front())}};
}

CliResult<void> execute(const PerimeterOptions& o, const CommonOptions& common) {
    if (o.audiences.size() != 2)
        return tl::unexpected(CliError{2, fmt::format("--audience given {} time{}, expected exactly twice (A and B)",
                                                      o.audiences.size(), o.audiences.size() == 1 ? "" : "s")});
    auto params = perimeter_params(o);
    if (!params) return tl::unexpected(params.error());
    auto catalogue = open_catalogue(common.catalogue, geo::Catalogue::Mode::read_only);
    if (!catalogue) return tl::unexpected(catalogue.error());
    auto items = catalogue_items(*catalogue);
    if (!items) return tl::unexpected(items.error());
    const auto shared_items = std::make_shared<const std::vector<geo::OfferItem>>(std::move(*items));
    auto use_case = geo::AudiencePerimeter::create(shared_items, nullptr);
    if (!use_case) return tl::unexpected(CliError{1, use_case.error().message});
    auto a = compute_side(o.audiences[0], *catalogue, *use_case, *params);
    if (!a) return tl::unexpected(a.error());
    auto b = compute_side(o.audiences[1], *catalogue, *use_case, *params);
    if (!b) return tl::unexpected(b.error());
    auto c = geo::compare_perimeters(a->result.levels.front().geometry, b->result.levels.front().geometry,
                                     *shared_items, a->offer.weights, b->offer.weights);
    if (!c) return tl::unexpected(CliError{1, c.error().message});
    if (o.json) {
        std::set<std::string> used = geo::used_sources(*shared_items, a->offer.weights);
        used.merge(geo::used_sources(*shared_items, b->offer.weights));
        nlohmann::json j = geo::base_provenance("perimeter-compare", *catalogue, used, geo::ProvenancePaths::name);
        j["a"] = side_json(*a, *params);
        j["b"] = side_json(*b, *params);
        j["comparison"] = geo::comparison_json(*c);
        fmt::print("{}\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    } else {
        print_comparison(*c, side_name(*a), side_name(*b));
    }
    return {};
}

}  // namespace

void add_perimeter_compare_command(CLI::App& app, CommonOptions& common, int& exit_code) {
    auto options = std::make_shared<PerimeterOptions>();
    auto* sub =
        app.add_subcommand("perimeter-compare",
                           "Compare the perimeters of two audiences: areas, overlap (Jaccard), items gained and lost");
    sub->add_option("--catalogue", common.catalogue, "Catalogue file")->capture_default_str();
    sub->add_option("--audience", options->audiences, "Audience A, then audience B (give --audience twice)")
        ->required();
    add_perimeter_options(sub, *options, false);
    sub->callback(
        [options, &common, &exit_code] { exit_code = finish("perimeter-compare", execute(*options, common)); });
}

}  // namespace app::cli
