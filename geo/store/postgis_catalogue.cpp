// The PostGIS catalogue: opening, reads, audiences, perimeters and the
// check. Imports are in postgis_items.cpp.
#include "geo/store/postgis_catalogue.hpp"

#include <fmt/format.h>

#include "geo/core/clock.hpp"
#include "geo/store/catalogue_codec.hpp"
#include "geo/store/pg_util.hpp"
#include "geo/store/wkb.hpp"

namespace geo::store {
namespace {

// Byte order for text sorts, as SQLite compares text: ORDER BY … COLLATE "C".
constexpr const char* kBytes = " COLLATE \"C\"";

// A WHERE clause from optional conditions, with its parameters.
class PgWhere {
public:
    void add(std::string condition) { m_conditions.push_back(std::move(condition)); }
    std::string text(std::string value) {
        m_params.text(std::move(value));
        return "$" + std::to_string(m_params.size());
    }
    std::string number(double value) {
        m_params.number(value);
        return "$" + std::to_string(m_params.size()) + "::float8";
    }
    std::string integer(std::int64_t value) {
        m_params.integer(value);
        return "$" + std::to_string(m_params.size()) + "::bigint";
    }
    template <class T, class Fn>
    std::string list(const std::vector<T>& values, Fn to_text) {
        std::string out;
        for (const T& v : values) out += (out.empty() ? "" : ",") + text(to_text(v));
        return out;
    }
    [[nodiscard]] std::string sql() const {
        std::string out;
        for (std::size_t i = 0; i < m_conditions.size(); ++i) out += (i == 0 ? " WHERE " : " AND ") + m_conditions[i];
        return out;
    }
    [[nodiscard]] const PgParams& params() const { return m_params; }

private:
    std::vector<std::string> m_conditions;
    PgParams m_params;
};

Result<MultiPolygon> read_geometry(const PGresult* r, int row, int column, const std::string& record) {
    if (pg_is_null(r, row, column)) return MultiPolygon{};
    const auto wkb = from_hex(pg_text(r, row, column));
    auto geometry = multipolygon_from_wkb(wkb.data(), wkb.size());
    if (!geometry) return tl::unexpected(geometry.error().with_context(record));
    return geometry;
}

}  // namespace

std::string to_hex(const std::vector<std::uint8_t>& bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const std::uint8_t b : bytes) {
        out += kDigits[b >> 4];
        out += kDigits[b & 0x0F];
    }
    return out;
}

std::vector<std::uint8_t> from_hex(std::string_view hex) {
    const auto nibble = [](char c) -> std::uint8_t {
        if (c >= '0' && c <= '9') return static_cast<std::uint8_t>(c - '0');
        if (c >= 'a' && c <= 'f') return static_cast<std::uint8_t>(c - 'a' + 10);
        if (c >= 'A' && c <= 'F') return static_cast<std::uint8_t>(c - 'A' + 10);
        return 0;
    };
    std::vector<std::uint8_t> out(hex.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<std::uint8_t>(nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]));
    return out;
}

PostgisCatalogue::PostgisCatalogue(std::string address, detail::PgConn conn, bool read_only, int schema_version)
    : m_path(std::move(address)), m_conn(std::move(conn)), m_read_only(read_only), m_schema_version(schema_version) {}

Result<std::unique_ptr<CatalogueBackend>> PostgisCatalogue::open(const std::string& address, Catalogue::Mode mode) {
    auto conn = pg_connect(address);
    if (!conn) return tl::unexpected(conn.error().with_context(redacted_address(address)));
    PGconn* c = conn->get();
    const auto here = [&](const Error& e) { return tl::unexpected(e.with_context(address)); };
    {
        auto tx = PgTransaction::begin(c);
        if (!tx) return here(tx.error());
        // Two first imports at once must not both create the schema.
        if (mode == Catalogue::Mode::create_or_open)
            if (auto ok = pg_exec_script(c, "SELECT pg_advisory_xact_lock(hashtextextended('territoire:schema', 0))");
                !ok)
                return here(ok.error());
        auto version = postgis_schema_version(c);
        if (!version) return here(version.error());
        if (*version < 0)
            return fail_fmt(
                "{}: not a Territoire catalogue (the database has a schema \"territoire\" without its "
                "territoire_meta table); nothing was changed",
                address);
        if (*version > Catalogue::kSchemaVersion)
            return fail_fmt(
                "{}: catalogue schema version {} is newer than this Territoire supports ({}); upgrade Territoire. The "
                "database was left untouched",
                address, std::to_string(*version), std::to_string(Catalogue::kSchemaVersion));
        if (*version == 0) {
            if (mode != Catalogue::Mode::create_or_open)
                return fail_fmt(
                    "{}: no Territoire catalogue in this database (no schema \"territoire\"); an import creates one",
                    address);
            if (auto ok = postgis_create_schema(c); !ok) return here(ok.error());
        }
        if (auto ok = tx->commit(); !ok) return here(ok.error());
    }
    if (auto ok = postgis_set_search_path(c); !ok) return here(ok.error());
    auto may_write = pg_value(c, "SELECT has_table_privilege('territoire.offer_items', 'INSERT')::int");
    if (!may_write) return here(may_write.error());
    const bool read_only = mode == Catalogue::Mode::read_only || !*may_write || **may_write != "1";
    if (read_only)
        if (auto ok = pg_exec_script(c, "SET default_transaction_read_only = on"); !ok) return here(ok.error());
    return std::unique_ptr<CatalogueBackend>(
        new PostgisCatalogue(address, std::move(*conn), read_only, Catalogue::kSchemaVersion));
}

Result<std::vector<OfferItem>> PostgisCatalogue::items(const ItemFilter& filter) const {
    PgWhere where;
    if (!filter.families.empty())
        where.add("family IN (" + where.list(filter.families, [](Family f) { return std::string(family_id(f)); }) +
                  ")");
    const auto same = [](const std::string& s) { return s; };
    if (!filter.sources.empty()) where.add("source IN (" + where.list(filter.sources, same) + ")");
    if (!filter.producers.empty()) where.add("producer IN (" + where.list(filter.producers, same) + ")");
    if (!filter.labels.empty())
        where.add("EXISTS (SELECT 1 FROM json_array_elements_text(labels::json) j WHERE j IN (" +
                  where.list(filter.labels, same) + "))");
    if (filter.bbox) {
        const LonLatBox& b = *filter.bbox;
        where.add("geom && ST_MakeEnvelope(" + where.number(b.west_deg) + ", " + where.number(b.south_deg) + ", " +
                  where.number(b.east_deg) + ", " + where.number(b.north_deg) + ", 4326)");
    }
    if (filter.territory_id)
        where.add("ST_Intersects((SELECT geom FROM territories WHERE id = " + where.integer(*filter.territory_id) +
                  "), geom)");
    const std::string sql =
        "SELECT id, source, source_id, name, family, subtypes, labels, themes, opening_months, producer, "
        "commune_insee, extra, lon, lat, min_price_eur FROM offer_items" +
        where.sql() + " ORDER BY id";
    auto r = pg_exec(m_conn.get(), sql, where.params());
    if (!r) return tl::unexpected(r.error().with_context_fmt("{}: reading offer items", m_path));
    const PGresult* s = r->get();
    std::vector<OfferItem> out;
    out.reserve(static_cast<std::size_t>(PQntuples(s)));
    for (int i = 0, n = PQntuples(s); i < n; ++i) {
        OfferItem item;
        item.id = pg_int(s, i, 0);
        item.source = pg_text(s, i, 1);
        item.source_id = pg_text(s, i, 2);
        item.name = pg_text(s, i, 3);
        item.family = family_from_id(pg_text(s, i, 4)).value_or(Family::services);
        item.subtypes = decode_string_list(pg_text(s, i, 5));
        item.labels = decode_string_list(pg_text(s, i, 6));
        item.themes = decode_string_list(pg_text(s, i, 7));
        item.opening_months = static_cast<MonthMask>(pg_int(s, i, 8));
        item.producer = pg_text(s, i, 9);
        item.commune_insee = pg_text(s, i, 10);
        item.extra_json = pg_text(s, i, 11);
        item.position = {pg_double(s, i, 12), pg_double(s, i, 13)};
        if (!pg_is_null(s, i, 14)) item.min_price_eur = pg_double(s, i, 14);
        out.push_back(std::move(item));
    }
    return out;
}

Result<std::vector<Territory>> PostgisCatalogue::territories(const TerritoryFilter& filter) const {
    PgWhere where;
    if (filter.level) where.add("level = " + where.text(std::string(territory_level_id(*filter.level))));
    if (filter.code) where.add("code = " + where.text(*filter.code));
    // SQLite's NOCASE folds ASCII letters only; so does this.
    if (filter.name)
        where.add("translate(name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') = translate(" +
                  where.text(*filter.name) + ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')");
    if (filter.id) where.add("id = " + where.integer(*filter.id));
    const std::string sql =
        fmt::format("SELECT id, name, code, level, source, {0} FROM territories{1} ORDER BY level{2}, code{2}, name{2}",
                    filter.with_geometry ? "encode(ST_AsBinary(geom), 'hex')" : "NULL", where.sql(), kBytes);
    auto r = pg_exec(m_conn.get(), sql, where.params());
    if (!r) return tl::unexpected(r.error().with_context_fmt("{}: reading territories", m_path));
    const PGresult* s = r->get();
    std::vector<Territory> out;
    for (int i = 0, n = PQntuples(s); i < n; ++i) {
        Territory t;
        t.id = pg_int(s, i, 0);
        t.name = pg_text(s, i, 1);
        t.code = pg_text(s, i, 2);
        t.level = territory_level_from_id(pg_text(s, i, 3)).value_or(TerritoryLevel::reference);
        t.source = pg_text(s, i, 4);
        auto geometry = read_geometry(s, i, 5, m_path + ": territory " + t.code + " " + t.name);
        if (!geometry) return tl::unexpected(geometry.error());
        t.geometry = std::move(*geometry);
        out.push_back(std::move(t));
    }
    return out;
}

Result<std::vector<SourceInfo>> PostgisCatalogue::sources() const {
    auto r = pg_exec(m_conn.get(), fmt::format("SELECT key, kind, path, licence, attribution, imported_at FROM sources "
                                               "ORDER BY key{}",
                                               kBytes));
    if (!r) return tl::unexpected(r.error().with_context(m_path));
    std::vector<SourceInfo> out;
    for (int i = 0, n = PQntuples(r->get()); i < n; ++i)
        out.push_back({pg_text(r->get(), i, 0), pg_text(r->get(), i, 1), pg_text(r->get(), i, 2),
                       pg_text(r->get(), i, 3), pg_text(r->get(), i, 4), pg_text(r->get(), i, 5)});
    return out;
}

Result<std::vector<ThemeName>> PostgisCatalogue::theme_names() const {
    auto r = pg_exec(m_conn.get(), fmt::format("SELECT id, name_fr, name_en FROM theme_names ORDER BY id{}", kBytes));
    if (!r) return tl::unexpected(r.error().with_context(m_path));
    std::vector<ThemeName> out;
    for (int i = 0, n = PQntuples(r->get()); i < n; ++i)
        out.push_back({pg_text(r->get(), i, 0), pg_text(r->get(), i, 1), pg_text(r->get(), i, 2)});
    return out;
}

Result<CatalogueInfo> PostgisCatalogue::info() const {
    CatalogueInfo info;
    info.schema_version = m_schema_version;
    for (const auto& [sql, into] : std::initializer_list<std::pair<const char*, std::map<std::string, std::int64_t>*>>{
             {"SELECT family, count(*) FROM offer_items GROUP BY family", &info.items_per_family},
             {"SELECT j, count(*) FROM offer_items, json_array_elements_text(labels::json) j GROUP BY j",
              &info.items_per_label},
             {"SELECT source, count(*) FROM offer_items GROUP BY source", &info.items_per_source},
             {"SELECT level, count(*) FROM territories GROUP BY level", &info.territories_per_level}}) {
        auto r = pg_exec(m_conn.get(), sql);
        if (!r) return tl::unexpected(r.error().with_context(m_path));
        for (int i = 0, n = PQntuples(r->get()); i < n; ++i) (*into)[pg_text(r->get(), i, 0)] = pg_int(r->get(), i, 1);
    }
    for (const auto& [family, n] : info.items_per_family) info.item_count += n;
    for (const char* sql : {"SELECT min(lon), min(lat), max(lon), max(lat) FROM offer_items",
                            "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM "
                            "(SELECT ST_Extent(geom) AS e FROM territories) s"}) {
        auto r = pg_exec(m_conn.get(), sql);
        if (!r) return tl::unexpected(r.error().with_context(m_path));
        if (PQntuples(r->get()) == 1 && !pg_is_null(r->get(), 0, 0))
            info.extent.extend(LonLatBox{pg_double(r->get(), 0, 0), pg_double(r->get(), 0, 1),
                                         pg_double(r->get(), 0, 2), pg_double(r->get(), 0, 3)});
    }
    return info;
}

Result<void> PostgisCatalogue::save_audience(const std::string& id, const std::string& json) {
    if (m_read_only) return fail_fmt("{}: catalogue is read-only", m_path);
    auto r = pg_exec(m_conn.get(),
                     "INSERT INTO audiences(id, json) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET json = "
                     "excluded.json",
                     PgParams().text(id).text(json));
    if (!r) return tl::unexpected(r.error().with_context(m_path));
    return {};
}

Result<std::optional<std::string>> PostgisCatalogue::audience_json(const std::string& id) const {
    auto v = pg_value(m_conn.get(), "SELECT json FROM audiences WHERE id = $1", PgParams().text(id));
    if (!v) return tl::unexpected(v.error().with_context(m_path));
    return *v;
}

Result<std::vector<std::string>> PostgisCatalogue::audience_ids() const {
    auto r = pg_exec(m_conn.get(), fmt::format("SELECT id FROM audiences ORDER BY id{}", kBytes));
    if (!r) return tl::unexpected(r.error().with_context(m_path));
    std::vector<std::string> out;
    for (int i = 0, n = PQntuples(r->get()); i < n; ++i) out.push_back(pg_text(r->get(), i, 0));
    return out;
}

Result<std::int64_t> PostgisCatalogue::save_perimeter(const StoredPerimeter& perimeter) {
    if (m_read_only) return fail_fmt("{}: catalogue is read-only", m_path);
    PgParams params;
    params.text(perimeter.audience_id)
        .number(perimeter.level)
        .text(perimeter.params_json.empty() ? std::string("{}") : perimeter.params_json)
        .text(perimeter.stats_json.empty() ? std::string("{}") : perimeter.stats_json)
        .text(perimeter.created_at.empty() ? utc_now_iso8601() : perimeter.created_at)
        .text(to_hex(multipolygon_to_wkb(perimeter.geometry)));
    auto id = pg_value(m_conn.get(),
                       "INSERT INTO perimeters(audience_id, level, params, stats, created_at, geom) VALUES "
                       "($1, $2::float8, $3, $4, $5, ST_Multi(ST_GeomFromWKB(decode($6, 'hex'), 4326))) RETURNING id",
                       params);
    if (!id) return tl::unexpected(id.error().with_context(m_path));
    return std::stoll(id->value_or("0"));
}

Result<std::vector<StoredPerimeter>> PostgisCatalogue::perimeters(const std::optional<std::string>& audience_id) const {
    PgParams params;
    std::string sql =
        "SELECT id, audience_id, level, params, stats, created_at, encode(ST_AsBinary(geom), 'hex') FROM perimeters";
    if (audience_id) {
        sql += " WHERE audience_id = $1";
        params.text(*audience_id);
    }
    auto r = pg_exec(m_conn.get(), sql + " ORDER BY id", params);
    if (!r) return tl::unexpected(r.error().with_context(m_path));
    const PGresult* s = r->get();
    std::vector<StoredPerimeter> out;
    for (int i = 0, n = PQntuples(s); i < n; ++i) {
        StoredPerimeter p;
        p.id = pg_int(s, i, 0);
        p.audience_id = pg_text(s, i, 1);
        p.level = pg_double(s, i, 2);
        p.params_json = pg_text(s, i, 3);
        p.stats_json = pg_text(s, i, 4);
        p.created_at = pg_text(s, i, 5);
        auto geometry = read_geometry(s, i, 6, m_path + ": perimeter " + std::to_string(p.id));
        if (!geometry) return tl::unexpected(geometry.error());
        p.geometry = std::move(*geometry);
        out.push_back(std::move(p));
    }
    return out;
}

Result<CatalogueCheck> PostgisCatalogue::check() const {
    CatalogueCheck out;
    PGconn* c = m_conn.get();
    // Each geometry column: registered with its type and SRID, and indexed.
    struct Column {
        const char* table;
        const char* type;
    };
    for (const Column& col : {Column{"offer_items", "POINT"}, Column{"territories", "MULTIPOLYGON"},
                              Column{"perimeters", "MULTIPOLYGON"}}) {
        auto r = pg_exec(c,
                         "SELECT type, srid FROM geometry_columns WHERE f_table_schema = 'territoire' AND "
                         "f_table_name = $1 AND f_geometry_column = 'geom'",
                         PgParams().text(col.table));
        if (!r) {
            out.problems.push_back(fmt::format("{}: geometry column unreadable: {}", col.table, r.error().message));
            continue;
        }
        if (PQntuples(r->get()) != 1)
            out.problems.push_back(fmt::format("{}: geometry column geom is not registered", col.table));
        else if (pg_text(r->get(), 0, 0) != col.type || pg_text(r->get(), 0, 1) != "4326")
            out.problems.push_back(fmt::format("{}: geometry column is {} in SRID {}, expected {} in 4326", col.table,
                                               pg_text(r->get(), 0, 0), pg_text(r->get(), 0, 1), col.type));
        auto gist = pg_value(c,
                             "SELECT count(*) FROM pg_indexes WHERE schemaname = 'territoire' AND tablename = $1 AND "
                             "indexdef LIKE '%USING gist (geom)%'",
                             PgParams().text(col.table));
        if (!gist)
            out.problems.push_back(fmt::format("{}: indexes unreadable: {}", col.table, gist.error().message));
        else if (gist->value_or("0") == "0")
            out.problems.push_back(fmt::format("{}: no spatial (GiST) index on geom", col.table));
    }
    struct Count {
        const char* table;
        std::int64_t* value;
    };
    for (const Count& n : {Count{"offer_items", &out.items}, Count{"territories", &out.territories},
                           Count{"perimeters", &out.perimeters}, Count{"sources", &out.sources}}) {
        auto v = pg_value(c, fmt::format("SELECT count(*) FROM {}", n.table));
        if (v)
            *n.value = std::stoll(v->value_or("0"));
        else
            out.problems.push_back(fmt::format("{}: cannot count the rows: {}", n.table, v.error().message));
    }
    return out;
}

}  // namespace geo::store
