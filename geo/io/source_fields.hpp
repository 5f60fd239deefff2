#pragma once
// What a GDAL vector file holds, before importing it: its layers, their
// geometry, feature count and fields, and the fields the importers would use
// when none is named (field_candidates.hpp) — what the import dialog offers
// in its field menus and `territoire fields FILE` prints.
// Reads the file's schema only (GDAL may scan a GeoJSON or CSV to learn it;
// the feature count is GDAL's fast one, -1 when only a full read would tell).
// Threads: reentrant (its own GDAL dataset and message capture).
// Failures: the file is missing, a pipe, not a vector file GDAL reads, or
// holds no layer (the message names it).
#include <cstdint>
#include <string>
#include <vector>

#include "geo/core/error.hpp"

namespace geo {

struct SourceLayerFields {
    std::string layer;
    std::string geometry;        // "point", "line", "polygon", "none" or "mixed" (GDAL's unknown type)
    std::int64_t features = -1;  // -1: not known without reading every feature
    std::vector<std::string> fields;
    // The fields parse_gdal_items / parse_territories pick by themselves ("" when none).
    std::string item_name, item_id, item_family;
    std::string territory_name, territory_code;
};

Result<std::vector<SourceLayerFields>> read_source_fields(const std::string& path);

}  // namespace geo
