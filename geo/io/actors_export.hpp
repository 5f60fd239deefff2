#pragma once
// Exports of the actors to federate (geo/analysis/actors.hpp) as one CSV
// ready for a mailing merge, one row per actor:
//   kind      "territory" | "producer" | "labelled_operators"
//   level     the territory level (commune, epci, departement, reference…);
//             "" for producers and labelled operators
//   name      the unit's name, the producer's name ("" when the records name
//             none), or the label id for a labelled group
//   code      the unit's code; "" otherwise
//   family    family id of a labelled group (and its French / English name)
//   label     label id of a labelled group
//   item_count, weighted_item_count    items inside the perimeter (territory
//             rows: empty)
//   share_of_perimeter, share_of_unit  territory rows only
//   items     the items' names, " ; " between them, catalogue order
//   communes  the items' distinct INSEE codes, " ; " between them
//   websites  the items' distinct websites (extra "website"), " ; " between them
// Rows: territories (border report order), producers, labelled groups.
// Text cells formula-neutralised unless CsvCells::raw. Also a plain text
// summary for stdout (actors_text()).
// Files are written atomically. Failures: an extension other than .csv,
// unwritable file or missing folder (the path is named; the destination is
// left as it was). Nothing is thrown.
// Threads: the builders are pure; write_actors() touches only its own file.
#include <cstdint>
#include <string>
#include <vector>

#include "geo/analysis/actors.hpp"
#include "geo/core/error.hpp"
#include "geo/io/table_output.hpp"

namespace geo {

// `items`: those given to compute_actors().
TextTable actors_csv_table(const ActorsResult& result, const std::vector<OfferItem>& items);
std::string actors_text(const ActorsResult& result, const std::vector<OfferItem>& items);

// Returns the number of rows written.
Result<std::int64_t> write_actors(const std::string& path, const ActorsResult& result,
                                  const std::vector<OfferItem>& items, const CsvOptions& csv = {});

}  // namespace geo
