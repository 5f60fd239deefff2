#pragma once
// Exports of a competitor benchmark (geo/analysis/benchmark.hpp), chosen by
// the output extension:
//   .geojson  RFC 7946 FeatureCollection (geojson_writer.hpp): one feature per
//             territory, its polygon and its indicators as flat properties
//             (name, code, level, role "ours" | "competitor", area_km2,
//             item_count, audience_fit_per_km2, then per family id F:
//             F_count, F_density_per_100km2, F_labelled_share, F_diversity,
//             F_audience_fit_per_km2, F_density_ratio, F_priced_count,
//             F_median_price_eur); provenance under
//             "territoire", plus the sentences.
//   .csv      one row per territory × family (benchmark_csv_table()); text
//             cells formula-neutralised unless `csv_cells` is raw.
//   .json     the whole result (benchmark_to_json()) with the provenance,
//             median prices per family and per subtype included;
//             territory polygons are left to the GeoJSON.
// Numbers are rounded for reports (densities and shares to 4 decimals, areas
// to 3, prices in euros to 2); an undefined ratio is null / an empty cell.
// Files are written atomically. Failures: unknown extension (the supported
// ones are named), unwritable file or missing folder (the path and the system
// reason), a territory outside WGS 84 (GeoJSON: the feature and the value);
// the destination is then left as it was. Nothing is thrown.
// Threads: the builders (benchmark_features, benchmark_csv_table,
// benchmark_to_json) are pure; write_benchmark() touches only its own file:
// distinct calls on distinct paths are safe on distinct threads.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "geo/analysis/benchmark.hpp"
#include "geo/core/error.hpp"
#include "geo/io/geojson_writer.hpp"
#include "geo/io/table_output.hpp"

namespace geo {

std::vector<GeoJsonFeature> benchmark_features(const BenchmarkResult& result);
TextTable benchmark_csv_table(const BenchmarkResult& result);
nlohmann::json benchmark_to_json(const BenchmarkResult& result);

// Writes OUT.geojson | OUT.csv | OUT.json; `provenance` (audience, parameters,
// sources and licences, date) goes into the GeoJSON and JSON. Returns the
// number of features or rows written (1 for JSON).
Result<std::int64_t> write_benchmark(const std::string& path, const BenchmarkResult& result,
                                     const nlohmann::json& provenance, const CsvOptions& csv = {});

}  // namespace geo
