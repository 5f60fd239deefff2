// Catalogue: picks the backend from the address and forwards to it.
#include "geo/store/catalogue.hpp"
#include "geo/store/postgis_catalogue.hpp"
#include "geo/store/spatialite_catalogue.hpp"

namespace geo {

bool is_database_address(std::string_view path) {
    return path.starts_with("postgresql://") || path.starts_with("postgres://") || path.starts_with("PG:");
}

Result<Catalogue> Catalogue::open(const std::string& path, Mode mode) {
    auto backend = is_database_address(path) ? store::PostgisCatalogue::open(path, mode)
                                             : store::SpatialiteCatalogue::open(path, mode);
    if (!backend) return tl::unexpected(backend.error());
    return Catalogue(std::move(*backend));
}

Catalogue::Catalogue(std::unique_ptr<store::CatalogueBackend> backend) : m_backend(std::move(backend)) {}
Catalogue::Catalogue(Catalogue&&) noexcept = default;
Catalogue& Catalogue::operator=(Catalogue&&) noexcept = default;
Catalogue::~Catalogue() = default;

const std::string& Catalogue::path() const {
    return m_backend->path();
}
bool Catalogue::read_only() const {
    return m_backend->read_only();
}
int Catalogue::schema_version() const {
    return m_backend->schema_version();
}
std::string_view Catalogue::kind() const {
    return m_backend->kind();
}
sqlite3* Catalogue::db() const {
    return m_backend->sqlite_handle();
}

Result<void> Catalogue::upsert_items(const SourceInfo& source, const std::vector<OfferItem>& items,
                                     ImportReport& report, Progress progress,
                                     const std::vector<ThemeName>& theme_names) {
    auto import = m_backend->begin_items(source, report, static_cast<std::int64_t>(items.size()), progress);
    if (!import) return tl::unexpected(import.error());
    if (auto ok = (*import)->write(items); !ok) return ok;
    return (*import)->finish(theme_names);
}
Result<std::unique_ptr<ItemImport>> Catalogue::begin_items(const SourceInfo& source, ImportReport& report,
                                                           std::int64_t expected_items, Progress progress) {
    return m_backend->begin_items(source, report, expected_items, progress);
}
Result<void> Catalogue::upsert_territories(const SourceInfo& source, const std::vector<Territory>& territories,
                                           ImportReport& report, Progress progress) {
    return m_backend->upsert_territories(source, territories, report, progress);
}
Result<void> Catalogue::set_imported_at(const std::string& source_key, const std::string& imported_at) {
    return m_backend->set_imported_at(source_key, imported_at);
}
void Catalogue::set_wait_notice(std::function<void(const Error&)> notice) {
    m_backend->set_wait_notice(std::move(notice));
}

Result<std::vector<OfferItem>> Catalogue::items(const ItemFilter& filter) const {
    return m_backend->items(filter);
}
Result<std::vector<Territory>> Catalogue::territories(const TerritoryFilter& filter) const {
    return m_backend->territories(filter);
}
Result<std::vector<SourceInfo>> Catalogue::sources() const {
    return m_backend->sources();
}
Result<std::vector<ThemeName>> Catalogue::theme_names() const {
    return m_backend->theme_names();
}
Result<CatalogueInfo> Catalogue::info() const {
    return m_backend->info();
}

Result<void> Catalogue::save_audience(const std::string& id, const std::string& json) {
    return m_backend->save_audience(id, json);
}
Result<std::optional<std::string>> Catalogue::audience_json(const std::string& id) const {
    return m_backend->audience_json(id);
}
Result<std::vector<std::string>> Catalogue::audience_ids() const {
    return m_backend->audience_ids();
}

Result<std::int64_t> Catalogue::save_perimeter(const StoredPerimeter& perimeter) {
    return m_backend->save_perimeter(perimeter);
}
Result<std::vector<StoredPerimeter>> Catalogue::perimeters(const std::optional<std::string>& audience_id) const {
    return m_backend->perimeters(audience_id);
}

Result<CatalogueCheck> Catalogue::check() const {
    return m_backend->check();
}
Result<void> Catalogue::check_sound() const {
    return m_backend->check_sound();
}

}  // namespace geo
