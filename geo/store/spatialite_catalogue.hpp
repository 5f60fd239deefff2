#pragma once
// Internal to geo/store: the catalogue as one SpatiaLite file (schema.hpp).
// Opening: catalogue.cpp; writes of items: catalogue_items.cpp; reads:
// catalogue_query.cpp. The contract of each call is Catalogue's
// (catalogue.hpp).
// Ownership: owns its sqlite3 connection, opened SQLITE_OPEN_NOMUTEX: one
//   thread at a time.
// Failures: Result, with the file path in front; nothing is thrown.
#include <memory>
#include <string>

#include "geo/detail/handles.hpp"
#include "geo/store/catalogue.hpp"
#include "geo/store/catalogue_backend.hpp"

namespace geo::store {

class SpatialiteCatalogue final : public CatalogueBackend {
public:
    static Result<std::unique_ptr<CatalogueBackend>> open(const std::string& path, Catalogue::Mode mode);

    [[nodiscard]] const std::string& path() const override { return m_path; }
    [[nodiscard]] bool read_only() const override { return m_read_only; }
    [[nodiscard]] int schema_version() const override { return m_schema_version; }
    [[nodiscard]] std::string_view kind() const override { return "spatialite"; }

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
    [[nodiscard]] Result<void> check_sound() const override;

    [[nodiscard]] sqlite3* sqlite_handle() const override { return m_db.get(); }

private:
    SpatialiteCatalogue(std::string path, detail::SqliteDb db, bool read_only, int schema_version);

    std::string m_path;
    detail::SqliteDb m_db;
    bool m_read_only = false;
    int m_schema_version = Catalogue::kSchemaVersion;
};

}  // namespace geo::store
