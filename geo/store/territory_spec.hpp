#pragma once
// Resolving what a user types to name a territory to compare (command line
// --territory / --against, the benchmark panel):
//   LEVEL:CODE         a loaded territory, e.g. "departement:37", "commune:37261"
//   producer:NAME      the destination drawn from that producer's items
//   source:KEY         the destination drawn from that source's items
//   offer:LEVEL:CODE   the destination drawn from the items inside a loaded territory
//   NAME               a loaded territory by name (case-insensitive)
// Destinations are offer_destination() (geo/analysis/offer_destination.hpp) for
// `audience` at `level`. Reads the catalogue; not pure.
// Failures: nothing matches (the message lists what the catalogue holds at
// that level), an ambiguous name (the message lists the LEVEL:CODE choices),
// no item for a destination, catalogue errors; messages start with the
// catalogue's path (a malformed offer:… spec quotes the spec). Nothing is
// thrown.
// Threads: reads through `catalogue`, which is not thread-safe: call it on the
// thread that uses that Catalogue (offer_destination itself is pure).
#include <string>

#include "geo/analysis/audience.hpp"
#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"

namespace geo {
class Catalogue;

// A territory the catalogue holds, from LEVEL:CODE, LEVEL:NAME or NAME (the
// loaded-territory part of resolve_territory, for filters that need the
// territory's id: export --territory). Fails when nothing or more than one
// territory matches (the message lists what the catalogue holds, or the
// LEVEL:CODE choices), on an unknown level and on catalogue errors; messages
// start with the catalogue's path.
Result<Territory> find_loaded_territory(const Catalogue& catalogue, const std::string& spec);

Result<Territory> resolve_territory(const Catalogue& catalogue, const std::string& spec, const Audience& audience,
                                    double level = 0.8);

}  // namespace geo
