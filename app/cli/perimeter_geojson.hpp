#pragma once
// Writes perimeter levels as one RFC 7946 FeatureCollection: one feature per
// level, the statistics and provenance in its properties, the provenance
// again under the foreign member "territoire".
// Stop-gap until the GeoJSON writer of geo/io (branch h-export) is merged:
// WGS 84 only, 7 decimals, outer rings counter-clockwise and holes clockwise,
// bbox, written to a temporary file then renamed (the destination is left as
// it was on failure).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "geo/core/error.hpp"
#include "geo/core/geometry.hpp"

namespace app::cli {

struct PerimeterFeature {
    geo::MultiPolygon geometry;  // WGS 84
    nlohmann::json properties = nlohmann::json::object();
};

geo::Result<void> write_perimeter_geojson(const std::string& path,
                                          const std::vector<PerimeterFeature>& features,
                                          const std::string& layer_name,
                                          const nlohmann::json& metadata);

}  // namespace app::cli
