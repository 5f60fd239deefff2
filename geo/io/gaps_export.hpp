#pragma once
// Exports of offer gaps (geo/analysis/gaps.hpp).
//   GeoJSON (RFC 7946, geojson_writer.hpp): the gap zones first, in rank
//     order, then every cell of the perimeter; property "kind" is "zone" or
//     "cell". Both carry family (id; null for a cell without gap), family_fr,
//     family_en, distance_m (zone: mean over its cells) and score (zone: mean).
//     Zones add rank (1 = worst), area_km2, rank_value (score × area_km2),
//     max_score, max_distance_m, cells, commune, commune_code, commune_share, commune_count.
//     Cells add col, row, zone (its rank, or null) and distance_m_F / score_F
//     for every family id F. Provenance under "territoire".
//   CSV of the zones (gap_zones_csv_table()): rank, family, family_fr,
//     family_en, commune, commune_code, commune_share, commune_count, area_km2, score,
//     max_score, rank_value, mean_distance_m, max_distance_m, cells,
//     label_lon, label_lat.
// Distances are in metres rounded to 1 m; an infinite distance (no item of the
// family within reach) is null / an empty cell. Written atomically.
// Threads: gap_features() and gap_zones_csv_table() are pure; the writers
//   touch only their own (temporary, then renamed) file: distinct calls on
//   distinct paths are safe on distinct threads.
// Failures: unwritable file or missing folder (the path and the system
//   reason), geometry outside WGS 84 (the feature and the value); on failure
//   the destination is left as it was. Nothing is thrown.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "geo/analysis/gaps.hpp"
#include "geo/core/error.hpp"
#include "geo/io/geojson_writer.hpp"
#include "geo/io/table_output.hpp"

namespace geo {

// include_cells: also one feature per cell, its hexagon (GapParams::cell_polygons)
// or, when the result has none, its centre point.
std::vector<GeoJsonFeature> gap_features(const GapResult& result, bool include_cells = true);
TextTable gap_zones_csv_table(const GapResult& result);

Result<std::int64_t> write_gaps_geojson(const std::string& path, const GapResult& result,
                                        const nlohmann::json& provenance, bool include_cells = true);
// Text cells (commune names…) formula-neutralised unless `cells` is raw.
Result<std::int64_t> write_gap_zones_csv(const std::string& path, const GapResult& result, const CsvOptions& csv = {});

}  // namespace geo
