// SpatialiteCatalogue: reads (items, territories, sources, info, audiences, perimeters).
#include <string>

#include "geo/store/catalogue_codec.hpp"
#include "geo/store/spatialite_catalogue.hpp"
#include "geo/store/sqlite_util.hpp"
#include "geo/store/wkb.hpp"

namespace geo {

namespace {

// A WHERE clause assembled from optional conditions, with its bound values.
class Where {
public:
    void add(std::string condition) { m_conditions.push_back(std::move(condition)); }
    int text(std::string value) {
        m_texts.emplace_back(static_cast<int>(m_order.size()) + 1, std::move(value));
        m_order.push_back(Kind::text);
        return static_cast<int>(m_order.size());
    }
    int number(double value) {
        m_numbers.emplace_back(static_cast<int>(m_order.size()) + 1, value);
        m_order.push_back(Kind::number);
        return static_cast<int>(m_order.size());
    }
    [[nodiscard]] std::string sql() const {
        std::string out;
        for (size_t i = 0; i < m_conditions.size(); ++i) out += (i == 0 ? " WHERE " : " AND ") + m_conditions[i];
        return out;
    }
    void bind_all(sqlite3_stmt* st) const {
        for (const auto& [index, value] : m_texts) store::bind_text(st, index, value);
        for (const auto& [index, value] : m_numbers) store::bind_double(st, index, value);
    }

private:
    enum class Kind { text, number };
    std::vector<std::string> m_conditions;
    std::vector<Kind> m_order;
    std::vector<std::pair<int, std::string>> m_texts;
    std::vector<std::pair<int, double>> m_numbers;
};

std::string placeholder(int index) {
    return "?" + std::to_string(index);
}

template <class T, class Fn>
std::string any_of(Where& where, const std::vector<T>& values, Fn to_text) {
    std::string list;
    for (const T& v : values) list += (list.empty() ? "" : ",") + placeholder(where.text(to_text(v)));
    return list;
}

Result<MultiPolygon> read_geometry(sqlite3_stmt* st, int column, const std::string& record) {
    const auto* blob = static_cast<const std::uint8_t*>(sqlite3_column_blob(st, column));
    const int size = sqlite3_column_bytes(st, column);
    if (blob == nullptr || size == 0) return MultiPolygon{};
    auto geometry = store::multipolygon_from_wkb(blob, static_cast<size_t>(size));
    if (!geometry) return tl::unexpected(geometry.error().with_context(record));
    return geometry;
}

}  // namespace

Result<std::vector<OfferItem>> store::SpatialiteCatalogue::items(const ItemFilter& filter) const {
    Where where;
    if (!filter.families.empty())
        where.add("family IN (" + any_of(where, filter.families, [](Family f) { return std::string(family_id(f)); }) +
                  ")");
    if (!filter.sources.empty())
        where.add("source IN (" + any_of(where, filter.sources, [](const std::string& s) { return s; }) + ")");
    if (!filter.producers.empty())
        where.add("producer IN (" + any_of(where, filter.producers, [](const std::string& s) { return s; }) + ")");
    if (!filter.labels.empty())
        where.add("EXISTS (SELECT 1 FROM json_each(offer_items.labels) j WHERE j.value IN (" +
                  any_of(where, filter.labels, [](const std::string& s) { return s; }) + "))");
    if (filter.bbox) {
        const LonLatBox& b = *filter.bbox;
        where.add("id IN (SELECT pkid FROM idx_offer_items_geom WHERE xmax >= " +
                  placeholder(where.number(b.west_deg)) + " AND xmin <= " + placeholder(where.number(b.east_deg)) +
                  " AND ymax >= " + placeholder(where.number(b.south_deg)) +
                  " AND ymin <= " + placeholder(where.number(b.north_deg)) + ")");
    }
    if (filter.territory_id) {
        const std::string t = placeholder(where.number(static_cast<double>(*filter.territory_id)));
        where.add("id IN (SELECT pkid FROM idx_offer_items_geom r, territories t WHERE t.id = " + t +
                  " AND r.xmax >= MbrMinX(t.geom) AND r.xmin <= MbrMaxX(t.geom)"
                  " AND r.ymax >= MbrMinY(t.geom) AND r.ymin <= MbrMaxY(t.geom))"
                  " AND ST_Intersects((SELECT geom FROM territories WHERE id = " +
                  t + "), geom)");
    }
    const std::string sql =
        "SELECT id, source, source_id, name, family, subtypes, labels, themes, opening_months, "
        "producer, commune_insee, extra, lon, lat, " +
        std::string(m_schema_version >= 3 ? "min_price_eur" : "NULL") + " FROM offer_items" + where.sql() +
        " ORDER BY id";
    auto st = store::prepare(m_db.get(), sql);
    if (!st) return tl::unexpected(st.error().with_context(m_path));
    where.bind_all(st->get());

    std::vector<OfferItem> out;
    int rc = 0;
    while ((rc = sqlite3_step(st->get())) == SQLITE_ROW) {
        sqlite3_stmt* s = st->get();
        OfferItem item;
        item.id = sqlite3_column_int64(s, 0);
        item.source = store::column_text(s, 1);
        item.source_id = store::column_text(s, 2);
        item.name = store::column_text(s, 3);
        item.family = family_from_id(store::column_text(s, 4)).value_or(Family::services);
        item.subtypes = store::decode_string_list(store::column_text(s, 5));
        item.labels = store::decode_string_list(store::column_text(s, 6));
        item.themes = store::decode_string_list(store::column_text(s, 7));
        item.opening_months = static_cast<MonthMask>(sqlite3_column_int(s, 8));
        item.producer = store::column_text(s, 9);
        item.commune_insee = store::column_text(s, 10);
        item.extra_json = store::column_text(s, 11);
        item.position = {sqlite3_column_double(s, 12), sqlite3_column_double(s, 13)};
        if (sqlite3_column_type(s, 14) != SQLITE_NULL) item.min_price_eur = sqlite3_column_double(s, 14);
        out.push_back(std::move(item));
    }
    if (rc != SQLITE_DONE) return fail_fmt("{}: reading offer items: {}", m_path, sqlite3_errmsg(m_db.get()));
    return out;
}

Result<std::vector<Territory>> store::SpatialiteCatalogue::territories(const TerritoryFilter& filter) const {
    Where where;
    if (filter.level) where.add("level = " + placeholder(where.text(std::string(territory_level_id(*filter.level)))));
    if (filter.code) where.add("code = " + placeholder(where.text(*filter.code)));
    if (filter.name) where.add("name = " + placeholder(where.text(*filter.name)) + " COLLATE NOCASE");
    if (filter.id) where.add("id = " + placeholder(where.number(static_cast<double>(*filter.id))));
    const std::string sql = std::string("SELECT id, name, code, level, source, ") +
                            (filter.with_geometry ? "AsBinary(geom)" : "NULL") + " FROM territories" + where.sql() +
                            " ORDER BY level, code, name";
    auto st = store::prepare(m_db.get(), sql);
    if (!st) return tl::unexpected(st.error().with_context(m_path));
    where.bind_all(st->get());
    std::vector<Territory> out;
    int rc = 0;
    while ((rc = sqlite3_step(st->get())) == SQLITE_ROW) {
        sqlite3_stmt* s = st->get();
        Territory t;
        t.id = sqlite3_column_int64(s, 0);
        t.name = store::column_text(s, 1);
        t.code = store::column_text(s, 2);
        t.level = territory_level_from_id(store::column_text(s, 3)).value_or(TerritoryLevel::reference);
        t.source = store::column_text(s, 4);
        auto geometry = read_geometry(s, 5, m_path + ": territory " + t.code + " " + t.name);
        if (!geometry) return tl::unexpected(geometry.error());
        t.geometry = std::move(*geometry);
        out.push_back(std::move(t));
    }
    if (rc != SQLITE_DONE) return fail_fmt("{}: reading territories: {}", m_path, sqlite3_errmsg(m_db.get()));
    return out;
}

Result<std::vector<SourceInfo>> store::SpatialiteCatalogue::sources() const {
    auto st = store::prepare(m_db.get(),
                             "SELECT key, kind, path, licence, attribution, imported_at FROM sources ORDER BY key");
    if (!st) return tl::unexpected(st.error().with_context(m_path));
    std::vector<SourceInfo> out;
    while (sqlite3_step(st->get()) == SQLITE_ROW) {
        sqlite3_stmt* s = st->get();
        out.push_back({store::column_text(s, 0), store::column_text(s, 1), store::column_text(s, 2),
                       store::column_text(s, 3), store::column_text(s, 4), store::column_text(s, 5)});
    }
    return out;
}

Result<std::vector<ThemeName>> store::SpatialiteCatalogue::theme_names() const {
    std::vector<ThemeName> out;
    if (m_schema_version < 4) return out;
    auto st = store::prepare(m_db.get(), "SELECT id, name_fr, name_en FROM theme_names ORDER BY id");
    if (!st) return tl::unexpected(st.error().with_context(m_path));
    while (sqlite3_step(st->get()) == SQLITE_ROW) {
        sqlite3_stmt* s = st->get();
        out.push_back({store::column_text(s, 0), store::column_text(s, 1), store::column_text(s, 2)});
    }
    return out;
}

Result<CatalogueInfo> store::SpatialiteCatalogue::info() const {
    CatalogueInfo info;
    info.schema_version = m_schema_version;
    sqlite3* db = m_db.get();
    auto count_into = [&](const std::string& sql, std::map<std::string, std::int64_t>& into) -> Result<void> {
        auto st = store::prepare(db, sql);
        if (!st) return tl::unexpected(st.error().with_context(m_path));
        while (sqlite3_step(st->get()) == SQLITE_ROW)
            into[store::column_text(st->get(), 0)] = sqlite3_column_int64(st->get(), 1);
        return {};
    };
    for (const auto& [sql, into] : std::initializer_list<std::pair<const char*, std::map<std::string, std::int64_t>*>>{
             {"SELECT family, count(*) FROM offer_items GROUP BY family", &info.items_per_family},
             {"SELECT j.value, count(*) FROM offer_items, json_each(offer_items.labels) j GROUP BY j.value",
              &info.items_per_label},
             {"SELECT source, count(*) FROM offer_items GROUP BY source", &info.items_per_source},
             {"SELECT level, count(*) FROM territories GROUP BY level", &info.territories_per_level}}) {
        if (auto ok = count_into(sql, *into); !ok) return tl::unexpected(ok.error());
    }
    for (const auto& [family, n] : info.items_per_family) info.item_count += n;
    for (const char* sql : {"SELECT min(lon), min(lat), max(lon), max(lat) FROM offer_items",
                            "SELECT min(xmin), min(ymin), max(xmax), max(ymax) FROM idx_territories_geom"}) {
        auto st = store::prepare(db, sql);
        if (!st) return tl::unexpected(st.error().with_context(m_path));
        if (sqlite3_step(st->get()) == SQLITE_ROW && sqlite3_column_type(st->get(), 0) != SQLITE_NULL) {
            LonLatBox box{sqlite3_column_double(st->get(), 0), sqlite3_column_double(st->get(), 1),
                          sqlite3_column_double(st->get(), 2), sqlite3_column_double(st->get(), 3)};
            info.extent.extend(box);
        }
    }
    return info;
}

Result<std::optional<std::string>> store::SpatialiteCatalogue::audience_json(const std::string& id) const {
    auto st = store::prepare(m_db.get(), "SELECT json FROM audiences WHERE id = ?");
    if (!st) return tl::unexpected(st.error().with_context(m_path));
    store::bind_text(st->get(), 1, id);
    if (sqlite3_step(st->get()) == SQLITE_ROW) return store::column_text(st->get(), 0);
    return std::optional<std::string>{};
}

Result<std::vector<std::string>> store::SpatialiteCatalogue::audience_ids() const {
    auto st = store::prepare(m_db.get(), "SELECT id FROM audiences ORDER BY id");
    if (!st) return tl::unexpected(st.error().with_context(m_path));
    std::vector<std::string> out;
    while (sqlite3_step(st->get()) == SQLITE_ROW) out.push_back(store::column_text(st->get(), 0));
    return out;
}

Result<std::vector<StoredPerimeter>> store::SpatialiteCatalogue::perimeters(
    const std::optional<std::string>& audience_id) const {
    std::string sql = "SELECT id, audience_id, level, params, stats, created_at, AsBinary(geom) FROM perimeters";
    if (audience_id) sql += " WHERE audience_id = ?1";
    sql += " ORDER BY id";
    auto st = store::prepare(m_db.get(), sql);
    if (!st) return tl::unexpected(st.error().with_context(m_path));
    if (audience_id) store::bind_text(st->get(), 1, *audience_id);
    std::vector<StoredPerimeter> out;
    while (sqlite3_step(st->get()) == SQLITE_ROW) {
        sqlite3_stmt* s = st->get();
        StoredPerimeter p;
        p.id = sqlite3_column_int64(s, 0);
        p.audience_id = store::column_text(s, 1);
        p.level = sqlite3_column_double(s, 2);
        p.params_json = store::column_text(s, 3);
        p.stats_json = store::column_text(s, 4);
        p.created_at = store::column_text(s, 5);
        auto geometry = read_geometry(s, 6, m_path + ": perimeter " + std::to_string(p.id));
        if (!geometry) return tl::unexpected(geometry.error());
        p.geometry = std::move(*geometry);
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace geo
