#pragma once
// The catalogue schema and its migrations. Version N is reached by applying
// migrations 1..N in order, each inside the caller's transaction; the version
// is kept in territoire_meta('schema_version').
//   1: sources, offer_items (POINT 4326, spatial index), territories
//      (MULTIPOLYGON 4326, spatial index)
//   2: audiences, perimeters (MULTIPOLYGON 4326, spatial index)
//   3: offer_items.min_price_eur (REAL, NULL when unknown). Schema 2 files can
//      be read without it (kOldestReadableSchemaVersion): the prices read as
//      unknown until the file is opened for writing, which migrates it.
//   4: theme_names (id, name_fr, name_en), filled by imports whose source
//      names its themes; older files read as having none.
// Threads: runs on the caller's connection and thread; `db` (owned by one
//   Catalogue, opened NOMUTEX) must not be in use on another thread meanwhile.
// Failures: SQLite's message; a failed migration says which ("migration to
//   schema N: …"); SpatiaLite functions that fail by value are caught by a
//   final count ("SpatiaLite did not register the geometry columns (n of m)").
//   The caller rolls back. Preconditions, not checked: 0 <= from_version and
//   to_version <= kLatestSchemaVersion. schema_version() reads any failure to
//   read the version key as version 1 (files written before the key existed).
//   Nothing is thrown.
#include "geo/core/error.hpp"
#include "geo/detail/handles.hpp"

namespace geo::store {

inline constexpr int kLatestSchemaVersion = 4;
inline constexpr int kOldestReadableSchemaVersion = 2;

// Schema version of an open database: 0 when it has no tables at all
// (a new file), -1 when it has tables but is not a Territoire catalogue.
Result<int> schema_version(sqlite3* db);

// Applies the migrations from `from_version` + 1 up to `to_version`.
// The caller owns the transaction.
Result<void> migrate(sqlite3* db, int from_version, int to_version);

}  // namespace geo::store
