#pragma once
// Internal to geo/store: writes shared by the catalogue's import paths.
// Each runs on the caller's connection, inside its transaction unless it
// opens one.
// Threads: each call uses `db` on the calling thread. Catalogue opens its
//   connection SQLITE_OPEN_NOMUTEX, so `db` (owned by one Catalogue, see
//   catalogue.hpp) must not be in use on another thread meanwhile.
// Failures: SQLite's message (sqlite3_errmsg) on a failed prepare or step;
//   check_integrity: "the catalogue file is damaged (<at most 5 problems>);
//   `territoire check` tells more; restore a backup"; begin_import adds
//   ". Nothing was written", and when upsert_source fails its transaction is
//   rolled back as it goes out of scope. No message names the file: callers
//   add the catalogue path (with_context). Nothing is thrown.
#include <map>
#include <optional>
#include <string_view>
#include <unordered_set>

#include <sqlite3.h>

#include "geo/core/error.hpp"
#include "geo/store/catalogue.hpp"
#include "geo/store/sqlite_util.hpp"

namespace geo::store {

// The keys of one import's territories (level + code, or level + name when
// there is no code): a repeat would silently overwrite the first record, so
// it is skipped with a reason naming both. Shared by both backends.
class TerritoryKeys {
public:
    // "CODE NAME", or "NAME" when there is no code.
    static std::string record(const Territory& t);
    // The skip of `t` when its key was already seen; remembers it otherwise.
    std::optional<SkippedRecord> repeat(const Territory& t);

private:
    std::map<std::pair<std::string, std::string>, std::string> m_first;
};

// The skip of an item whose source_id this import already had (the first
// is kept), or nullopt. `seen` holds the import's source ids so far.
std::optional<SkippedRecord> repeated_item(std::unordered_set<std::string>& seen, const OfferItem& item,
                                           const SourceInfo& source);
// The skip of `item`, a repeat of an earlier source_id of this import.
SkippedRecord duplicate_item(const OfferItem& item, const SourceInfo& source);

// Inserts or refreshes the row of `source` in the sources table.
Result<void> upsert_source(sqlite3* db, const SourceInfo& source);

// PRAGMA integrity_check (5 problems at most): fails with what it found when
// the file is damaged. ~1.5 ms per MB of catalogue here, so every import and
// `info` afford it (quick_check would miss an index that lost rows).
Result<void> check_integrity(sqlite3* db);

// Checks the file (integrity_check), then opens an import's transaction (rolled
// back unless committed) and records its source in it.
Result<Transaction> begin_import(sqlite3* db, const SourceInfo& source);

}  // namespace geo::store
