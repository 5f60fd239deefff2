#include "geo/analysis/offer_destination.hpp"

#include <fmt/format.h>

#include "geo/analysis/audience_perimeter.hpp"

namespace geo {

Result<Territory> offer_destination(const std::vector<OfferItem>& items, const Audience& audience, double level,
                                    const std::string& name, const std::string& code) {
    const std::string what = fmt::format("destination \"{}\" ({} items, audience {})", name, items.size(), audience.id);
    auto use_case = AudiencePerimeter::create(std::make_shared<const std::vector<OfferItem>>(items), nullptr);
    if (!use_case) return tl::unexpected(use_case.error().with_context(what));
    PerimeterParams params;
    params.levels = {level};
    auto run = use_case->run(audience, params, false);
    if (!run) return tl::unexpected(run.error().with_context(what));
    auto& perimeter = run->result;
    if (perimeter.levels.empty() || perimeter.levels.front().geometry.empty())
        return fail_fmt("{}: no polygon at level {}", what, level);
    Territory t;
    t.name = name;
    t.code = code;
    t.level = TerritoryLevel::competitor;
    t.source = "perimeter";
    t.geometry = std::move(perimeter.levels.front().geometry);
    return t;
}

}  // namespace geo
