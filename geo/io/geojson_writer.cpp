#include "geo/io/geojson_writer.hpp"

#include <array>
#include <initializer_list>

#include <fmt/format.h>

#include "geo/io/export_geometry.hpp"
#include "geo/io/export_schema.hpp"
#include "geo/io/text_output.hpp"

namespace geo {
namespace {

// Members a provenance object must not shadow.
constexpr std::array<std::string_view, 8> kReservedMembers = {"type", "features", "bbox",       "name",
                                                              "crs",  "geometry", "properties", "coordinates"};

std::string dump_json(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

Result<GeoJsonWriter> GeoJsonWriter::create(const std::string& path, const GeoJsonOptions& options,
                                            std::optional<LonLatBox> bbox) {
    for (std::string_view reserved : kReservedMembers)
        if (options.metadata_key == reserved)
            return fail_fmt("{}: metadata member name \"{}\" is reserved by GeoJSON", path, options.metadata_key);
    if (!options.metadata.is_null() && !options.metadata.is_object())
        return fail_fmt("{}: metadata must be a JSON object, got {}", path, options.metadata.type_name());
    auto file = BufferedOutput::create(path);
    if (!file) return tl::unexpected(file.error());
    GeoJsonWriter writer(std::move(*file));
    std::string& out = writer.buffer();
    out.append("{\"type\":\"FeatureCollection\"");
    if (!options.layer_name.empty()) {
        out.append(",\"name\":");
        append_json_string(out, options.layer_name);
    }
    if (!options.metadata.is_null()) {
        out.push_back(',');
        append_json_string(out, options.metadata_key);
        out.push_back(':');
        out.append(dump_json(options.metadata));
    }
    if (bbox) {
        if (!bbox->empty()) writer.append_bbox(*bbox);
        writer.m_bbox_written = true;
    }
    out.append(",\"features\":[");
    return writer;
}

namespace {
// "[v0,v1,…]" with each value in degrees, ≤ 7 decimals.
void append_degree_array(std::string& out, std::initializer_list<double> values) {
    out.push_back('[');
    bool first = true;
    for (double v : values) {
        if (!first) out.push_back(',');
        append_degrees(out, v);
        first = false;
    }
    out.push_back(']');
}
}  // namespace

void GeoJsonWriter::append_bbox(const LonLatBox& box) {
    buffer().append(",\"bbox\":");
    append_degree_array(buffer(), {box.west_deg, box.south_deg, box.east_deg, box.north_deg});
}

void GeoJsonWriter::append_position(LonLat p) {
    append_degree_array(buffer(), {p.lon_deg, p.lat_deg});
    m_extent.extend(p);
}

void GeoJsonWriter::begin_feature() {
    buffer().append(m_count == 0 ? "\n{\"type\":\"Feature\",\"geometry\":" : ",\n{\"type\":\"Feature\",\"geometry\":");
}

Result<void> GeoJsonWriter::end_feature(std::string_view properties_json) {
    std::string& out = buffer();
    out.append(",\"properties\":");
    out.append(properties_json.empty() ? std::string_view("{}") : properties_json);
    out.push_back('}');
    ++m_count;
    return m_file.flush_if_full();
}

Result<void> GeoJsonWriter::add_point(LonLat position, std::string_view properties_json) {
    if (auto ok = check_wgs84(position); !ok)
        return tl::unexpected(ok.error().with_context_fmt("{}: feature {}", path(), m_count));
    begin_feature();
    buffer().append("{\"type\":\"Point\",\"coordinates\":");
    append_position({round_degrees(position.lon_deg), round_degrees(position.lat_deg)});
    buffer().push_back('}');
    return end_feature(properties_json);
}

Result<void> GeoJsonWriter::add_polygons(const MultiPolygon& geometry, std::string_view properties_json) {
    if (auto ok = check_wgs84(geometry); !ok)
        return tl::unexpected(ok.error().with_context_fmt("{}: feature {}", path(), m_count));
    const MultiPolygon oriented = oriented_for_export(geometry, true);
    if (oriented.empty()) return add_null_geometry(properties_json);
    begin_feature();
    std::string& out = buffer();
    const bool multi = oriented.polygons.size() > 1;
    out.append(multi ? "{\"type\":\"MultiPolygon\",\"coordinates\":[" : "{\"type\":\"Polygon\",\"coordinates\":");
    for (std::size_t p = 0; p < oriented.polygons.size(); ++p) {
        out.append(p == 0 ? "[" : ",[");
        const auto& rings = oriented.polygons[p].rings;
        for (std::size_t r = 0; r < rings.size(); ++r) {
            out.append(r == 0 ? "[" : ",[");
            for (std::size_t i = 0; i < rings[r].size(); ++i) {
                if (i > 0) out.push_back(',');
                append_position(rings[r][i]);
            }
            out.push_back(']');
        }
        out.push_back(']');
    }
    out.append(multi ? "]}" : "}");
    return end_feature(properties_json);
}

Result<void> GeoJsonWriter::add_null_geometry(std::string_view properties_json) {
    begin_feature();
    buffer().append("null");
    return end_feature(properties_json);
}

Result<void> GeoJsonWriter::add(const GeoJsonFeature& feature) {
    if (!feature.properties.is_null() && !feature.properties.is_object())
        return fail_fmt("{}: feature {}: properties must be a JSON object, got {}", path(), m_count,
                        feature.properties.type_name());
    const std::string properties = feature.properties.is_null() ? std::string("null") : dump_json(feature.properties);
    if (const auto* point = std::get_if<LonLat>(&feature.geometry)) return add_point(*point, properties);
    if (const auto* polygons = std::get_if<MultiPolygon>(&feature.geometry)) return add_polygons(*polygons, properties);
    return add_null_geometry(properties);
}

Result<std::int64_t> GeoJsonWriter::commit() {
    buffer().append(m_count == 0 ? "]" : "\n]");
    if (!m_bbox_written && !m_extent.empty()) append_bbox(m_extent);
    buffer().append("}\n");
    if (auto ok = m_file.commit(); !ok) return tl::unexpected(ok.error());
    return m_count;
}

namespace {

LonLatBox extent_of(const OfferItem& item) {
    LonLatBox box;
    box.extend(item.position);
    return box;
}
LonLatBox extent_of(const Territory& territory) {
    return territory.geometry.bounds();
}
LonLatBox extent_of(const GeoJsonFeature& feature) {
    LonLatBox box;
    if (const auto* point = std::get_if<LonLat>(&feature.geometry)) box.extend(*point);
    if (const auto* polygons = std::get_if<MultiPolygon>(&feature.geometry)) box = polygons->bounds();
    return box;
}

Result<void> add_record(GeoJsonWriter& writer, const OfferItem& item, std::string& properties) {
    properties.clear();
    append_properties_json(properties, item);
    return writer.add_point(item.position, properties);
}
Result<void> add_record(GeoJsonWriter& writer, const Territory& territory, std::string& properties) {
    properties.clear();
    append_properties_json(properties, territory);
    return writer.add_polygons(territory.geometry, properties);
}
Result<void> add_record(GeoJsonWriter& writer, const GeoJsonFeature& feature, std::string&) {
    return writer.add(feature);
}
Result<void> check_record(const OfferItem& item) {
    return check_exportable(item);
}
Result<void> check_record(const Territory& territory) {
    return check_exportable(territory);
}
Result<void> check_record(const GeoJsonFeature&) {
    return {};
}  // the writer checks it

// Two passes: the extent first, so that "bbox" precedes the features.
template <class Record>
Result<std::int64_t> write_all(const std::string& path, const std::vector<Record>& records,
                               const GeoJsonOptions& options) {
    LonLatBox bbox;
    for (const auto& record : records) bbox.extend(extent_of(record));
    auto writer = GeoJsonWriter::create(path, options, bbox);
    if (!writer) return tl::unexpected(writer.error());
    std::string properties;
    for (const auto& record : records) {
        if (auto ok = check_record(record); !ok) return tl::unexpected(ok.error().with_context(path));
        if (auto ok = add_record(*writer, record, properties); !ok) return tl::unexpected(ok.error());
    }
    return writer->commit();
}

GeoJsonOptions with_layer_name(GeoJsonOptions options, std::string_view name) {
    if (options.layer_name.empty()) options.layer_name = name;
    return options;
}

}  // namespace

Result<std::int64_t> write_geojson(const std::string& path, const std::vector<GeoJsonFeature>& features,
                                   const GeoJsonOptions& options) {
    return write_all(path, features, options);
}

Result<std::int64_t> write_geojson_items(const std::string& path, const std::vector<OfferItem>& items,
                                         const GeoJsonOptions& options) {
    return write_all(path, items, with_layer_name(options, ExportSchema<OfferItem>::kLayerName));
}

Result<std::int64_t> write_geojson_territories(const std::string& path, const std::vector<Territory>& territories,
                                               const GeoJsonOptions& options) {
    return write_all(path, territories, with_layer_name(options, ExportSchema<Territory>::kLayerName));
}

}  // namespace geo
