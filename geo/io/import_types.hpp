#pragma once
// What an importer hands to the catalogue: the source, the parsed items and
// the report of what was read and skipped. Importers never write to the
// catalogue themselves: parsing is separate from the one-transaction upsert.
#include <vector>

#include "geo/core/offer.hpp"
#include "geo/store/catalogue.hpp"

namespace geo {

struct ParsedItems {
    SourceInfo source;
    std::vector<OfferItem> items;
    ImportReport report;  // read / skipped / unknown types filled by the parser
};

struct ParsedTerritories {
    SourceInfo source;
    std::vector<Territory> territories;
    ImportReport report;
};

}  // namespace geo
