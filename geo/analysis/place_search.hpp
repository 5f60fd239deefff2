#pragma once
// One search over everything the map knows by name: communes, the other
// territories (départements, EPCI, destinations, competitors, reference
// areas), the place-name layer and the offer items. Names are compared
// through geo::fold_text (case, accents, hyphens and apostrophes ignored).
// Hits are ranked by how they match, then by what they are:
//   1. exact name, or exact code (a commune's INSEE code "37261", a
//      département's "37"),
//   2. name starting with the query,
//   3. a word of the name starting with the query ("tours" in
//      "Joué-lès-Tours"),
//   4. name containing the query;
// within one match: communes, then places (by rank), then other
// territories, then offer items; then shorter names, then alphabetical.
// A place of the same name and INSEE code as a loaded commune is one hit
// (the commune, positioned at the place).
// SearchIndex folds every name once; search() is a linear scan of folded
// names (~a few ms for 500,000 items). Immutable after construction:
// thread-safe for concurrent search() calls.
// Failures: none; an empty or unmatched query gives no hit.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "geo/core/coords.hpp"
#include "geo/core/offer.hpp"
#include "geo/core/place.hpp"

namespace geo {

enum class SearchKind : std::uint8_t { commune, place, territory, item };
std::string_view search_kind_id(SearchKind kind);  // "commune", "place", "territory", "item"

enum class SearchMatch : std::uint8_t { exact, prefix, word_prefix, contains };
std::string_view search_match_id(SearchMatch match);  // "exact", "prefix", "word_prefix", "contains"

struct SearchHit {
    SearchKind kind = SearchKind::item;
    std::size_t index = 0;  // into the territories, places or items given to the index
    SearchMatch match = SearchMatch::contains;
    std::string name;
    std::string code;   // INSEE or territory code; an item's commune code; "" when none
    std::string level;  // territories: the level id ("commune", "departement"…); items: the family id
    LonLat position;    // where to go: a place, an item, a territory's place or box centre
    LonLatBox extent;   // territories: their bounds; empty for points
};

class SearchIndex {
public:
    SearchIndex() = default;
    SearchIndex(const std::vector<Territory>& territories, const std::vector<Place>& places,
                const std::vector<OfferItem>& items);

    // At most `limit` hits, best first; none for a blank query.
    [[nodiscard]] std::vector<SearchHit> search(std::string_view query, std::size_t limit = 20) const;
    [[nodiscard]] std::size_t size() const { return m_entries.size(); }

private:
    struct Entry {
        SearchKind kind;
        int order;  // places: rank; territories: level
        std::uint32_t index;
        std::string folded;
        std::string name, code, level;
        LonLat position;
        LonLatBox extent;
    };
    std::vector<Entry> m_entries;
};

}  // namespace geo
