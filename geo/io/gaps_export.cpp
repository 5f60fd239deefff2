#include "geo/io/gaps_export.hpp"

namespace geo {
namespace {

nlohmann::json family_or_null(std::optional<Family> f, std::string_view (*name)(Family)) {
    return f ? nlohmann::json(std::string(name(*f))) : nlohmann::json(nullptr);
}

nlohmann::json zone_properties(const GapZone& z, std::size_t rank) {
    return {{"kind", "zone"},
            {"rank", rank},
            {"family", family_id(z.family)},
            {"family_fr", family_name_fr(z.family)},
            {"family_en", family_name_en(z.family)},
            {"distance_m", json_number(z.mean_distance_m, 0)},
            {"score", json_number(z.score, 4)},
            {"area_km2", json_number(z.area_km2, 3)},
            {"rank_value", json_number(z.rank_value, 4)},
            {"max_score", json_number(z.max_score, 4)},
            {"max_distance_m", json_number(z.max_distance_m, 0)},
            {"cells", z.cells.size()},
            {"commune", z.commune_name},
            {"commune_code", z.commune_code},
            {"commune_share", json_number(z.commune_share, 3)},
            {"commune_count", z.commune_count}};
}

nlohmann::json cell_properties(const GapCell& c) {
    nlohmann::json p = {{"kind", "cell"},
                        {"family", family_or_null(c.gap_family, family_id)},
                        {"family_fr", family_or_null(c.gap_family, family_name_fr)},
                        {"family_en", family_or_null(c.gap_family, family_name_en)},
                        {"distance_m", c.gap_family ? json_number(c.gap_distance_m, 0) : nlohmann::json(nullptr)},
                        {"score", json_number(c.gap_score, 4)},
                        {"col", c.hex.col},
                        {"row", c.hex.row},
                        {"zone", c.zone >= 0 ? nlohmann::json(c.zone + 1) : nlohmann::json(nullptr)}};
    for (Family f : kAllFamilies) {
        const std::string id(family_id(f));
        p["distance_m_" + id] = json_number(c.distance_m[static_cast<std::size_t>(f)], 0);
        p["score_" + id] = json_number(c.score[static_cast<std::size_t>(f)], 4);
    }
    return p;
}

}  // namespace

std::vector<GeoJsonFeature> gap_features(const GapResult& result, bool include_cells) {
    std::vector<GeoJsonFeature> out;
    for (std::size_t z = 0; z < result.zones.size(); ++z)
        out.push_back({result.zones[z].geometry, zone_properties(result.zones[z], z + 1)});
    if (!include_cells) return out;
    for (const GapCell& c : result.cells) {
        GeoJsonFeature f;
        if (!c.hexagon.empty())
            f.geometry = MultiPolygon{{Polygon{{c.hexagon}}}};
        else
            f.geometry = c.centre_lonlat;
        f.properties = cell_properties(c);
        out.push_back(std::move(f));
    }
    return out;
}

TextTable gap_zones_csv_table(const GapResult& result) {
    TextTable table;
    table.header = {"rank",         "family",        "family_fr",       "family_en",      "commune",
                    "commune_code", "commune_share", "commune_count",   "area_km2",       "score",
                    "max_score",    "rank_value",    "mean_distance_m", "max_distance_m", "cells",
                    "label_lon",    "label_lat"};
    for (std::size_t z = 0; z < result.zones.size(); ++z) {
        const GapZone& g = result.zones[z];
        table.rows.push_back({std::to_string(z + 1), std::string(family_id(g.family)),
                              std::string(family_name_fr(g.family)), std::string(family_name_en(g.family)),
                              g.commune_name, g.commune_code, csv_number(g.commune_share, 3),
                              std::to_string(g.commune_count), csv_number(g.area_km2, 3), csv_number(g.score, 4),
                              csv_number(g.max_score, 4), csv_number(g.rank_value, 4), csv_number(g.mean_distance_m, 0),
                              csv_number(g.max_distance_m, 0), std::to_string(g.cells.size()),
                              csv_number(g.label_point.lon_deg, 7), csv_number(g.label_point.lat_deg, 7)});
    }
    return table;
}

Result<std::int64_t> write_gaps_geojson(const std::string& path, const GapResult& result,
                                        const nlohmann::json& provenance, bool include_cells) {
    GeoJsonOptions options;
    options.layer_name = "gaps";
    options.metadata = provenance;
    return write_geojson(path, gap_features(result, include_cells), options);
}

Result<std::int64_t> write_gap_zones_csv(const std::string& path, const GapResult& result, const CsvOptions& csv) {
    return write_csv_table(path, gap_zones_csv_table(result), csv);
}

}  // namespace geo
