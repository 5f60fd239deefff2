#pragma once
// What an importer hands to the catalogue: the source, the parsed items and
// the report of what was read and skipped. Importers never write to the
// catalogue themselves: parsing is separate from the one-transaction upsert.
// Threads: plain values, safe to move between threads (the GUI imports on a
// worker with its own Catalogue). Failures: none here; a parser that fails
// returns an Error instead, and the records it skipped are listed in
// report.skipped with their reason.
#include <cstdint>
#include <functional>
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

// A streamed import (stream_datatourisme, stream_gdal_items): `open` is
// called once, before the first batch, with the source and the number of
// records expected; then `batch` with each run of kept items, in source
// order. An error from either stops the read and is returned.
struct ItemStream {
    std::function<Result<void>(const SourceInfo& source, std::int64_t records)> open;
    std::function<Result<void>(const std::vector<OfferItem>& batch)> batch;
};

struct ParsedTerritories {
    SourceInfo source;
    std::vector<Territory> territories;
    ImportReport report;
};

}  // namespace geo
