#pragma once
// The catalogue: offer items, territories, sources, audiences and computed
// perimeters, all in WGS 84 (EPSG:4326) with spatial indexes, readable by
// QGIS / ogrinfo. Either one SpatiaLite file per project, or a PostGIS
// database shared by several offices (schema `territoire`).
//
// Ownership: a Catalogue owns its backend and its one connection
// (sqlite3 or PGconn; move-only). Not thread-safe: one Catalogue per thread
// (open the same catalogue again).
// Failure: every call returns Result; a failed write rolls back, leaving the
// file as it was. A file that is not a catalogue, or has a newer schema, is
// refused and left untouched.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"
#include "geo/core/theme_names.hpp"
#include "geo/detail/handles.hpp"
#include "geo/store/catalogue_backend.hpp"

namespace geo {

// Where offer items or territories came from, with the licence to cite.
struct SourceInfo {
    std::string key;          // unique: "datatourisme", "osm", "file:poi.gpkg"
    std::string kind;         // "datatourisme" | "osm" | "gdal" | "territories" | "demo"
    std::string path;         // as given at import
    std::string licence;      // e.g. "Licence Ouverte 2.0 (Etalab)", "ODbL 1.0"
    std::string attribution;  // e.g. "© OpenStreetMap contributors"
    std::string imported_at;  // ISO 8601 UTC, set by the catalogue
};

struct ItemFilter {
    std::vector<Family> families;              // empty: all
    std::vector<std::string> labels;           // any of these label ids; empty: all
    std::vector<std::string> sources;          // any of these source keys; empty: all
    std::vector<std::string> producers;        // any of these producers; empty: all
    std::optional<LonLatBox> bbox;             // inside this box
    std::optional<std::int64_t> territory_id;  // inside this territory's polygon
};

struct TerritoryFilter {
    std::optional<TerritoryLevel> level;
    std::optional<std::string> code;
    std::optional<std::string> name;
    std::optional<std::int64_t> id;
    bool with_geometry = true;
};

struct CatalogueInfo {
    int schema_version = 0;
    std::int64_t item_count = 0;
    std::map<std::string, std::int64_t> items_per_family;  // family id → count
    std::map<std::string, std::int64_t> items_per_label;
    std::map<std::string, std::int64_t> items_per_source;
    std::map<std::string, std::int64_t> territories_per_level;
    LonLatBox extent;  // of the items and territories
};

struct StoredPerimeter {
    std::int64_t id = 0;
    std::string audience_id;
    double level = 0.8;       // share of the weighted offer mass
    std::string params_json;  // parameters and provenance
    std::string stats_json;   // statistics
    std::string created_at;
    MultiPolygon geometry;  // WGS 84
};

// What `territoire check` reports: SQLite's integrity check, SpatiaLite's
// spatial index consistency per geometry table, and the row counts.
struct CatalogueCheck {
    std::vector<std::string> problems;  // empty: the catalogue is sound
    std::int64_t items = 0, territories = 0, perimeters = 0, sources = 0;
    [[nodiscard]] bool ok() const { return problems.empty(); }
};

class Catalogue {
public:
    static constexpr int kSchemaVersion = 4;
    enum class Mode { create_or_open, open_existing, read_only };

    // Opens a catalogue: a SpatiaLite file, or a PostGIS database when
    // `path` is a PostgreSQL address (is_database_address: postgresql://…,
    // postgres://…, or PG:<libpq keywords>, e.g. "PG:service=observatoire").
    //
    // A file is created in create_or_open mode (or migrated to the current
    // schema). A read-only open of an older schema that only lacks columns
    // (schema 2: the prices) reads it as it is, without migrating it. A hot
    // journal left by a writer that was killed (PATH-journal) is rolled back
    // first, also for read_only (SQLite's own recovery, which needs write
    // access once); when the file cannot be written the message says so
    // instead of "attempt to write a readonly database".
    //
    // A database gets the schema `territoire` (postgis_catalogue.hpp) in
    // create_or_open mode; credentials come only from libpq's environment,
    // service file or password file, and an address holding a password is
    // refused.
    static Result<Catalogue> open(const std::string& path, Mode mode = Mode::create_or_open);

    Catalogue(Catalogue&&) noexcept;
    Catalogue& operator=(Catalogue&&) noexcept;
    ~Catalogue();

    // The file path, or the database address as given (it holds no password).
    [[nodiscard]] const std::string& path() const;
    // Opened read-only, or the file (or its folder) cannot be written, or the
    // database role may not write the catalogue's tables.
    [[nodiscard]] bool read_only() const;
    // The catalogue's schema version (kSchemaVersion unless read-only and older).
    [[nodiscard]] int schema_version() const;
    // "spatialite" or "postgis".
    [[nodiscard]] std::string_view kind() const;

    // Inserts or updates (key: source.key + source_id) the items of one
    // import in one transaction: all land, or none. Items whose source_id
    // repeats within `items` are skipped with a reason. Fills
    // report.imported and report.updated; appends to report.skipped. The
    // source's theme names, when it gives them, land in the same transaction
    // (a name already held is replaced, an empty one never overwrites).
    // On PostGIS, two imports of one source take turns (the second waits,
    // and says so through the wait notice); imports of different sources
    // run side by side.
    Result<void> upsert_items(const SourceInfo& source, const std::vector<OfferItem>& items, ImportReport& report,
                              Progress progress = {}, const std::vector<ThemeName>& theme_names = {});
    // The same import in batches, for a source too large to hold in memory
    // (item_import.hpp): begin (the source row, and on PostGIS the wait for
    // another import of the source), write batches, finish. `expected_items`
    // (0 when not known) picks the bulk path and is the progress total.
    Result<std::unique_ptr<ItemImport>> begin_items(const SourceInfo& source, ImportReport& report,
                                                    std::int64_t expected_items = 0, Progress progress = {});
    // Same for territories (key: level + code, or level + name when no code).
    Result<void> upsert_territories(const SourceInfo& source, const std::vector<Territory>& territories,
                                    ImportReport& report, Progress progress = {});
    // Sets a held source's import date (ISO 8601), as `catalogue copy` does.
    Result<void> set_imported_at(const std::string& source_key, const std::string& imported_at);
    // Called with a sentence before an import waits for another one.
    void set_wait_notice(std::function<void(const Error&)> notice);

    [[nodiscard]] Result<std::vector<OfferItem>> items(const ItemFilter& filter = {}) const;
    [[nodiscard]] Result<std::vector<Territory>> territories(const TerritoryFilter& filter = {}) const;
    [[nodiscard]] Result<std::vector<SourceInfo>> sources() const;
    // Every theme name held, by id (none in files older than schema 4).
    [[nodiscard]] Result<std::vector<ThemeName>> theme_names() const;
    [[nodiscard]] Result<CatalogueInfo> info() const;

    // Audiences, stored as their JSON text (see geo/analysis/audience.hpp).
    Result<void> save_audience(const std::string& id, const std::string& json);
    [[nodiscard]] Result<std::optional<std::string>> audience_json(const std::string& id) const;
    [[nodiscard]] Result<std::vector<std::string>> audience_ids() const;

    // Computed perimeters. Returns the new row id.
    Result<std::int64_t> save_perimeter(const StoredPerimeter& perimeter);
    [[nodiscard]] Result<std::vector<StoredPerimeter>> perimeters(
        const std::optional<std::string>& audience_id = std::nullopt) const;

    // Full consistency check. SpatiaLite: PRAGMA integrity_check,
    // CheckSpatialIndex on every geometry table, counts. PostGIS: the
    // schema's tables, GiST indexes and geometry types, counts. Reads only;
    // may take seconds on a large catalogue.
    [[nodiscard]] Result<CatalogueCheck> check() const;
    // The quick verdict every import and `info` afford (PRAGMA
    // integrity_check, 5 problems at most): fails with "PATH: the catalogue
    // file is damaged (…)" when it is not sound. A database is kept sound
    // by its server: always passes.
    [[nodiscard]] Result<void> check_sound() const;

    // Raw handle for geo/store internals and tests; nullptr on PostGIS.
    [[nodiscard]] sqlite3* db() const;

private:
    explicit Catalogue(std::unique_ptr<store::CatalogueBackend> backend);

    std::unique_ptr<store::CatalogueBackend> m_backend;
};

// A PostgreSQL address rather than a file: postgresql://…, postgres://…
// or PG:… (GDAL's form, libpq keywords after the colon).
[[nodiscard]] bool is_database_address(std::string_view path);

}  // namespace geo
