#pragma once
// Reads what the map shows from a catalogue file: its offer items,
// territories and sources (for the attribution). Meant to run on a worker
// thread (it opens its own read-only connection).
// Failure: the catalogue's own message (file, problem); nothing partial.
#include <string>
#include <vector>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"
#include "geo/store/catalogue.hpp"

namespace app::gui {

struct CatalogueSnapshot {
    std::string path;
    std::vector<geo::OfferItem> items;
    std::vector<geo::Territory> territories;
    std::vector<geo::SourceInfo> sources;
};

geo::Result<CatalogueSnapshot> load_catalogue_snapshot(const std::string& path);

// The attribution line for these sources: each source's own credit, once
// ("© OpenStreetMap contributors", "DATAtourisme / Licence Ouverte", …);
// empty when no source asks for one.
std::string attribution_for(const std::vector<geo::SourceInfo>& sources);
// "a, b", or whichever is not empty.
std::string join_credits(const std::string& a, const std::string& b);

}  // namespace app::gui
