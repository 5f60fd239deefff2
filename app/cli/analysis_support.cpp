#include "app/cli/analysis_support.hpp"

#include <set>

#include "geo/io/audience_presets.hpp"
#include "geo/core/clock.hpp"

namespace app::cli {

void add_analysis_options(CLI::App& cmd, CommonOptions& common, std::string& audience) {
    cmd.add_option("--catalogue", common.catalogue, "Catalogue file")->capture_default_str();
    cmd.add_option("--audience", audience, "Audience: preset id or name, JSON file, or saved id")
        ->required();
}

CliResult<AnalysisInputs> open_analysis_inputs(const CommonOptions& common, const std::string& audience) {
    auto catalogue = geo::Catalogue::open(common.catalogue, geo::Catalogue::Mode::read_only);
    if (!catalogue) return tl::unexpected(CliError{1, catalogue.error().message});
    auto resolved = geo::resolve_audience(audience, &*catalogue);
    if (!resolved) return tl::unexpected(CliError{2, resolved.error().message});
    return AnalysisInputs{std::move(*catalogue), std::move(*resolved)};
}

nlohmann::json analysis_provenance(std::string_view generator, const geo::Catalogue& catalogue,
                                   const geo::Audience& audience, nlohmann::json parameters,
                                   const std::vector<geo::OfferItem>& items,
                                   geo::ProvenancePaths paths) {
    nlohmann::json weights = nlohmann::json::object();
    for (geo::Family f : geo::kAllFamilies) weights[geo::family_id(f)] = audience.family_weight(f);
    nlohmann::json months = nlohmann::json::array();
    for (int m = 0; m < 12; ++m)
        if (audience.season & (1U << m)) months.push_back(m + 1);
    std::set<std::string> used;
    for (const geo::OfferItem& item : items) used.insert(item.source);
    nlohmann::json sources = nlohmann::json::array();
    if (auto all = catalogue.sources())
        for (const geo::SourceInfo& s : *all)
            if (used.count(s.key))
                sources.push_back({{"key", s.key},
                                   {"licence", s.licence},
                                   {"attribution", s.attribution},
                                   {"imported_at", s.imported_at}});
    return {{"generator", std::string("territoire ") + std::string(generator)},
            {"created_at", geo::utc_now_iso8601()},
            {"catalogue", geo::provenance_path(catalogue.path(), paths)},
            {"audience",
             {{"id", audience.id},
              {"name_fr", audience.name_fr},
              {"name_en", audience.name_en},
              {"family_weights", weights},
              {"season_months", months}}},
            {"parameters", std::move(parameters)},
            {"sources", sources}};
}

}  // namespace app::cli
