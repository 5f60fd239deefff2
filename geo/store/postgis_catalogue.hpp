#pragma once
// Internal to geo/store: the catalogue in a PostgreSQL / PostGIS database,
// shared by several offices.
//
// Schema `territoire` (postgis_schema.cpp), the same tables and columns as
// the SpatiaLite file: sources, offer_items (geometry(Point,4326)),
// territories and perimeters (geometry(MultiPolygon,4326)), each geometry
// with a GiST index, audiences, theme_names, and territoire_meta holding
// schema_version. Lists are kept as the same JSON text.
//
// Imports: one transaction each. Items are sent with COPY into a temporary
// table, then merged with INSERT … ON CONFLICT (source, source_id) DO
// UPDATE, so an import lands whole or not at all, also when its process is
// killed (the server rolls back a transaction whose connection is gone).
// Two imports of one source take turns on a transaction advisory lock keyed
// by the source (the second says it waits, through the wait notice);
// imports of territories take turns on one lock; other imports run side by
// side.
//
// Rights: a role that may not insert into offer_items opens the catalogue
// read-only (a partner's read-only account); Mode::read_only also sets the
// session read-only, so that the server refuses any write.
//
// Ownership: owns its PGconn: one thread at a time.
// Failures: Result, with the address in front; the server's message after
//   "PostgreSQL: ". Nothing is thrown.
#include <memory>
#include <string>

#include "geo/detail/handles.hpp"
#include "geo/store/catalogue.hpp"
#include "geo/store/catalogue_backend.hpp"

namespace geo::store {

class PostgisCatalogue final : public CatalogueBackend {
public:
    static Result<std::unique_ptr<CatalogueBackend>> open(const std::string& address, Catalogue::Mode mode);

    [[nodiscard]] const std::string& path() const override { return m_path; }
    [[nodiscard]] bool read_only() const override { return m_read_only; }
    [[nodiscard]] int schema_version() const override { return m_schema_version; }
    [[nodiscard]] std::string_view kind() const override { return "postgis"; }

    Result<std::unique_ptr<ItemImport>> begin_items(const SourceInfo& source, ImportReport& report,
                                                    std::int64_t expected_items, Progress progress) override;
    Result<void> upsert_territories(const SourceInfo& source, const std::vector<Territory>& territories,
                                    ImportReport& report, Progress progress) override;
    Result<void> set_imported_at(const std::string& source_key, const std::string& imported_at) override;

    [[nodiscard]] Result<std::vector<OfferItem>> items(const ItemFilter& filter) const override;
    [[nodiscard]] Result<std::vector<Territory>> territories(const TerritoryFilter& filter) const override;
    [[nodiscard]] Result<std::vector<SourceInfo>> sources() const override;
    [[nodiscard]] Result<std::vector<ThemeName>> theme_names() const override;
    [[nodiscard]] Result<CatalogueInfo> info() const override;

    Result<void> save_audience(const std::string& id, const std::string& json) override;
    [[nodiscard]] Result<std::optional<std::string>> audience_json(const std::string& id) const override;
    [[nodiscard]] Result<std::vector<std::string>> audience_ids() const override;

    Result<std::int64_t> save_perimeter(const StoredPerimeter& perimeter) override;
    [[nodiscard]] Result<std::vector<StoredPerimeter>> perimeters(
        const std::optional<std::string>& audience_id) const override;

    [[nodiscard]] Result<CatalogueCheck> check() const override;
    [[nodiscard]] Result<void> check_sound() const override { return {}; }

private:
    PostgisCatalogue(std::string address, detail::PgConn conn, bool read_only, int schema_version);

    // Within an import's transaction: takes the advisory lock named `lock`,
    // first saying `waiting` through the wait notice when another
    // connection holds it.
    Result<void> lock_for_import(const std::string& lock, const Error& waiting);

    std::string m_path;
    detail::PgConn m_conn;
    bool m_read_only = false;
    int m_schema_version = Catalogue::kSchemaVersion;
};

// Internal to the PostGIS backend (postgis_schema.cpp), within the caller's
// transaction: the schema version held (0: no schema `territoire`, -1: a
// schema `territoire` that is not a catalogue); the creation of the
// extension and the schema; the search path (territoire, then the schema
// holding PostGIS), set for the session.
Result<int> postgis_schema_version(PGconn* conn);
Result<void> postgis_create_schema(PGconn* conn);
Result<void> postgis_set_search_path(PGconn* conn);

// Hex text of a WKB, and back (PostGIS reads and writes WKB as hex here).
std::string to_hex(const std::vector<std::uint8_t>& bytes);
std::vector<std::uint8_t> from_hex(std::string_view hex);

}  // namespace geo::store
