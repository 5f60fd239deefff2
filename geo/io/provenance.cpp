#include "geo/io/provenance.hpp"

#include <fmt/format.h>

#include "geo/core/clock.hpp"
#include "geo/io/perimeter_json.hpp"

namespace geo {

std::string provenance_generator(std::string_view tool) {
    return fmt::format("Territoire {} ({})", TERRITOIRE_VERSION, tool);
}

std::set<std::string> used_sources(const std::vector<OfferItem>& items, const std::vector<double>& weights) {
    std::set<std::string> used;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (weights.empty() || (i < weights.size() && weights[i] > 0.0)) used.insert(items[i].source);
    return used;
}

std::set<std::string> used_sources(const std::vector<Territory>& territories) {
    std::set<std::string> used;
    for (const Territory& t : territories) used.insert(t.source);
    return used;
}

nlohmann::json sources_provenance(const std::vector<SourceInfo>& all, const std::set<std::string>& used) {
    nlohmann::json out = nlohmann::json::array();
    std::set<std::string> described;
    for (const SourceInfo& s : all)
        if (used.count(s.key) > 0 && described.insert(s.key).second)
            out.push_back({{"key", s.key},
                           {"kind", s.kind},
                           {"licence", s.licence},
                           {"attribution", s.attribution},
                           {"imported_at", s.imported_at}});
    for (const std::string& key : used)
        if (described.count(key) == 0)
            out.push_back({{"key", key}, {"kind", ""}, {"licence", ""}, {"attribution", ""}, {"imported_at", ""}});
    return out;
}

nlohmann::json base_provenance(std::string_view tool, const std::string& catalogue_path,
                               const std::vector<SourceInfo>& all_sources, const std::set<std::string>& used,
                               ProvenancePaths paths) {
    return {{"generator", provenance_generator(tool)},
            {"created_at", utc_now_iso8601()},
            {"catalogue", provenance_path(catalogue_path, paths)},
            {"sources", sources_provenance(all_sources, used)}};
}

nlohmann::json base_provenance(std::string_view tool, const Catalogue& catalogue, const std::set<std::string>& used,
                               ProvenancePaths paths) {
    auto all = catalogue.sources();
    return base_provenance(tool, catalogue.path(), all ? *all : std::vector<SourceInfo>{}, used, paths);
}

nlohmann::json analysis_provenance(std::string_view tool, const std::string& catalogue_path,
                                   const std::vector<SourceInfo>& all_sources, const Audience& audience,
                                   nlohmann::json parameters, const std::vector<OfferItem>& items,
                                   const std::vector<double>& weights, ProvenancePaths paths) {
    nlohmann::json j = base_provenance(tool, catalogue_path, all_sources, used_sources(items, weights), paths);
    j["audience"] = audience_provenance_json(audience);
    j["parameters"] = std::move(parameters);
    return j;
}

nlohmann::json analysis_provenance(std::string_view tool, const Catalogue& catalogue, const Audience& audience,
                                   nlohmann::json parameters, const std::vector<OfferItem>& items,
                                   const std::vector<double>& weights, ProvenancePaths paths) {
    auto all = catalogue.sources();
    return analysis_provenance(tool, catalogue.path(), all ? *all : std::vector<SourceInfo>{}, audience,
                               std::move(parameters), items, weights, paths);
}

}  // namespace geo
