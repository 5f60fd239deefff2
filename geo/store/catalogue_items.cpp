// SpatialiteCatalogue::upsert_items: the offer items of one import, in one transaction.
//
// Speed for bulk loads (issue 2: at least as fast as ogr2ogr to SpatiaLite):
// - a source the catalogue does not hold yet skips the per-row lookup;
// - points are written as SpatiaLite geometry blobs built here, not through
//   MakePoint();
// - SpatiaLite keeps the R*Tree in step through per-row triggers whose
//   RTreeAlign() prepares SQL on every call; above kBulkRows the triggers are
//   dropped and put back at the end and the R*Tree is packed once
//   (rtree_bulk.hpp), inside the same transaction, so a failed import leaves
//   index, triggers and table as they were.
#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>

#include "geo/store/catalogue_codec.hpp"
#include "geo/store/catalogue_writes.hpp"
#include "geo/store/rtree_bulk.hpp"
#include "geo/store/spatialite_catalogue.hpp"
#include "geo/store/sqlite_util.hpp"

namespace geo {
namespace {

constexpr std::size_t kBulkRows = 20'000;
constexpr std::int32_t kWgs84Srid = 4326;

// SpatiaLite's internal BLOB-Geometry for a POINT: start 0x00, byte order
// 0x01 (little-endian), SRID, MBR (4 doubles), 0x7C, class 1, x, y, end 0xFE.
using PointBlob = std::array<unsigned char, 60>;

PointBlob spatialite_point(LonLat p) {
    static_assert(sizeof(double) == 8 && sizeof(std::int32_t) == 4);
    static_assert(std::endian::native == std::endian::little, "the blob is marked little-endian");
    PointBlob blob{};
    std::size_t at = 0;
    const auto put = [&](const void* bytes, std::size_t n) {
        std::memcpy(blob.data() + at, bytes, n);
        at += n;
    };
    const unsigned char start = 0x00, little_endian = 0x01, mbr_end = 0x7C, end = 0xFE;
    const std::int32_t srid = kWgs84Srid, point_class = 1;
    put(&start, 1);
    put(&little_endian, 1);
    put(&srid, 4);
    for (double v : {p.lon_deg, p.lat_deg, p.lon_deg, p.lat_deg}) put(&v, 8);
    put(&mbr_end, 1);
    put(&point_class, 4);
    put(&p.lon_deg, 8);
    put(&p.lat_deg, 8);
    put(&end, 1);
    return blob;
}

// Reads every row of a statement, failing on any SQLite error (a partial
// read must never pass for the whole table).
template <typename Row>
Result<void> each_row(sqlite3* db, sqlite3_stmt* st, Row&& row) {
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) row(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return fail_fmt("SQLite: {}", sqlite3_errmsg(db));
    return {};
}

// SpatiaLite's eight triggers on offer_items.geom: geometry type/SRID check
// (ggi/ggu), last insert/update/delete times (tmi/tmu/tmd) and the R*Tree
// kept in step row by row (gii/giu/gid). A bulk load drops those present
// (their SQL kept), writes the rows, puts them back, and does once what they
// would have done per row: packs the R*Tree from every row's geometry and
// stamps the times. The family index is dropped too and built again in one
// sort. Other triggers on the table are left alone and fire as usual. The
// blobs written here are always WGS 84 POINTs, so the type check skipped
// cannot fail.
class SuspendedTriggers {
public:
    static Result<SuspendedTriggers> suspend(sqlite3* db) {
        auto list = store::prepare(
            db,
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name='offer_items' AND ((type='trigger' AND name IN "
            "('ggi_offer_items_geom','ggu_offer_items_geom','tmi_offer_items_geom','tmu_offer_items_geom',"
            "'tmd_offer_items_geom','gii_offer_items_geom','giu_offer_items_geom','gid_offer_items_geom')) "
            "OR (type='index' AND name='offer_items_family'))");
        if (!list) return tl::unexpected(list.error());
        SuspendedTriggers saved;
        auto read = each_row(db, list->get(), [&](sqlite3_stmt* st) {
            saved.m_triggers.push_back(
                {store::column_text(st, 0) == "index", store::column_text(st, 1), store::column_text(st, 2)});
        });
        if (!read) return tl::unexpected(read.error());
        for (const auto& t : saved.m_triggers)
            if (auto ok = store::exec(db, (t.index ? "DROP INDEX \"" : "DROP TRIGGER \"") + t.name + "\""); !ok)
                return tl::unexpected(ok.error());
        return saved;
    }

    Result<void> restore(sqlite3* db, bool inserted, bool updated) const {
        for (const auto& t : m_triggers)
            if (auto ok = store::exec(db, t.sql); !ok) return ok;
        if (had("gii_"))
            if (auto ok = repack_index(db); !ok) return ok;
        const std::string now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
        const std::string which = " WHERE Lower(f_table_name) = 'offer_items' AND Lower(f_geometry_column) = 'geom'";
        if (inserted && had("tmi_"))
            if (auto ok = store::exec(db, "UPDATE geometry_columns_time SET last_insert = " + now + which); !ok)
                return ok;
        if (updated && had("tmu_"))
            if (auto ok = store::exec(db, "UPDATE geometry_columns_time SET last_update = " + now + which); !ok)
                return ok;
        return {};
    }

private:
    struct Trigger {  // or the family index, built again once
        bool index = false;
        std::string name, sql;
    };

    [[nodiscard]] bool had(std::string_view prefix) const {
        return std::any_of(m_triggers.begin(), m_triggers.end(),
                           [&](const Trigger& t) { return t.name.starts_with(prefix); });
    }

    // The boxes SpatiaLite itself would index: every non-NULL geometry's MBR,
    // as MbrMinX() … read it: from the header of a standard geometry blob
    // (read here, 30× faster than the SQL functions), through the functions
    // for anything else (TinyPoint blobs, not a geometry: NULL, skipped).
    static Result<void> repack_index(sqlite3* db) {
        auto rows = store::prepare(db, "SELECT id, geom FROM offer_items WHERE geom IS NOT NULL");
        auto mbr = store::prepare(db, "SELECT MbrMinX(?1), MbrMaxX(?1), MbrMinY(?1), MbrMaxY(?1)");
        if (!rows) return tl::unexpected(rows.error());
        if (!mbr) return tl::unexpected(mbr.error());
        std::vector<store::RtreeBox> boxes;
        std::optional<Error> failed;
        auto read = each_row(db, rows->get(), [&](sqlite3_stmt* st) {
            const std::int64_t id = sqlite3_column_int64(st, 0);
            const auto* blob = static_cast<const unsigned char*>(sqlite3_column_blob(st, 1));
            const int size = sqlite3_column_bytes(st, 1);
            if (auto box = header_mbr(id, blob, size)) {
                boxes.push_back(*box);
                return;
            }
            sqlite3_stmt* m = mbr->get();
            sqlite3_bind_blob(m, 1, blob, size, SQLITE_TRANSIENT);
            const int rc = sqlite3_step(m);
            if (rc == SQLITE_ROW && sqlite3_column_type(m, 0) != SQLITE_NULL)
                boxes.push_back({id, sqlite3_column_double(m, 0), sqlite3_column_double(m, 1),
                                 sqlite3_column_double(m, 2), sqlite3_column_double(m, 3)});
            else if (rc != SQLITE_ROW && !failed)
                failed = error_fmt("SQLite: {}", sqlite3_errmsg(db));
            sqlite3_reset(m);
        });
        if (!read) return read;
        if (failed) return tl::unexpected(*failed);
        return store::bulk_load_rtree(db, "idx_offer_items_geom", std::move(boxes));
    }

    // SpatiaLite's gaiaGetMbrMinX() … on a standard blob: start 0x00, byte
    // order, SRID, MinX MinY MaxX MaxY at 6, 0x7C at 38, end 0xFE; at least
    // 45 bytes. nullopt for any other blob.
    static std::optional<store::RtreeBox> header_mbr(std::int64_t id, const unsigned char* blob, int size) {
        if (blob == nullptr || size < 45 || blob[0] != 0x00 || blob[size - 1] != 0xFE || blob[38] != 0x7C ||
            blob[1] != 0x01)
            return std::nullopt;  // big-endian blobs too: the SQL functions read them
        double v[4];
        std::memcpy(v, blob + 6, sizeof v);
        return store::RtreeBox{id, v[0], v[2], v[1], v[3]};
    }

    std::vector<Trigger> m_triggers;
};

}  // namespace

namespace {

// One SpatiaLite import: the transaction, the statements and what the
// batches so far wrote (item_import.hpp).
class SpatialiteItemImport final : public ItemImport {
public:
    SpatialiteItemImport(sqlite3* db, std::string path, SourceInfo source, ImportReport& report, Progress progress,
                         std::int64_t expected, store::Transaction tx)
        : ItemImport(path),
          m_db(db),
          m_path(std::move(path)),
          m_source(std::move(source)),
          m_report(report),
          m_progress(progress),
          m_expected(expected),
          m_tx(std::move(tx)) {}

    Result<void> prepare() {
        sqlite3* db = m_db;
        auto held = store::prepare(db, "SELECT EXISTS(SELECT 1 FROM offer_items WHERE source=?)");
        auto find = store::prepare(db, "SELECT id FROM offer_items WHERE source=? AND source_id=?");
        auto insert = store::prepare(db,
                                     "INSERT INTO offer_items(source, source_id, name, family, subtypes, labels, "
                                     "themes, opening_months, producer, commune_insee, extra, lon, lat, geom, "
                                     "min_price_eur) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?16)");
        auto update = store::prepare(db,
                                     "UPDATE offer_items SET name=?3, family=?4, subtypes=?5, labels=?6, themes=?7, "
                                     "opening_months=?8, producer=?9, commune_insee=?10, extra=?11, lon=?12, "
                                     "lat=?13, geom=?14, min_price_eur=?16 WHERE id=?15");
        for (auto* st : {&held, &find, &insert, &update})
            if (!*st) return tl::unexpected(st->error().with_context(m_path));
        m_find = std::move(*find);
        m_insert = std::move(*insert);
        m_update = std::move(*update);

        store::bind_text(held->get(), 1, m_source.key);
        if (auto ok =
                each_row(db, held->get(), [&](sqlite3_stmt* st) { m_source_held = sqlite3_column_int(st, 0) != 0; });
            !ok)
            return tl::unexpected(ok.error().with_context(m_path));
        auto rows_before = store::query_int(db, "SELECT count(*) FROM offer_items");
        if (!rows_before) return tl::unexpected(rows_before.error().with_context(m_path));
        // Packing the index reads every row: worth it when this import is a
        // large share of the table, not for 20,000 rows into millions.
        const bool bulk = m_expected >= static_cast<std::int64_t>(kBulkRows) && m_expected * 4 >= *rows_before;
        if (bulk) {
            auto s = SuspendedTriggers::suspend(db);
            if (!s) return tl::unexpected(s.error().with_context(m_path));
            m_suspended = std::move(*s);
        }
        return {};
    }

private:
    Result<void> commit_import(const std::vector<ThemeName>& theme_names) override {
        sqlite3* db = m_db;
        if (!theme_names.empty()) {
            auto name = store::prepare(db,
                                       "INSERT INTO theme_names(id, name_fr, name_en) VALUES (?1, ?2, ?3) "
                                       "ON CONFLICT(id) DO UPDATE SET "
                                       "name_fr = CASE WHEN ?2 <> '' THEN ?2 ELSE name_fr END, "
                                       "name_en = CASE WHEN ?3 <> '' THEN ?3 ELSE name_en END");
            if (!name) return tl::unexpected(name.error().with_context(m_path));
            for (const ThemeName& t : theme_names) {
                if (t.id.empty()) continue;
                store::bind_text(name->get(), 1, t.id);
                store::bind_text(name->get(), 2, t.name_fr);
                store::bind_text(name->get(), 3, t.name_en);
                if (auto ok = store::step_done(db, name->get()); !ok)
                    return tl::unexpected(ok.error().with_context_fmt("{}: theme {}", m_path, t.id));
            }
        }
        if (m_suspended)
            if (auto ok = m_suspended->restore(db, m_imported > 0, m_updated > 0); !ok)
                return tl::unexpected(ok.error().with_context_fmt("{}: rebuilding the spatial index", m_path));
        if (auto ok = m_tx.commit(); !ok) return tl::unexpected(ok.error().with_context(m_path));
        m_report.imported += m_imported;
        m_report.updated += m_updated;
        m_progress(m_done, m_done);
        return {};
    }

private:
    Result<void> write_batch(const std::vector<OfferItem>& batch) override {
        sqlite3* db = m_db;
        const std::int64_t total = std::max(m_expected, m_done + static_cast<std::int64_t>(batch.size()));
        for (const OfferItem& item : batch) {
            if (++m_done % 4096 == 0 && !m_progress(m_done, total))
                return fail_fmt("{}: import cancelled; the catalogue is unchanged", m_path);
            // A source new to the catalogue: its UNIQUE (source, source_id)
            // index finds the repeats (below), with no set of ids beside it.
            if (m_source_held)
                if (auto repeat = store::repeated_item(m_seen, item, m_source)) {
                    m_report.skipped.push_back(std::move(*repeat));
                    continue;
                }
            if (!is_valid_lonlat(item.position))
                return fail_fmt("{}: item {} has invalid coordinates", m_path, item.source_id);
            std::int64_t existing = 0;
            if (m_source_held) {
                sqlite3_stmt* f = m_find.get();
                store::bind_text(f, 1, m_source.key);
                store::bind_text(f, 2, item.source_id);
                if (sqlite3_step(f) == SQLITE_ROW) existing = sqlite3_column_int64(f, 0);
                sqlite3_reset(f);
            }

            sqlite3_stmt* w = existing != 0 ? m_update.get() : m_insert.get();
            const PointBlob geom = spatialite_point(item.position);
            store::bind_text(w, 1, m_source.key);
            store::bind_text(w, 2, item.source_id);
            store::bind_text(w, 3, item.name);
            store::bind_text(w, 4, family_id(item.family));
            store::bind_text(w, 5, store::encode_string_list(item.subtypes));
            store::bind_text(w, 6, store::encode_string_list(item.labels));
            store::bind_text(w, 7, store::encode_string_list(item.themes));
            store::bind_int(w, 8, static_cast<std::int64_t>(item.opening_months));
            store::bind_text(w, 9, item.producer);
            store::bind_text(w, 10, item.commune_insee);
            store::bind_text(w, 11,
                             item.extra_json.empty() ? std::string_view("{}") : std::string_view(item.extra_json));
            store::bind_double(w, 12, item.position.lon_deg);
            store::bind_double(w, 13, item.position.lat_deg);
            store::bind_blob(w, 14, geom.data(), static_cast<int>(geom.size()));
            if (existing != 0) store::bind_int(w, 15, existing);
            if (item.min_price_eur)
                store::bind_double(w, 16, *item.min_price_eur);
            else
                store::bind_null(w, 16);
            // A repeat of a new source's id breaks its UNIQUE index: skipped.
            auto ran = m_source_held ? store::step_done(db, w).map([] { return true; })
                                     : store::step_done_unless_duplicate(db, w);
            if (!ran) return tl::unexpected(ran.error().with_context_fmt("{}: item {}", m_path, item.source_id));
            if (!*ran) {
                m_report.skipped.push_back(store::duplicate_item(item, m_source));
                continue;
            }
            (existing != 0 ? m_updated : m_imported) += 1;
        }
        return {};
    }

    sqlite3* m_db;
    std::string m_path;
    SourceInfo m_source;
    ImportReport& m_report;
    Progress m_progress;
    std::int64_t m_expected = 0;
    store::Transaction m_tx;
    detail::SqliteStmt m_find, m_insert, m_update;
    bool m_source_held = false;
    std::optional<SuspendedTriggers> m_suspended;
    std::unordered_set<std::string> m_seen;
    std::int64_t m_imported = 0, m_updated = 0, m_done = 0;
};

}  // namespace

Result<std::unique_ptr<ItemImport>> store::SpatialiteCatalogue::begin_items(const SourceInfo& source,
                                                                            ImportReport& report,
                                                                            std::int64_t expected_items,
                                                                            Progress progress) {
    if (m_read_only) return fail_fmt("{}: catalogue is read-only; nothing was imported", m_path);
    auto tx = store::begin_import(m_db.get(), source);
    if (!tx) return tl::unexpected(tx.error().with_context(m_path));
    auto import = std::make_unique<SpatialiteItemImport>(m_db.get(), m_path, source, report, progress, expected_items,
                                                         std::move(*tx));
    if (auto ok = import->prepare(); !ok) return tl::unexpected(ok.error());
    return import;
}

}  // namespace geo
