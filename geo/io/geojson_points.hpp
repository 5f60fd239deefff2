#pragma once
// The common GeoJSON file read fast: one FeatureCollection of Points in
// WGS 84, parsed with simdjson and handed to the GDAL importer as an OGRLayer
// whose schema and features are those GDAL's own GeoJSON driver (3.6) builds,
// so LayerReader reads both the same way and gives the same items, skips and
// messages (tests/geo/io/geojson_points_test.cpp compares the two on every
// GeoJSON file of the tests). GDAL's driver reads a 500,000-point file in
// two passes of its own streaming parser (~3 s here); this reads it in a
// tenth of that.
//
// Only what is known to match is taken; anything else returns nullptr and
// the caller opens the file with GDAL:
// - a plain .geojson / .json file (not /vsi…) that GDAL itself would open
//   with its GeoJSON driver, at most 256 MiB, valid UTF-8
//   JSON whose root is {"type": "FeatureCollection", "features": [...]},
//   without "crs" (so WGS 84), with at least one feature;
// - features {"type": "Feature", "properties": {...} | null,
//   "geometry": Point [x, y] | null} (and "bbox"), no feature-level "id";
// - property values whose GDAL field type is clear: strings that are not
//   dates or times for OGRParseDate; integers (Integer, Integer64 beyond
//   32 bits); reals, with integers mixed in (Real); booleans (Integer,
//   Boolean); arrays of strings, of integers, of numbers (lists); objects or
//   mixed arrays, or [] first (String, JSON subtype), except where the
//   importer reads text (FieldRoles); null anywhere. A name that mixes other
//   kinds, or two names equal ignoring ASCII case, sends the file to GDAL.
//
// Thread-safety: the layer is used by one thread at a time, like any OGRLayer.
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <ogrsf_frmts.h>

namespace geo::gdal {

// How the importer reads a field: as text (a JSON value there would read as
// GDAL's own serialisation, not kept here) or as a list (a JSON array reads
// the same, an object not).
struct FieldRoles {
    std::function<bool(std::string_view name)> text;
    std::function<bool(std::string_view name)> list;
};
std::unique_ptr<OGRLayer> open_geojson_points(const std::string& path, const FieldRoles& roles);

}  // namespace geo::gdal
