#pragma once
// One DATAtourisme JSON-LD object → one offer item, or the precise reason it
// was skipped (internal to geo/io; see datatourisme_importer.hpp). Pure: no
// I/O, no globals; safe to call from several threads with the same Taxonomy.
// Never throws: malformed JSON, invalid UTF-8, missing fields and wrong types
// all become a reason.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/core/offer.hpp"
#include "geo/core/taxonomy.hpp"
#include "geo/core/theme_names.hpp"

namespace geo::detail {

struct ParsedObject {
    std::optional<OfferItem> item;            // set when the object was kept
    std::optional<Error> skip_reason;         // set when it was not, e.g. `latitude "147.61" outside [-90, 90]`
    std::vector<std::string> unknown_types;   // classes absent from the taxonomy
    std::vector<std::string> unknown_labels;  // LabelRating review ids absent from the taxonomy
    std::vector<Error> warnings;              // kept, but something was off
    std::vector<ThemeName> theme_names;       // names its hasTheme entries give (rdfs:label)
};

ParsedObject parse_datatourisme_object(std::string_view bytes, const Taxonomy& taxonomy);

// "2020-06-05T00:00:00" … "2020-10-25" → June…October. Ranges of a year or
// more give all months; a range ending before it starts wraps over New Year.
// nullopt when a date is not "YYYY-MM…".
std::optional<MonthMask> month_range(std::string_view from, std::string_view through);

}  // namespace geo::detail
