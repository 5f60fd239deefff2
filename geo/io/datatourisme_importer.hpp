#pragma once
// DATAtourisme importer: reads a feed ("flux" JSON-LD complet: index.json,
// context.jsonld, objects/**/*.json), as a folder or a .zip, into offer items.
//
// Positions are WGS 84 lon/lat degrees, read from
// isLocatedAt[].schema:geo.schema:latitude/longitude (strings or numbers).
// Families and subtypes come from the taxonomy (@type, refined by hasTheme),
// labels from hasReview[].hasReviewValue.@id, opening months from
// openingHoursSpecification validFrom/validThrough (events: their periods);
// 0 months = unknown, treated as open all year.
//
// Failure: a path that is not a feed (missing, or neither index.json nor
// objects/) is an error. Everything wrong inside a feed is reported, never
// thrown: each object that cannot be used becomes a SkippedRecord naming its
// file (e.g. `objects/4/4c/x.json`, `latitude "147.61" outside [-90, 90]`);
// files listed in index.json but missing are skipped records too, and the
// unlisted files of objects/ are then read. Repeated @id: the first wins.
// Items come out in index order, identical for a folder and its zip.
// Threads: objects are parsed in parallel (TBB); progress is called on the
// calling thread; returning false from it cancels (an error). The taxonomy is
// only read.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"
#include "geo/core/taxonomy.hpp"
#include "geo/io/import_types.hpp"

namespace geo {

inline constexpr const char* kDatatourismeLicence = "Licence Ouverte 2.0 (Etalab)";
inline constexpr const char* kDatatourismeAttribution = "DATAtourisme";

Result<ParsedItems> parse_datatourisme(const std::string& path, const Taxonomy& taxonomy, Progress progress = {});

// The feed streamed, for feeds too large to hold (the national one: 512,000
// objects, 11 GB), through an ItemStream (import_types.hpp): `open` once the
// feed is listed, with its object count; then `batch` with each run of kept
// items (at most 512, in feed order) while the next run is parsed. The result
// holds the report and theme names, no items.
Result<ParsedItems> stream_datatourisme(const std::string& path, const Taxonomy& taxonomy, const ItemStream& stream,
                                        Progress progress = {});

}  // namespace geo
