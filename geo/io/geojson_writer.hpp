#pragma once
// RFC 7946 GeoJSON writer: offer items (points), territories and any list of
// (geometry, properties) features such as perimeters or gap zones.
//
// Output: one FeatureCollection, WGS 84 lon/lat degrees only (no "crs"
// member), at most 7 decimals (≈ 1 cm), rings closed with outer rings
// counter-clockwise and holes clockwise (re-oriented as needed, degenerate
// rings dropped), a "bbox" member, UTF-8 with JSON escaping (invalid UTF-8 in
// strings becomes U+FFFD). Optional members: "name" (GDAL reads it as the
// layer name) and one provenance object under a foreign member, by default
// "territoire": {audience, parameters, sources, licences, date…}.
// One feature per line, streamed through a 1 MiB buffer: 500 000 points take
// about a second and no DOM is built.
//
// Files are written under a temporary name and renamed on success
// (AtomicFile): on any failure the destination is left as it was.
// Ownership: a GeoJsonWriter owns its output file (move-only).
// Thread-safety: one writer per thread.
// Failure: Result errors name the file, the feature and the bad value.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "geo/core/error.hpp"
#include "geo/core/geometry.hpp"
#include "geo/core/offer.hpp"
#include "geo/io/buffered_output.hpp"

namespace geo {

// A feature's geometry: none (written as null), a point, or polygons
// (written as "Polygon" when there is one, "MultiPolygon" otherwise).
using FeatureGeometry = std::variant<std::monostate, LonLat, MultiPolygon>;

struct GeoJsonFeature {
    FeatureGeometry geometry;
    nlohmann::json properties = nlohmann::json::object();
};

struct GeoJsonOptions {
    std::string layer_name;                   // "name" member; empty: none (items/territories: their kind)
    nlohmann::json metadata;                  // provenance object; null: none
    std::string metadata_key = "territoire";  // foreign member holding `metadata`
};

// Streaming writer: create(), add…() per feature, commit().
class GeoJsonWriter {
public:
    // `bbox`, when known, is written before the features; otherwise the writer
    // accumulates the extent and writes "bbox" after them.
    static Result<GeoJsonWriter> create(const std::string& path, const GeoJsonOptions& options,
                                        std::optional<LonLatBox> bbox = std::nullopt);

    // `properties_json` is one JSON object, written verbatim (see
    // append_properties_json in geo/io/export_schema.hpp).
    Result<void> add_point(LonLat position, std::string_view properties_json);
    Result<void> add_polygons(const MultiPolygon& geometry, std::string_view properties_json);
    Result<void> add_null_geometry(std::string_view properties_json);
    Result<void> add(const GeoJsonFeature& feature);

    // Closes the collection and moves the file into place. Returns the
    // number of features written.
    Result<std::int64_t> commit();

    [[nodiscard]] std::int64_t count() const { return m_count; }
    [[nodiscard]] const std::string& path() const { return m_file.path(); }

private:
    explicit GeoJsonWriter(BufferedOutput file) : m_file(std::move(file)) {}
    std::string& buffer() { return m_file.buffer(); }
    void begin_feature();
    Result<void> end_feature(std::string_view properties_json);
    void append_position(LonLat rounded);  // also extends m_extent
    void append_bbox(const LonLatBox& box);

    BufferedOutput m_file;
    LonLatBox m_extent;
    bool m_bbox_written = false;
    std::int64_t m_count = 0;
};

// Writes a list of features (perimeters, gap zones, …).
Result<std::int64_t> write_geojson(const std::string& path, const std::vector<GeoJsonFeature>& features,
                                   const GeoJsonOptions& options = {});

// Offer items as points with the properties of ExportSchema<OfferItem>.
Result<std::int64_t> write_geojson_items(const std::string& path, const std::vector<OfferItem>& items,
                                         const GeoJsonOptions& options = {});

// Territories as (multi)polygons with the properties of ExportSchema<Territory>.
Result<std::int64_t> write_geojson_territories(const std::string& path, const std::vector<Territory>& territories,
                                               const GeoJsonOptions& options = {});

}  // namespace geo
