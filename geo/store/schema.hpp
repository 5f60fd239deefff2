#pragma once
// The catalogue schema and its migrations. Version N is reached by applying
// migrations 1..N in order, each inside the caller's transaction; the version
// is kept in territoire_meta('schema_version').
//   1: sources, offer_items (POINT 4326, spatial index), territories
//      (MULTIPOLYGON 4326, spatial index)
//   2: audiences, perimeters (MULTIPOLYGON 4326, spatial index)
#include "geo/core/error.hpp"
#include "geo/detail/handles.hpp"

namespace geo::store {

inline constexpr int kLatestSchemaVersion = 2;

// Schema version of an open database: 0 when it has no tables at all
// (a new file), -1 when it has tables but is not a Territoire catalogue.
Result<int> schema_version(sqlite3* db);

// Applies the migrations from `from_version` + 1 up to `to_version`.
// The caller owns the transaction.
Result<void> migrate(sqlite3* db, int from_version, int to_version);

}  // namespace geo::store
