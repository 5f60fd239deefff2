#pragma once
// Bulk loading of an SQLite R*Tree (the virtual table behind a SpatiaLite
// spatial index) from a list of boxes, packed bottom-up with
// Sort-Tile-Recursive instead of one R*Tree insertion per row: 500,000
// points load in well under a second instead of about 10 s.
//
// The table `name` must be a 2-D `rtree(pkid, xmin, xmax, ymin, ymax)`; its
// content is replaced. Writes the shadow tables name_node / name_rowid /
// name_parent in SQLite's documented R*Tree format (big-endian 16-bit depth
// and cell count, then cells of a 64-bit id and four 32-bit floats rounded
// outwards), with the node size the table was created with. Runs inside the
// caller's transaction; on failure the caller rolls back. Coordinates are
// whatever the index holds (lon/lat degrees for the catalogue). Writing the
// shadow tables needs SQLite's defensive mode off (the default).
// Threads: runs on the caller's connection and thread; `db` must not be in
//   use on another thread meanwhile (NOMUTEX connection, one Catalogue per
//   thread).
// Failures: a missing root node or one too small for two cells ("R*Tree NAME:
//   unexpected node size N"), SQLite errors on the shadow tables (their
//   message, with "R*Tree NAME" for a failed prepare). On failure the shadow
//   tables are left half written: the caller must roll back. `name` is put in
//   double quotes but not escaped: pass only the catalogue's own index names
//   (idx_offer_items_geom). Nothing is thrown.
#include <cstdint>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "geo/core/error.hpp"

namespace geo::store {

struct RtreeBox {
    std::int64_t id = 0;
    double min_x = 0.0, max_x = 0.0, min_y = 0.0, max_y = 0.0;
};

Result<void> bulk_load_rtree(sqlite3* db, const std::string& name, std::vector<RtreeBox> boxes);

}  // namespace geo::store
