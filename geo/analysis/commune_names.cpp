#include "geo/analysis/commune_names.hpp"

namespace geo {

CommuneNames::CommuneNames(const std::vector<Territory>& territories, const std::vector<Place>& places) {
    for (const Territory& t : territories)
        if (t.level == TerritoryLevel::commune && !t.code.empty() && !t.name.empty()) m_names.emplace(t.code, t.name);
    // Places by importance: the first place of a code names it.
    std::unordered_map<std::string, const Place*> best;
    for (const Place& p : places) {
        if (p.insee.empty()) continue;
        auto [it, added] = best.emplace(p.insee, &p);
        if (!added &&
            (p.rank < it->second->rank || (p.rank == it->second->rank && p.population > it->second->population)))
            it->second = &p;
    }
    for (const auto& [code, place] : best) m_names.emplace(code, place->name);  // territories win
}

std::string_view CommuneNames::name(std::string_view insee) const {
    if (insee.empty()) return {};
    const auto it = m_names.find(std::string(insee));
    return it == m_names.end() ? std::string_view{} : std::string_view(it->second);
}

std::string CommuneNames::display(std::string_view insee) const {
    const std::string_view n = name(insee);
    return std::string(n.empty() ? insee : n);
}

}  // namespace geo
