#pragma once
// What an importer hands to the catalogue: the source, the parsed items and
// the report of what was read and skipped. Importers never write to the
// catalogue themselves: parsing is separate from the one-transaction upsert.
// Threads: plain values, safe to move between threads (the GUI imports on a
// worker with its own Catalogue). Failures: none here; a parser that fails
// returns an Error instead, and the records it skipped are listed in
// report.skipped with their reason.
#include <vector>

#include "geo/core/offer.hpp"
#include "geo/core/theme_names.hpp"
#include "geo/store/catalogue.hpp"

namespace geo {

struct ParsedItems {
    SourceInfo source;
    std::vector<OfferItem> items;
    ImportReport report;                 // read / skipped / unknown types filled by the parser
    std::vector<ThemeName> theme_names;  // by id, each once, when the source names its themes
};

struct ParsedTerritories {
    SourceInfo source;
    std::vector<Territory> territories;
    ImportReport report;
};

}  // namespace geo
