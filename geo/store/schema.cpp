#include "geo/store/schema.hpp"

#include <string>

#include "geo/store/sqlite_util.hpp"

namespace geo::store {
namespace {

const char* const kMigration1 = R"SQL(
SELECT InitSpatialMetaData(0, 'WGS84');
CREATE TABLE territoire_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO territoire_meta VALUES ('application', 'territoire');
CREATE TABLE sources (
  key TEXT PRIMARY KEY, kind TEXT NOT NULL, path TEXT NOT NULL DEFAULT '',
  licence TEXT NOT NULL DEFAULT '', attribution TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL);
CREATE TABLE offer_items (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL REFERENCES sources(key),
  source_id TEXT NOT NULL,
  name TEXT NOT NULL,
  family TEXT NOT NULL,
  subtypes TEXT NOT NULL DEFAULT '[]',
  labels TEXT NOT NULL DEFAULT '[]',
  themes TEXT NOT NULL DEFAULT '[]',
  opening_months INTEGER NOT NULL DEFAULT 0,
  producer TEXT NOT NULL DEFAULT '',
  commune_insee TEXT NOT NULL DEFAULT '',
  extra TEXT NOT NULL DEFAULT '{}',
  lon REAL NOT NULL,
  lat REAL NOT NULL,
  UNIQUE (source, source_id));
SELECT AddGeometryColumn('offer_items', 'geom', 4326, 'POINT', 'XY');
SELECT CreateSpatialIndex('offer_items', 'geom');
CREATE INDEX offer_items_family ON offer_items(family);
CREATE TABLE territories (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  code TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT '');
SELECT AddGeometryColumn('territories', 'geom', 4326, 'MULTIPOLYGON', 'XY');
SELECT CreateSpatialIndex('territories', 'geom');
CREATE INDEX territories_level_code ON territories(level, code);
)SQL";

const char* const kMigration2 = R"SQL(
CREATE TABLE audiences (id TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE perimeters (
  id INTEGER PRIMARY KEY,
  audience_id TEXT NOT NULL,
  level REAL NOT NULL,
  params TEXT NOT NULL DEFAULT '{}',
  stats TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL);
SELECT AddGeometryColumn('perimeters', 'geom', 4326, 'MULTIPOLYGON', 'XY');
SELECT CreateSpatialIndex('perimeters', 'geom');
)SQL";

// Prices of the offer (DATAtourisme minPrice), NULL when the record has none.
const char* const kMigration3 = R"SQL(
ALTER TABLE offer_items ADD COLUMN min_price_eur REAL;
)SQL";

// Theme names as the sources give them (geo/core/theme_names.hpp).
const char* const kMigration4 = R"SQL(
CREATE TABLE theme_names (id TEXT PRIMARY KEY, name_fr TEXT NOT NULL DEFAULT '', name_en TEXT NOT NULL DEFAULT '');
)SQL";

const char* const kMigrations[] = {kMigration1, kMigration2, kMigration3, kMigration4};

}  // namespace

Result<int> schema_version(sqlite3* db) {
    auto tables = query_int(db, "SELECT count(*) FROM sqlite_master");
    if (!tables) return tl::unexpected(tables.error());
    if (*tables == 0) return 0;
    auto has_meta = query_int(db, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='territoire_meta'");
    if (!has_meta) return tl::unexpected(has_meta.error());
    if (*has_meta == 0) return -1;
    auto version = query_int(db, "SELECT CAST(value AS INTEGER) FROM territoire_meta WHERE key='schema_version'");
    if (!version) return 1;  // version 1 catalogues written before the key existed
    return static_cast<int>(*version);
}

Result<void> migrate(sqlite3* db, int from_version, int to_version) {
    for (int v = from_version + 1; v <= to_version; ++v) {
        if (auto ok = exec(db, kMigrations[v - 1]); !ok)
            return tl::unexpected(ok.error().with_context_fmt("migration to schema {}", std::to_string(v)));
        if (auto ok = exec(
                db, "INSERT OR REPLACE INTO territoire_meta VALUES ('schema_version', '" + std::to_string(v) + "')");
            !ok)
            return tl::unexpected(ok.error());
    }
    // SpatiaLite's functions report failure by value, not as SQL errors:
    // check that every geometry column registered.
    auto registered = query_int(db, "SELECT count(*) FROM geometry_columns");
    if (!registered) return tl::unexpected(registered.error());
    const int expected = to_version >= 2 ? 3 : 2;
    if (*registered != expected)
        return fail_fmt("SpatiaLite did not register the geometry columns ({} of {})", std::to_string(*registered),
                        std::to_string(expected));
    return {};
}

}  // namespace geo::store
