// The SpatiaLite catalogue: opening, creation, migrations and writes. Queries are in
// catalogue_query.cpp.
#include "geo/store/spatialite_catalogue.hpp"

#include <filesystem>
#include <fstream>
#include <map>

#include <fmt/format.h>

#include "geo/core/clock.hpp"
#include "geo/core/json_text.hpp"
#include "geo/store/catalogue_writes.hpp"
#include "geo/store/schema.hpp"
#include "geo/store/sqlite_util.hpp"
#include "geo/store/wkb.hpp"

namespace geo {
namespace fs = std::filesystem;

namespace {

Result<void> load_spatialite(sqlite3* db) {
    sqlite3_enable_load_extension(db, 1);
    char* message = nullptr;
    const int rc = sqlite3_load_extension(db, "mod_spatialite", nullptr, &message);
    sqlite3_enable_load_extension(db, 0);
    if (rc != SQLITE_OK) {
        std::string text = message != nullptr ? message : "unknown error";
        sqlite3_free(message);
        return fail_fmt("cannot load SpatiaLite (mod_spatialite, package libsqlite3-mod-spatialite): {}", text);
    }
    return {};
}

// SQLite's header string: a catalogue must start with it (or be empty).
bool looks_like_sqlite(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    if (in.gcount() == 0) return true;  // empty file: becomes a new catalogue
    return in.gcount() == 16 && std::string(header, 16) == std::string("SQLite format 3\0", 16);
}

// A journal left by an interrupted write is "hot": SQLite rolls it back on
// the next read, which needs a writable connection. Read-only openers would
// get "attempt to write a readonly database"; roll it back here instead.
Result<void> roll_back_hot_journal(const std::string& path) {
    std::error_code ec;
    const std::string journal = path + "-journal";
    if (!fs::exists(journal, ec) || fs::file_size(journal, ec) == 0) return {};
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    detail::SqliteDb db(raw);
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(db.get(), 5000);
        if (store::query_int(db.get(), "SELECT count(*) FROM sqlite_master")) return {};
    }
    return fail_fmt(
        "{}: an interrupted write left {}, which must be rolled back before the catalogue can be read; open it once "
        "with write access to the file and its folder (e.g. `territoire check --catalogue {}`). Nothing was read",
        path, journal, path);
}

}  // namespace

namespace store {

Result<void> check_integrity(sqlite3* db) {
    auto st = prepare(db, "PRAGMA integrity_check(5)");
    if (!st) return tl::unexpected(st.error());
    std::string found;
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(st->get())) == SQLITE_ROW) {
        const std::string row = column_text(st->get(), 0);
        if (row != "ok") found += (found.empty() ? "" : "; ") + row;
    }
    if (rc != SQLITE_DONE) found += (found.empty() ? "" : "; ") + std::string(sqlite3_errmsg(db));
    if (found.empty()) return {};
    return fail_fmt("the catalogue file is damaged ({}); `territoire check` tells more; restore a backup",
                    text_excerpt(found, 200));
}

Result<void> upsert_source(sqlite3* db, const SourceInfo& source) {
    auto st =
        store::prepare(db,
                       "INSERT INTO sources(key, kind, path, licence, attribution, imported_at) VALUES (?,?,?,?,?,?) "
                       "ON CONFLICT(key) DO UPDATE SET kind=excluded.kind, path=excluded.path, "
                       "licence=excluded.licence, attribution=excluded.attribution, imported_at=excluded.imported_at");
    if (!st) return tl::unexpected(st.error());
    store::bind_text(st->get(), 1, source.key);
    store::bind_text(st->get(), 2, source.kind);
    store::bind_text(st->get(), 3, source.path);
    store::bind_text(st->get(), 4, source.licence);
    store::bind_text(st->get(), 5, source.attribution);
    store::bind_text(st->get(), 6, utc_now_iso8601());
    return store::step_done(db, st->get());
}

std::string TerritoryKeys::record(const Territory& t) {
    return t.code.empty() ? t.name : t.code + " " + t.name;
}

std::optional<SkippedRecord> TerritoryKeys::repeat(const Territory& t) {
    const std::string level(territory_level_id(t.level));
    const std::string rec = record(t);
    const auto [first, fresh] = m_first.emplace(std::pair{level, t.code.empty() ? "name:" + t.name : t.code}, rec);
    if (fresh) return std::nullopt;
    return SkippedRecord{rec, t.code.empty()
                                  ? error_fmt("duplicate {} name \"{}\" in this file (already read as \"{}\")", level,
                                              text_excerpt(t.name), text_excerpt(first->second))
                                  : error_fmt("duplicate {} code \"{}\" in this file (already read as \"{}\")", level,
                                              text_excerpt(t.code), text_excerpt(first->second))};
}

std::optional<SkippedRecord> repeated_item(std::unordered_set<std::string>& seen, const OfferItem& item,
                                           const SourceInfo& source) {
    if (seen.insert(item.source_id).second) return std::nullopt;
    return duplicate_item(item, source);
}

SkippedRecord duplicate_item(const OfferItem& item, const SourceInfo& source) {
    return SkippedRecord{item.source_id,
                         error_fmt("duplicate id \"{}\" within {}: kept the first", item.source_id, source.key)};
}

Result<Transaction> begin_import(sqlite3* db, const SourceInfo& source) {
    // Never write into a damaged file: SQLite could spread the damage.
    if (auto ok = check_integrity(db); !ok) return fail_fmt("{}. Nothing was written", ok.error().message);
    auto tx = Transaction::begin(db);
    if (!tx) return tl::unexpected(tx.error());
    if (auto ok = upsert_source(db, source); !ok) return tl::unexpected(ok.error());
    return tx;
}

}  // namespace store

store::SpatialiteCatalogue::SpatialiteCatalogue(std::string path, detail::SqliteDb db, bool read_only,
                                                int schema_version)
    : m_path(std::move(path)), m_db(std::move(db)), m_read_only(read_only), m_schema_version(schema_version) {}

Result<std::unique_ptr<store::CatalogueBackend>> store::SpatialiteCatalogue::open(const std::string& path,
                                                                                  Catalogue::Mode mode) {
    std::error_code ec;
    const bool existed = fs::exists(path, ec);
    if (!existed && mode != Catalogue::Mode::create_or_open) return fail_fmt("{}: no such catalogue file", path);
    if (existed && fs::is_directory(path, ec)) return fail_fmt("{}: is a folder, expected a catalogue file", path);
    // A pipe or a device would block the first read forever (or never end).
    if (existed && !fs::is_regular_file(path, ec))
        return fail_fmt("{}: not a regular file (a pipe or a device), expected a catalogue file", path);
    if (existed && !looks_like_sqlite(path))
        return fail_fmt("{}: not a Territoire catalogue (not an SQLite database); the file was left untouched", path);

    if (existed && mode == Catalogue::Mode::read_only)
        if (auto ok = roll_back_hot_journal(path); !ok) return tl::unexpected(ok.error());
    const int flags =
        mode == Catalogue::Mode::read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    detail::SqliteDb db(raw);
    if (rc != SQLITE_OK) {
        const std::string why = raw != nullptr ? sqlite3_errmsg(raw) : "out of memory";
        if (!existed) fs::remove(path, ec);
        return fail_fmt("{}: cannot open catalogue: {}", path, why);
    }
    sqlite3_busy_timeout(db.get(), 5000);
    const bool read_only = mode == Catalogue::Mode::read_only || sqlite3_db_readonly(db.get(), "main") == 1;

    auto version = store::schema_version(db.get());
    if (!version) {
        if (!existed) fs::remove(path, ec);
        return tl::unexpected(version.error().with_context(path));
    }
    if (*version < 0)
        return fail_fmt(
            "{}: not a Territoire catalogue (an SQLite database without the territoire_meta table); the file was left "
            "untouched",
            path);
    if (*version > Catalogue::kSchemaVersion)
        return fail_fmt(
            "{}: catalogue schema version {} is newer than this Territoire supports ({}); upgrade Territoire. The file "
            "was left untouched",
            path, std::to_string(*version), std::to_string(Catalogue::kSchemaVersion));
    if (auto ok = load_spatialite(db.get()); !ok) {
        if (!existed) fs::remove(path, ec);
        return tl::unexpected(ok.error().with_context(path));
    }
    // Writers get a page cache of up to 256 MiB (allocated as used): a bulk
    // import's b-trees stay in memory instead of spilling to the file
    // mid-transaction.
    if (!read_only)
        if (auto ok = store::exec(db.get(), "PRAGMA cache_size = -262144"); !ok) {
            db.reset();
            if (!existed) fs::remove(path, ec);
            return tl::unexpected(ok.error().with_context(path));
        }
    if (*version < Catalogue::kSchemaVersion && read_only && *version >= store::kOldestReadableSchemaVersion)
        return std::unique_ptr<CatalogueBackend>(
            new SpatialiteCatalogue(path, std::move(db), read_only, static_cast<int>(*version)));
    if (*version < Catalogue::kSchemaVersion) {
        if (read_only)
            return fail_fmt("{}: catalogue schema {} needs an upgrade to {}, but the file is read-only", path,
                            std::to_string(*version), std::to_string(Catalogue::kSchemaVersion));
        auto tx = store::Transaction::begin(db.get());
        if (!tx) return tl::unexpected(tx.error().with_context(path));
        if (auto ok = store::migrate(db.get(), *version, Catalogue::kSchemaVersion); !ok) {
            tx->rollback();  // while the connection is still open
            if (!existed) {
                db.reset();
                fs::remove(path, ec);
            }
            return tl::unexpected(ok.error().with_context(path));
        }
        if (auto ok = tx->commit(); !ok) return tl::unexpected(ok.error().with_context(path));
    }
    return std::unique_ptr<CatalogueBackend>(
        new SpatialiteCatalogue(path, std::move(db), read_only, Catalogue::kSchemaVersion));
}

Result<void> store::SpatialiteCatalogue::upsert_territories(const SourceInfo& source,
                                                            const std::vector<Territory>& territories,
                                                            ImportReport& report, Progress progress) {
    if (m_read_only) return fail_fmt("{}: catalogue is read-only; nothing was imported", m_path);
    sqlite3* db = m_db.get();
    auto tx = store::begin_import(db, source);
    if (!tx) return tl::unexpected(tx.error().with_context(m_path));
    auto find = store::prepare(db,
                               "SELECT id FROM territories WHERE level=?1 AND "
                               "((?2 <> '' AND code=?2) OR (?2 = '' AND code='' AND name=?3))");
    auto insert = store::prepare(db,
                                 "INSERT INTO territories(name, code, level, source, geom) "
                                 "VALUES (?1,?2,?3,?4,CastToMultiPolygon(GeomFromWKB(?5,4326)))");
    auto update = store::prepare(db,
                                 "UPDATE territories SET name=?1, code=?2, level=?3, source=?4, "
                                 "geom=CastToMultiPolygon(GeomFromWKB(?5,4326)) WHERE id=?6");
    for (auto* st : {&find, &insert, &update})
        if (!*st) return tl::unexpected(st->error().with_context(m_path));

    std::int64_t done = 0;
    store::TerritoryKeys seen;
    for (const Territory& t : territories) {
        if (++done % 256 == 0 && !progress(done, static_cast<std::int64_t>(territories.size())))
            return fail_fmt("{}: import cancelled; the catalogue is unchanged", m_path);
        const std::string level(territory_level_id(t.level));
        const std::string record = store::TerritoryKeys::record(t);
        if (auto repeat = seen.repeat(t)) {
            report.skipped.push_back(std::move(*repeat));
            continue;
        }
        sqlite3_stmt* f = find->get();
        store::bind_text(f, 1, level);
        store::bind_text(f, 2, t.code);
        store::bind_text(f, 3, t.name);
        std::int64_t existing = 0;
        if (sqlite3_step(f) == SQLITE_ROW) existing = sqlite3_column_int64(f, 0);
        sqlite3_reset(f);

        const auto wkb = store::multipolygon_to_wkb(t.geometry);
        sqlite3_stmt* w = existing != 0 ? update->get() : insert->get();
        store::bind_text(w, 1, t.name);
        store::bind_text(w, 2, t.code);
        store::bind_text(w, 3, level);
        store::bind_text(w, 4, source.key);
        store::bind_blob(w, 5, wkb.data(), static_cast<int>(wkb.size()));
        if (existing != 0) store::bind_int(w, 6, existing);
        if (auto ok = store::step_done(db, w); !ok)
            return tl::unexpected(ok.error().with_context_fmt("{}: territory {}", m_path, record));
        (existing != 0 ? report.updated : report.imported) += 1;
    }
    if (auto ok = tx->commit(); !ok) return tl::unexpected(ok.error().with_context(m_path));
    progress(done, done);
    return {};
}

Result<void> store::SpatialiteCatalogue::save_audience(const std::string& id, const std::string& json) {
    if (m_read_only) return fail_fmt("{}: catalogue is read-only", m_path);
    auto st = store::prepare(m_db.get(), "INSERT OR REPLACE INTO audiences(id, json) VALUES (?,?)");
    if (!st) return tl::unexpected(st.error().with_context(m_path));
    store::bind_text(st->get(), 1, id);
    store::bind_text(st->get(), 2, json);
    return store::step_done(m_db.get(), st->get());
}

Result<std::int64_t> store::SpatialiteCatalogue::save_perimeter(const StoredPerimeter& perimeter) {
    if (m_read_only) return fail_fmt("{}: catalogue is read-only", m_path);
    auto st = store::prepare(m_db.get(),
                             "INSERT INTO perimeters(audience_id, level, params, stats, created_at, geom) "
                             "VALUES (?,?,?,?,?,CastToMultiPolygon(GeomFromWKB(?,4326)))");
    if (!st) return tl::unexpected(st.error().with_context(m_path));
    const auto wkb = store::multipolygon_to_wkb(perimeter.geometry);
    store::bind_text(st->get(), 1, perimeter.audience_id);
    store::bind_double(st->get(), 2, perimeter.level);
    store::bind_text(st->get(), 3, perimeter.params_json.empty() ? std::string("{}") : perimeter.params_json);
    store::bind_text(st->get(), 4, perimeter.stats_json.empty() ? std::string("{}") : perimeter.stats_json);
    store::bind_text(st->get(), 5, perimeter.created_at.empty() ? utc_now_iso8601() : perimeter.created_at);
    store::bind_blob(st->get(), 6, wkb.data(), static_cast<int>(wkb.size()));
    if (auto ok = store::step_done(m_db.get(), st->get()); !ok) return tl::unexpected(ok.error().with_context(m_path));
    return sqlite3_last_insert_rowid(m_db.get());
}

Result<void> store::SpatialiteCatalogue::set_imported_at(const std::string& source_key,
                                                         const std::string& imported_at) {
    if (m_read_only) return fail_fmt("{}: catalogue is read-only", m_path);
    auto st = store::prepare(m_db.get(), "UPDATE sources SET imported_at = ? WHERE key = ?");
    if (!st) return tl::unexpected(st.error().with_context(m_path));
    store::bind_text(st->get(), 1, imported_at);
    store::bind_text(st->get(), 2, source_key);
    if (auto ok = store::step_done(m_db.get(), st->get()); !ok) return tl::unexpected(ok.error().with_context(m_path));
    return {};
}

Result<void> store::SpatialiteCatalogue::check_sound() const {
    if (auto sound = store::check_integrity(m_db.get()); !sound)
        return tl::unexpected(sound.error().with_context(m_path));
    return {};
}

Result<CatalogueCheck> store::SpatialiteCatalogue::check() const {
    sqlite3* db = m_db.get();
    CatalogueCheck out;
    auto st = store::prepare(db, "PRAGMA integrity_check(20)");
    if (!st) return tl::unexpected(st.error().with_context(m_path));
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(st->get())) == SQLITE_ROW)
        if (const std::string row = store::column_text(st->get(), 0); row != "ok")
            out.problems.push_back("integrity_check: " + row);
    if (rc != SQLITE_DONE) out.problems.push_back(std::string("integrity_check: ") + sqlite3_errmsg(db));
    // The R*Tree of each geometry table, compared with the geometries here
    // rather than with SpatiaLite's CheckSpatialIndex, which writes to its
    // history table (impossible read-only) and prints to stderr.
    for (const char* table : {"offer_items", "territories", "perimeters"}) {
        const std::string index = fmt::format("idx_{}_geom", table);
        auto structure = store::prepare(db, fmt::format("SELECT rtreecheck('{}')", index));
        if (!structure || sqlite3_step(structure->get()) != SQLITE_ROW) {
            out.problems.push_back(
                fmt::format("{}: spatial index {} unreadable: {}", table, index, sqlite3_errmsg(db)));
            continue;
        }
        if (const std::string verdict = store::column_text(structure->get(), 0); verdict != "ok")
            out.problems.push_back(fmt::format("{}: spatial index {}: {}", table, index, text_excerpt(verdict, 200)));
        // Boxes are stored as 32-bit floats, rounded outwards: a tolerance of 1e-4°.
        auto mismatched = store::query_int(
            db, fmt::format("SELECT (SELECT count(*) FROM {0} t WHERE t.geom IS NOT NULL AND NOT EXISTS "
                            "(SELECT 1 FROM {1} r WHERE r.pkid = t.rowid AND abs(r.xmin - MbrMinX(t.geom)) < 1e-4 "
                            "AND abs(r.xmax - MbrMaxX(t.geom)) < 1e-4 AND abs(r.ymin - MbrMinY(t.geom)) < 1e-4 "
                            "AND abs(r.ymax - MbrMaxY(t.geom)) < 1e-4)) + "
                            "(SELECT count(*) FROM {1} r WHERE NOT EXISTS (SELECT 1 FROM {0} t WHERE t.rowid = r.pkid "
                            "AND t.geom IS NOT NULL))",
                            table, index));
        if (!mismatched)
            out.problems.push_back(
                fmt::format("{}: spatial index not compared: {}", table, mismatched.error().message));
        else if (*mismatched > 0)
            out.problems.push_back(fmt::format("{}: spatial index disagrees with {} geometries", table, *mismatched));
    }
    struct Count {
        const char* table;
        std::int64_t* value;
    };
    for (const Count& c : {Count{"offer_items", &out.items}, Count{"territories", &out.territories},
                           Count{"perimeters", &out.perimeters}, Count{"sources", &out.sources}}) {
        auto n = store::query_int(db, fmt::format("SELECT count(*) FROM {}", c.table));
        if (n)
            *c.value = *n;
        else
            out.problems.push_back(fmt::format("{}: cannot count the rows: {}", c.table, n.error().message));
    }
    return out;
}

}  // namespace geo
