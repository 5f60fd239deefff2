#pragma once
// The provenance block that the analysis subcommands (compare, gaps) write
// into their files: generator, date (UTC), catalogue, audience (id, names,
// family weights, season), parameters, and the sources of the items used with
// their licences and attributions.
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "geo/analysis/audience.hpp"
#include "geo/core/offer.hpp"
#include "geo/store/catalogue.hpp"

namespace app::cli {

nlohmann::json analysis_provenance(std::string_view generator, const geo::Catalogue& catalogue,
                                   const geo::Audience& audience, nlohmann::json parameters,
                                   const std::vector<geo::OfferItem>& items);

}  // namespace app::cli
