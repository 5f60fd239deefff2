#include "geo/io/csv_writer.hpp"

#include "geo/io/buffered_output.hpp"
#include "geo/io/export_geometry.hpp"
#include "geo/io/export_schema.hpp"
#include "geo/io/text_output.hpp"

namespace geo {
namespace {

// The geometry columns, header and value.
void append_geometry_header(std::string& out, const OfferItem*, char separator) {
    out.append("lon");
    out.push_back(separator);
    out.append("lat");
}
void append_geometry_header(std::string& out, const Territory*, char) {
    out.append("wkt");
}

void append_geometry(std::string& out, const OfferItem& item, CsvDialect dialect) {
    std::string degrees;
    append_degrees(degrees, item.position.lon_deg);
    append_csv_number(out, degrees, dialect);
    out.push_back(csv_separator(dialect));
    degrees.clear();
    append_degrees(degrees, item.position.lat_deg);
    append_csv_number(out, degrees, dialect);
}

// Always quoted: it holds commas (and stays WKT, decimal points, in every dialect).
void append_geometry(std::string& out, const Territory& territory, CsvDialect) {
    const MultiPolygon g = oriented_for_export(territory.geometry, true);
    if (g.empty()) {
        out.append("MULTIPOLYGON EMPTY");
        return;
    }
    out.append("\"MULTIPOLYGON (");
    for (std::size_t p = 0; p < g.polygons.size(); ++p) {
        out.append(p == 0 ? "(" : ",(");
        for (std::size_t r = 0; r < g.polygons[p].rings.size(); ++r) {
            out.append(r == 0 ? "(" : ",(");
            const Ring& ring = g.polygons[p].rings[r];
            for (std::size_t i = 0; i < ring.size(); ++i) {
                if (i > 0) out.push_back(',');
                append_degrees(out, ring[i].lon_deg);
                out.push_back(' ');
                append_degrees(out, ring[i].lat_deg);
            }
            out.push_back(')');
        }
        out.push_back(')');
    }
    out.append(")\"");
}

template <class Record>
Result<std::int64_t> write_csv(const std::string& path, const std::vector<Record>& records, const CsvOptions& csv) {
    for (const auto& record : records)
        if (auto ok = check_exportable(record); !ok) return tl::unexpected(ok.error().with_context(path));
    auto file = BufferedOutput::create(path);
    if (!file) return tl::unexpected(file.error());
    std::string& out = file->buffer();
    const auto fields = ExportSchema<Record>::fields();
    const char separator = csv_separator(csv.dialect);
    out.append(csv_preamble(csv.dialect));
    append_geometry_header(out, static_cast<const Record*>(nullptr), separator);
    for (const FieldDef& field : fields) {
        out.push_back(separator);
        out.append(field.name);
    }
    out.append("\r\n");
    std::string cell;
    for (const auto& record : records) {
        append_geometry(out, record, csv.dialect);
        for (std::size_t i = 0; i < fields.size(); ++i) {
            out.push_back(separator);
            cell.clear();
            append_field_text(cell, fields[i].type, ExportSchema<Record>::value(record, i));
            if (fields[i].type == FieldType::integer)
                append_csv_number(out, cell, csv.dialect);
            else
                append_csv_cell(out, cell, csv);
        }
        out.append("\r\n");
        if (auto ok = file->flush_if_full(); !ok) return tl::unexpected(ok.error());
    }
    if (auto ok = file->commit(); !ok) return tl::unexpected(ok.error());
    return static_cast<std::int64_t>(records.size());
}

}  // namespace

Result<std::int64_t> write_csv_items(const std::string& path, const std::vector<OfferItem>& items,
                                     const CsvOptions& csv) {
    return write_csv(path, items, csv);
}

Result<std::int64_t> write_csv_territories(const std::string& path, const std::vector<Territory>& territories,
                                           const CsvOptions& csv) {
    return write_csv(path, territories, csv);
}

}  // namespace geo
