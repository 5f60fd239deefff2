#include "geo/analysis/offer_destination.hpp"

#include <fmt/format.h>

#include "geo/analysis/perimeter.hpp"

namespace geo {

Result<Territory> offer_destination(const std::vector<OfferItem>& items, const Audience& audience,
                                    double level, const std::string& name,
                                    const std::string& code) {
    const std::string what =
        fmt::format("destination \"{}\" ({} items, audience {})", name, items.size(), audience.id);
    std::vector<LonLat> positions;
    positions.reserve(items.size());
    for (const OfferItem& item : items) positions.push_back(item.position);
    PerimeterParams params;
    params.levels = {level};
    auto perimeter = compute_perimeter(positions, item_weights(audience, items), params);
    if (!perimeter) return tl::unexpected(perimeter.error().with_context(what));
    if (perimeter->levels.empty() || perimeter->levels.front().geometry.empty())
        return fail(fmt::format("{}: no polygon at level {}", what, level));
    Territory t;
    t.name = name;
    t.code = code;
    t.level = TerritoryLevel::competitor;
    t.source = "perimeter";
    t.geometry = std::move(perimeter->levels.front().geometry);
    return t;
}

}  // namespace geo
