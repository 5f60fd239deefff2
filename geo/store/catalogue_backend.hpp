#pragma once
// Internal to geo/store: what a catalogue backend does. Catalogue
// (catalogue.hpp) owns one and forwards to it; the backends are the
// SpatiaLite file (spatialite_catalogue.hpp) and the PostGIS database
// (postgis_catalogue.hpp). Each call keeps the contract written in
// catalogue.hpp: same rows, same order, same messages apart from the
// backend's own words, same all-or-nothing imports.
// Threads: as Catalogue: one backend per thread.
// Failures: Result; nothing is thrown.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"
#include "geo/core/theme_names.hpp"
#include "geo/store/item_import.hpp"

namespace geo {
struct SourceInfo;
struct ItemFilter;
struct TerritoryFilter;
struct CatalogueInfo;
struct StoredPerimeter;
struct CatalogueCheck;
}  // namespace geo

namespace geo::store {

class CatalogueBackend {
public:
    CatalogueBackend() = default;
    CatalogueBackend(const CatalogueBackend&) = delete;
    CatalogueBackend& operator=(const CatalogueBackend&) = delete;
    virtual ~CatalogueBackend() = default;

    // The catalogue's name in messages: the file path, or the database
    // address without credentials.
    [[nodiscard]] virtual const std::string& path() const = 0;
    [[nodiscard]] virtual bool read_only() const = 0;
    [[nodiscard]] virtual int schema_version() const = 0;
    // "spatialite" or "postgis".
    [[nodiscard]] virtual std::string_view kind() const = 0;

    // `expected_items`: how many the import will write, when known (0: not
    // known), for the backend's choice of bulk path and for progress.
    virtual Result<std::unique_ptr<ItemImport>> begin_items(const SourceInfo& source, ImportReport& report,
                                                            std::int64_t expected_items, Progress progress) = 0;
    virtual Result<void> upsert_territories(const SourceInfo& source, const std::vector<Territory>& territories,
                                            ImportReport& report, Progress progress) = 0;
    // Sets a source's import date as given (catalogue copy keeps the dates).
    virtual Result<void> set_imported_at(const std::string& source_key, const std::string& imported_at) = 0;

    [[nodiscard]] virtual Result<std::vector<OfferItem>> items(const ItemFilter& filter) const = 0;
    [[nodiscard]] virtual Result<std::vector<Territory>> territories(const TerritoryFilter& filter) const = 0;
    [[nodiscard]] virtual Result<std::vector<SourceInfo>> sources() const = 0;
    [[nodiscard]] virtual Result<std::vector<ThemeName>> theme_names() const = 0;
    [[nodiscard]] virtual Result<CatalogueInfo> info() const = 0;

    virtual Result<void> save_audience(const std::string& id, const std::string& json) = 0;
    [[nodiscard]] virtual Result<std::optional<std::string>> audience_json(const std::string& id) const = 0;
    [[nodiscard]] virtual Result<std::vector<std::string>> audience_ids() const = 0;

    virtual Result<std::int64_t> save_perimeter(const StoredPerimeter& perimeter) = 0;
    [[nodiscard]] virtual Result<std::vector<StoredPerimeter>> perimeters(
        const std::optional<std::string>& audience_id) const = 0;

    [[nodiscard]] virtual Result<CatalogueCheck> check() const = 0;
    [[nodiscard]] virtual Result<void> check_sound() const = 0;

    // Called before an import waits for another one (same source, another
    // connection) to finish; the SpatiaLite file never waits that long.
    void set_wait_notice(std::function<void(const Error&)> notice) { m_wait_notice = std::move(notice); }

    [[nodiscard]] virtual sqlite3* sqlite_handle() const { return nullptr; }

protected:
    void notify_wait(const Error& what) const {
        if (m_wait_notice) m_wait_notice(what);
    }

private:
    std::function<void(const Error&)> m_wait_notice;
};

}  // namespace geo::store
