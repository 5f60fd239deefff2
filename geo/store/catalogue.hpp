#pragma once
// The catalogue: one SpatiaLite file per project holding offer items,
// territories, sources, audiences and computed perimeters, all in WGS 84
// (EPSG:4326) with spatial indexes, readable by QGIS / ogrinfo.
//
// Ownership: a Catalogue owns its sqlite3 connection (move-only). Not
// thread-safe: one Catalogue per thread (open the same file again).
// Failure: every call returns Result; a failed write rolls back, leaving the
// file as it was. A file that is not a catalogue, or has a newer schema, is
// refused and left untouched.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"
#include "geo/core/theme_names.hpp"
#include "geo/detail/handles.hpp"

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

    // Opens (and in create_or_open mode creates, or migrates to the current
    // schema) a catalogue file. A read-only open of an older schema that
    // only lacks columns (schema 2: the prices) reads it as it is, without
    // migrating it. A hot journal left by a writer that was killed
    // (PATH-journal) is rolled back first, also for read_only (SQLite's own
    // recovery, which needs write access once); when the file cannot be
    // written the message says so instead of "attempt to write a readonly
    // database".
    static Result<Catalogue> open(const std::string& path, Mode mode = Mode::create_or_open);

    Catalogue(Catalogue&&) noexcept = default;
    Catalogue& operator=(Catalogue&&) noexcept = default;
    ~Catalogue() = default;

    [[nodiscard]] const std::string& path() const { return m_path; }
    // Opened read-only, or the file (or its folder) cannot be written.
    [[nodiscard]] bool read_only() const { return m_read_only; }
    // The file's schema version (kSchemaVersion unless read-only and older).
    [[nodiscard]] int schema_version() const { return m_schema_version; }

    // Inserts or updates (key: source.key + source_id) the items of one
    // import in one transaction: all land, or none. Items whose source_id
    // repeats within `items` are skipped with a reason. Fills
    // report.imported and report.updated; appends to report.skipped. The
    // source's theme names, when it gives them, land in the same transaction
    // (a name already held is replaced, an empty one never overwrites).
    Result<void> upsert_items(const SourceInfo& source, const std::vector<OfferItem>& items, ImportReport& report,
                              Progress progress = {}, const std::vector<ThemeName>& theme_names = {});
    // Same for territories (key: level + code, or level + name when no code).
    Result<void> upsert_territories(const SourceInfo& source, const std::vector<Territory>& territories,
                                    ImportReport& report, Progress progress = {});

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

    // Full consistency check (PRAGMA integrity_check, CheckSpatialIndex on
    // every geometry table, counts). Reads only; may take seconds on a large file.
    [[nodiscard]] Result<CatalogueCheck> check() const;
    // The quick verdict every import and `info` afford (PRAGMA
    // integrity_check, 5 problems at most): fails with "PATH: the catalogue
    // file is damaged (…)" when it is not sound.
    [[nodiscard]] Result<void> check_sound() const;

    // Raw handle for geo/store internals and tests.
    [[nodiscard]] sqlite3* db() const { return m_db.get(); }

private:
    Catalogue(std::string path, detail::SqliteDb db, bool read_only, int schema_version);

    std::string m_path;
    detail::SqliteDb m_db;
    bool m_read_only = false;
    int m_schema_version = kSchemaVersion;
};

}  // namespace geo
