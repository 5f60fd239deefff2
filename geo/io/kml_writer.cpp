#include "geo/io/kml_writer.hpp"

#include "geo/io/buffered_output.hpp"
#include "geo/io/export_geometry.hpp"
#include "geo/io/export_schema.hpp"
#include "geo/io/text_output.hpp"

namespace geo {
namespace {

// The placemark balloon text of a KML export.
std::string kml_description(const OfferItem& item) {
    std::string out(family_name_fr(item.family));
    if (!item.subtypes.empty()) {
        out += " (";
        for (std::size_t i = 0; i < item.subtypes.size(); ++i) out += (i > 0 ? ", " : "") + item.subtypes[i];
        out += ")";
    }
    if (!item.labels.empty()) {
        out += "\nLabels : ";
        for (std::size_t i = 0; i < item.labels.size(); ++i) out += (i > 0 ? ", " : "") + item.labels[i];
    }
    if (!item.commune_insee.empty()) out += "\nCommune INSEE " + item.commune_insee;
    if (!item.producer.empty()) out += "\n" + item.producer;
    return out;
}

std::string kml_description(const Territory& territory) {
    std::string out(territory_level_id(territory.level));
    if (!territory.code.empty()) out += " " + territory.code;
    return out;
}

void append_coordinates(std::string& out, LonLat p) {
    append_degrees(out, p.lon_deg);
    out.push_back(',');
    append_degrees(out, p.lat_deg);
}

void append_geometry(std::string& out, const OfferItem& item) {
    out.append("<Point><coordinates>");
    append_coordinates(out, item.position);
    out.append("</coordinates></Point>");
}

void append_ring(std::string& out, const Ring& ring, const char* boundary) {
    out.append("<").append(boundary).append("><LinearRing><coordinates>");
    for (std::size_t i = 0; i < ring.size(); ++i) {
        if (i > 0) out.push_back(' ');
        append_coordinates(out, ring[i]);
    }
    out.append("</coordinates></LinearRing></").append(boundary).append(">");
}

void append_geometry(std::string& out, const Territory& territory) {
    const MultiPolygon g = oriented_for_export(territory.geometry, true);
    if (g.empty()) return;
    const bool multi = g.polygons.size() > 1;
    if (multi) out.append("<MultiGeometry>");
    for (const Polygon& polygon : g.polygons) {
        out.append("<Polygon>");
        for (std::size_t r = 0; r < polygon.rings.size(); ++r)
            append_ring(out, polygon.rings[r], r == 0 ? "outerBoundaryIs" : "innerBoundaryIs");
        out.append("</Polygon>");
    }
    if (multi) out.append("</MultiGeometry>");
}

template <class Record>
Result<std::int64_t> write_kml(const std::string& path, const std::vector<Record>& records,
                               const std::string& layer_name_option) {
    for (const auto& record : records)
        if (auto ok = check_exportable(record); !ok) return tl::unexpected(ok.error().with_context(path));
    auto file = BufferedOutput::create(path);
    if (!file) return tl::unexpected(file.error());
    const std::string layer_name =
        layer_name_option.empty() ? std::string(ExportSchema<Record>::kLayerName) : layer_name_option;
    const auto fields = ExportSchema<Record>::fields();
    std::string& out = file->buffer();
    std::string schema_id;
    append_xml_text(schema_id, layer_name);
    schema_id.append(".schema");
    out.append(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n"
        "<Document id=\"root_doc\">\n<Schema id=\"");
    out.append(schema_id).append("\">\n");
    for (const FieldDef& field : fields) {
        if (field.name == "name") continue;  // the placemark's <name>
        out.append("<SimpleField name=\"").append(field.name).append("\" type=\"");
        out.append(field.type == FieldType::integer ? "int" : "string").append("\"/>\n");
    }
    out.append("</Schema>\n<Document id=\"");
    append_xml_text(out, layer_name);
    out.append("\">\n<name>");
    append_xml_text(out, layer_name);
    out.append("</name>\n");
    std::string text;
    for (const auto& record : records) {
        std::string_view name;
        for (std::size_t i = 0; i < fields.size(); ++i)
            if (fields[i].name == "name") name = ExportSchema<Record>::value(record, i).text;
        out.append("<Placemark>\n<name>");
        append_xml_text(out, name);
        out.append("</name>\n<description>");
        append_xml_text(out, kml_description(record));
        out.append("</description>\n<ExtendedData><SchemaData schemaUrl=\"#");
        out.append(schema_id).append("\">\n");
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (fields[i].name == "name") continue;
            text.clear();
            append_field_text(text, fields[i].type, ExportSchema<Record>::value(record, i));
            out.append("<SimpleData name=\"").append(fields[i].name).append("\">");
            append_xml_text(out, text);
            out.append("</SimpleData>\n");
        }
        out.append("</SchemaData></ExtendedData>\n");
        append_geometry(out, record);
        out.append("\n</Placemark>\n");
        if (auto ok = file->flush_if_full(); !ok) return tl::unexpected(ok.error());
    }
    out.append("</Document>\n</Document>\n</kml>\n");
    if (auto ok = file->commit(); !ok) return tl::unexpected(ok.error());
    return static_cast<std::int64_t>(records.size());
}

}  // namespace

Result<std::int64_t> write_kml_items(const std::string& path, const std::vector<OfferItem>& items,
                                     const std::string& layer_name) {
    return write_kml(path, items, layer_name);
}

Result<std::int64_t> write_kml_territories(const std::string& path, const std::vector<Territory>& territories,
                                           const std::string& layer_name) {
    return write_kml(path, territories, layer_name);
}

}  // namespace geo
