#pragma once
// Commune names by INSEE code, so that a commune is shown as "Tours", not
// "37261": from the loaded territories (level commune) first, else from
// the place-name layer (a place's `insee`; the most important place of a
// code names it). Built once per data change; lookups are a hash probe.
// Immutable after construction: thread-safe for readers.
// Failures: none; an unknown code has no name (the code is shown instead).
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geo/core/offer.hpp"
#include "geo/core/place.hpp"

namespace geo {

class CommuneNames {
public:
    CommuneNames() = default;
    CommuneNames(const std::vector<Territory>& territories, const std::vector<Place>& places);

    // The commune's name, "" when the code is unknown.
    [[nodiscard]] std::string_view name(std::string_view insee) const;
    // "Tours" when known, else the code itself ("" for an empty code).
    [[nodiscard]] std::string display(std::string_view insee) const;
    [[nodiscard]] std::size_t size() const { return m_names.size(); }

private:
    std::unordered_map<std::string, std::string> m_names;
};

}  // namespace geo
