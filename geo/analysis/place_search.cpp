#include "geo/analysis/place_search.hpp"

#include <algorithm>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "geo/core/text_fold.hpp"

namespace geo {
namespace {

std::string_view trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::optional<SearchMatch> match_of(const std::string& folded, const std::string& code, std::string_view raw,
                                    const std::string& q) {
    if (folded == q || (!code.empty() && code == raw)) return SearchMatch::exact;
    const auto at = folded.find(q);
    if (at == std::string::npos) return std::nullopt;
    if (at == 0) return SearchMatch::prefix;
    if (folded.find(" " + q) != std::string::npos) return SearchMatch::word_prefix;
    return SearchMatch::contains;
}

}  // namespace

std::string_view search_kind_id(SearchKind kind) {
    switch (kind) {
        case SearchKind::commune:
            return "commune";
        case SearchKind::place:
            return "place";
        case SearchKind::territory:
            return "territory";
        case SearchKind::item:
            return "item";
    }
    return "item";
}

std::string_view search_match_id(SearchMatch match) {
    switch (match) {
        case SearchMatch::exact:
            return "exact";
        case SearchMatch::prefix:
            return "prefix";
        case SearchMatch::word_prefix:
            return "word_prefix";
        case SearchMatch::contains:
            return "contains";
    }
    return "contains";
}

SearchIndex::SearchIndex(const std::vector<Territory>& territories, const std::vector<Place>& places,
                         const std::vector<OfferItem>& items) {
    m_entries.reserve(territories.size() + places.size() + items.size());
    // The place of each commune code, to put the commune's hit on its town centre.
    std::unordered_map<std::string, const Place*> place_of;
    for (const Place& p : places)
        if (!p.insee.empty()) {
            auto [it, added] = place_of.emplace(p.insee, &p);
            if (!added && p.rank < it->second->rank) it->second = &p;
        }
    std::unordered_map<std::string, std::string> commune_folded;  // code → folded name
    for (std::size_t i = 0; i < territories.size(); ++i) {
        const Territory& t = territories[i];
        if (t.name.empty() && t.code.empty()) continue;
        const bool commune = t.level == TerritoryLevel::commune;
        Entry e{commune ? SearchKind::commune : SearchKind::territory,
                static_cast<int>(t.level),
                static_cast<std::uint32_t>(i),
                fold_text(t.name),
                t.name,
                t.code,
                std::string(territory_level_id(t.level)),
                {},
                t.geometry.bounds()};
        e.position = e.extent.empty() ? LonLat{} : e.extent.center();
        if (commune) {
            if (auto it = place_of.find(t.code); it != place_of.end()) e.position = it->second->position;
            commune_folded.emplace(t.code, e.folded);
        }
        m_entries.push_back(std::move(e));
    }
    for (std::size_t i = 0; i < places.size(); ++i) {
        const Place& p = places[i];
        std::string folded = fold_text(p.name);
        if (auto it = commune_folded.find(p.insee); it != commune_folded.end() && it->second == folded)
            continue;  // the commune's hit stands for it
        m_entries.push_back({SearchKind::place,
                             p.rank,
                             static_cast<std::uint32_t>(i),
                             std::move(folded),
                             p.name,
                             p.insee,
                             "place",
                             p.position,
                             {}});
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        const OfferItem& it = items[i];
        if (it.name.empty()) continue;
        m_entries.push_back({SearchKind::item,
                             0,
                             static_cast<std::uint32_t>(i),
                             fold_text(it.name),
                             it.name,
                             it.commune_insee,
                             std::string(family_id(it.family)),
                             it.position,
                             {}});
    }
}

std::vector<SearchHit> SearchIndex::search(std::string_view query, std::size_t limit) const {
    const std::string_view raw = trimmed(query);
    const std::string q = fold_text(raw);
    if (q.empty() || limit == 0) return {};
    struct Found {
        SearchMatch match;
        const Entry* entry;
    };
    std::vector<Found> found;
    static const std::string kNoCode;
    for (const Entry& e : m_entries)  // an item's code is its commune's: no match by it
        if (auto m = match_of(e.folded, e.kind == SearchKind::item ? kNoCode : e.code, raw, q))
            found.push_back({*m, &e});
    const auto key = [](const Found& f) {
        return std::make_tuple(f.match, f.entry->kind, f.entry->order, f.entry->name.size(),
                               std::string_view(f.entry->folded), f.entry->index);
    };
    const std::size_t n = std::min(limit, found.size());
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(n), found.end(),
                      [&](const Found& a, const Found& b) { return key(a) < key(b); });
    std::vector<SearchHit> hits;
    hits.reserve(n);
    for (std::size_t k = 0; k < n; ++k) {
        const Entry& e = *found[k].entry;
        hits.push_back({e.kind, e.index, found[k].match, e.name, e.code, e.level, e.position, e.extent});
    }
    return hits;
}

}  // namespace geo
