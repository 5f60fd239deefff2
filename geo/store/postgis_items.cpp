// PostgisCatalogue's imports: items through COPY into a temporary table
// merged with one INSERT … ON CONFLICT, territories row by row; each in one
// transaction behind an advisory lock (postgis_catalogue.hpp).
#include <cstring>

#include <fmt/format.h>

#include "geo/core/clock.hpp"
#include "geo/store/catalogue_codec.hpp"
#include "geo/store/catalogue_writes.hpp"
#include "geo/store/pg_util.hpp"
#include "geo/store/postgis_catalogue.hpp"
#include "geo/store/wkb.hpp"

namespace geo::store {
namespace {

constexpr std::size_t kCopyPieceBytes = 1 << 20;

Result<void> upsert_source(PGconn* conn, const SourceInfo& source) {
    auto r = pg_exec(conn,
                     "INSERT INTO sources(key, kind, path, licence, attribution, imported_at) VALUES "
                     "($1, $2, $3, $4, $5, $6) ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, path = "
                     "excluded.path, licence = excluded.licence, attribution = excluded.attribution, imported_at = "
                     "excluded.imported_at",
                     PgParams()
                         .text(source.key)
                         .text(source.kind)
                         .text(source.path)
                         .text(source.licence)
                         .text(source.attribution)
                         .text(utc_now_iso8601()));
    if (!r) return tl::unexpected(r.error());
    return {};
}

// A point as PostGIS's hex EWKB text (little-endian, SRID 4326), which COPY
// reads straight into a geometry column.
void append_point_ewkb(std::string& out, LonLat p) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    out += "0101000020E6100000";
    for (const double v : {p.lon_deg, p.lat_deg}) {
        unsigned char bytes[8];
        std::memcpy(bytes, &v, 8);
        for (const unsigned char b : bytes) {
            out += kHex[b >> 4];
            out += kHex[b & 0xF];
        }
    }
}

// One row in COPY text format: `first` (the staging order, or the source
// key), the item's fields, and with `geometry` its point, for COPY straight
// into offer_items.
void append_item_row(std::string& out, std::string_view first, const OfferItem& item, bool geometry) {
    const auto field = [&](std::string_view v) {
        append_copy_field(out, v);
        out += '\t';
    };
    field(first);
    field(item.source_id);
    field(item.name);
    field(family_id(item.family));
    field(encode_string_list(item.subtypes));
    field(encode_string_list(item.labels));
    field(encode_string_list(item.themes));
    field(std::to_string(item.opening_months));
    field(item.producer);
    field(item.commune_insee);
    field(item.extra_json.empty() ? std::string_view("{}") : std::string_view(item.extra_json));
    out += fmt::format("{}\t{}\t", item.position.lon_deg, item.position.lat_deg);
    if (geometry) {
        append_point_ewkb(out, item.position);
        out += '\t';
    }
    out += item.min_price_eur ? fmt::format("{}", *item.min_price_eur) : std::string("\\N");
    out += '\n';
}

}  // namespace

Result<void> PostgisCatalogue::lock_for_import(const std::string& lock, const Error& waiting) {
    PGconn* c = m_conn.get();
    auto got = pg_value(c, "SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0))::int", PgParams().text(lock));
    if (!got) return tl::unexpected(got.error());
    if (*got && **got == "1") return {};
    notify_wait(waiting);
    auto wait = pg_exec(c, "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", PgParams().text(lock));
    if (!wait) return tl::unexpected(wait.error());
    return {};
}

namespace {

// One PostGIS import: its transaction, holding the source's lock, and one
// COPY into the staging table open across the batches; finish() merges the
// staging rows with one INSERT … ON CONFLICT (item_import.hpp).
class PostgisItemImport final : public ItemImport {
public:
    PostgisItemImport(PGconn* conn, std::string path, SourceInfo source, ImportReport& report, Progress progress,
                      std::int64_t expected, PgTransaction tx)
        : ItemImport(path),
          m_conn(conn),
          m_path(std::move(path)),
          m_source(std::move(source)),
          m_report(report),
          m_progress(progress),
          m_expected(expected),
          m_tx(std::move(tx)) {
        m_piece.reserve(kCopyPieceBytes + 4096);
    }
    ~PostgisItemImport() override {
        if (m_copying) (void)pg_copy_end(m_conn, "import abandoned");
    }

    Result<void> start() {
        // A source the catalogue does not hold yet (its lock is ours: nobody
        // else writes it meanwhile) cannot conflict: COPY straight into the
        // table, as ogr2ogr does, without the staging table and the merge.
        auto held = pg_value(m_conn, "SELECT EXISTS(SELECT 1 FROM offer_items WHERE source = $1)::int",
                             PgParams().text(m_source.key));
        if (!held) return here(held.error());
        m_direct = !(*held && **held == "1");
        if (m_direct) {
            if (auto ok = pg_copy_begin(m_conn,
                                        "COPY offer_items(source, source_id, name, family, subtypes, labels, themes, "
                                        "opening_months, producer, commune_insee, extra, lon, lat, geom, "
                                        "min_price_eur) FROM STDIN");
                !ok)
                return here(ok.error());
            m_copying = true;
            return {};
        }
        if (auto ok = pg_exec_script(m_conn,
                                     "CREATE TEMP TABLE territoire_staging (ord bigint, source_id text, name text, "
                                     "family text, subtypes text, labels text, themes text, opening_months integer, "
                                     "producer text, commune_insee text, extra text, lon float8, lat float8, "
                                     "min_price_eur float8) ON COMMIT DROP");
            !ok)
            return here(ok.error());
        if (auto ok = pg_copy_begin(m_conn, "COPY territoire_staging FROM STDIN"); !ok) return here(ok.error());
        m_copying = true;
        return {};
    }

private:
    Result<void> commit_import(const std::vector<ThemeName>& theme_names) override {
        PGconn* c = m_conn;
        if (auto ok = pg_copy_put(c, m_piece); !ok) return here(ok.error());
        m_copying = false;
        if (auto ok = pg_copy_end(c); !ok) return here(ok.error());
        if (m_direct) return commit(theme_names, m_rows, 0);
        // File order kept: ids are given in the order of the import, as SQLite does.
        auto counts = pg_exec(
            c,
            "WITH up AS (INSERT INTO offer_items(source, source_id, name, family, subtypes, labels, themes, "
            "opening_months, producer, commune_insee, extra, lon, lat, geom, min_price_eur) "
            "SELECT $1, source_id, name, family, subtypes, labels, themes, opening_months, producer, commune_insee, "
            "extra, lon, lat, ST_SetSRID(ST_MakePoint(lon, lat), 4326), min_price_eur FROM territoire_staging ORDER "
            "BY ord ON CONFLICT (source, source_id) DO UPDATE SET name = excluded.name, family = excluded.family, "
            "subtypes = excluded.subtypes, labels = excluded.labels, themes = excluded.themes, opening_months = "
            "excluded.opening_months, producer = excluded.producer, commune_insee = excluded.commune_insee, extra = "
            "excluded.extra, lon = excluded.lon, lat = excluded.lat, geom = excluded.geom, min_price_eur = "
            "excluded.min_price_eur RETURNING (xmax = 0) AS inserted) "
            "SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up",
            PgParams().text(m_source.key));
        if (!counts) return here(counts.error());
        return commit(theme_names, pg_int(counts->get(), 0, 0), pg_int(counts->get(), 0, 1));
    }

private:
    [[nodiscard]] tl::unexpected<Error> here(const Error& e) const { return tl::unexpected(e.with_context(m_path)); }

    // The theme names, the commit, the counts.
    Result<void> commit(const std::vector<ThemeName>& theme_names, std::int64_t imported, std::int64_t updated) {
        PGconn* c = m_conn;
        for (const ThemeName& t : theme_names) {
            if (t.id.empty()) continue;
            auto r = pg_exec(c,
                             "INSERT INTO theme_names(id, name_fr, name_en) VALUES ($1, $2, $3) ON CONFLICT (id) "
                             "DO UPDATE SET name_fr = CASE WHEN $2 <> '' THEN $2 ELSE theme_names.name_fr END, "
                             "name_en = CASE WHEN $3 <> '' THEN $3 ELSE theme_names.name_en END",
                             PgParams().text(t.id).text(t.name_fr).text(t.name_en));
            if (!r) return tl::unexpected(r.error().with_context_fmt("{}: theme {}", m_path, t.id));
        }
        if (auto ok = m_tx.commit(); !ok) return here(ok.error());
        m_report.imported += imported;
        m_report.updated += updated;
        m_progress(m_done, m_done);
        return {};
    }

    Result<void> write_batch(const std::vector<OfferItem>& batch) override {
        const std::int64_t total = std::max(m_expected, m_done + static_cast<std::int64_t>(batch.size()));
        for (const OfferItem& item : batch) {
            ++m_done;
            if (auto repeat = repeated_item(m_seen, item, m_source)) {
                m_report.skipped.push_back(std::move(*repeat));
                continue;
            }
            if (!is_valid_lonlat(item.position))
                return fail_fmt("{}: item {} has invalid coordinates", m_path, item.source_id);
            if (m_direct)
                append_item_row(m_piece, m_source.key, item, true);
            else
                append_item_row(m_piece, std::to_string(m_rows), item, false);
            ++m_rows;
            if (m_piece.size() >= kCopyPieceBytes) {
                if (auto ok = pg_copy_put(m_conn, m_piece); !ok) return here(ok.error());
                m_piece.clear();
            }
            if (m_done % 4096 == 0 && !m_progress(m_done, total))
                return fail_fmt("{}: import cancelled; the catalogue is unchanged", m_path);
        }
        return {};
    }

    PGconn* m_conn;
    std::string m_path;
    SourceInfo m_source;
    ImportReport& m_report;
    Progress m_progress;
    std::int64_t m_expected = 0;
    PgTransaction m_tx;
    bool m_copying = false;
    bool m_direct = false;  // COPY into offer_items itself (a source not held yet)
    std::string m_piece;
    std::unordered_set<std::string> m_seen;
    std::int64_t m_done = 0, m_rows = 0;
};

}  // namespace

Result<std::unique_ptr<ItemImport>> PostgisCatalogue::begin_items(const SourceInfo& source, ImportReport& report,
                                                                  std::int64_t expected_items, Progress progress) {
    if (m_read_only) return fail_fmt("{}: catalogue is read-only; nothing was imported", m_path);
    PGconn* c = m_conn.get();
    const auto here = [&](const Error& e) { return tl::unexpected(e.with_context(m_path)); };
    auto tx = PgTransaction::begin(c);
    if (!tx) return here(tx.error());
    if (auto ok = lock_for_import("territoire:items:" + source.key,
                                  error_fmt("{}: another import of source {} is writing to this catalogue; waiting "
                                            "for it to finish",
                                            m_path, source.key));
        !ok)
        return here(ok.error());
    if (auto ok = upsert_source(c, source); !ok) return here(ok.error());
    auto import =
        std::make_unique<PostgisItemImport>(c, m_path, source, report, progress, expected_items, std::move(*tx));
    if (auto ok = import->start(); !ok) return tl::unexpected(ok.error());
    return import;
}

Result<void> PostgisCatalogue::upsert_territories(const SourceInfo& source, const std::vector<Territory>& territories,
                                                  ImportReport& report, Progress progress) {
    if (m_read_only) return fail_fmt("{}: catalogue is read-only; nothing was imported", m_path);
    PGconn* c = m_conn.get();
    const auto here = [&](const Error& e) { return tl::unexpected(e.with_context(m_path)); };
    auto tx = PgTransaction::begin(c);
    if (!tx) return here(tx.error());
    // Territories are keyed by level and code whatever their source: all
    // territory imports take turns.
    if (auto ok = lock_for_import("territoire:territories",
                                  error_fmt("{}: another import of territories is writing to this catalogue; waiting "
                                            "for it to finish",
                                            m_path));
        !ok)
        return here(ok.error());
    if (auto ok = upsert_source(c, source); !ok) return here(ok.error());

    TerritoryKeys seen;
    std::int64_t done = 0;
    std::int64_t imported = 0, updated = 0;
    for (const Territory& t : territories) {
        if (++done % 256 == 0 && !progress(done, static_cast<std::int64_t>(territories.size())))
            return fail_fmt("{}: import cancelled; the catalogue is unchanged", m_path);
        if (auto repeat = seen.repeat(t)) {
            report.skipped.push_back(std::move(*repeat));
            continue;
        }
        const std::string level(territory_level_id(t.level));
        auto existing = pg_value(c,
                                 "SELECT id FROM territories WHERE level = $1 AND (($2 <> '' AND code = $2) OR ($2 = "
                                 "'' AND code = '' AND name = $3)) ORDER BY id LIMIT 1",
                                 PgParams().text(level).text(t.code).text(t.name));
        if (!existing) return here(existing.error());
        PgParams row;
        row.text(t.name).text(t.code).text(level).text(source.key).text(to_hex(multipolygon_to_wkb(t.geometry)));
        const char* sql =
            "INSERT INTO territories(name, code, level, source, geom) VALUES ($1, $2, $3, $4, "
            "ST_Multi(ST_GeomFromWKB(decode($5, 'hex'), 4326)))";
        if (*existing) {
            row.text(**existing);
            sql =
                "UPDATE territories SET name = $1, code = $2, level = $3, source = $4, geom = "
                "ST_Multi(ST_GeomFromWKB(decode($5, 'hex'), 4326)) WHERE id = $6::bigint";
        }
        if (auto ok = pg_exec(c, sql, row); !ok)
            return tl::unexpected(ok.error().with_context_fmt("{}: territory {}", m_path, TerritoryKeys::record(t)));
        (*existing ? updated : imported) += 1;
    }
    if (auto ok = tx->commit(); !ok) return here(ok.error());
    report.imported += imported;
    report.updated += updated;
    progress(done, done);
    return {};
}

Result<void> PostgisCatalogue::set_imported_at(const std::string& source_key, const std::string& imported_at) {
    if (m_read_only) return fail_fmt("{}: catalogue is read-only", m_path);
    auto r = pg_exec(m_conn.get(), "UPDATE sources SET imported_at = $1 WHERE key = $2",
                     PgParams().text(imported_at).text(source_key));
    if (!r) return tl::unexpected(r.error().with_context(m_path));
    return {};
}

}  // namespace geo::store
