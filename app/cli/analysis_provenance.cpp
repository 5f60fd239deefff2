#include "app/cli/analysis_provenance.hpp"

#include <set>

#include "geo/store/catalogue_codec.hpp"

namespace app::cli {

nlohmann::json analysis_provenance(std::string_view generator, const geo::Catalogue& catalogue,
                                   const geo::Audience& audience, nlohmann::json parameters,
                                   const std::vector<geo::OfferItem>& items) {
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
            {"created_at", geo::store::utc_now_iso8601()},
            {"catalogue", catalogue.path()},
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
