#include "geo/io/csv_writer.hpp"

#include "geo/io/buffered_output.hpp"
#include "geo/io/export_geometry.hpp"
#include "geo/io/export_schema.hpp"
#include "geo/io/text_output.hpp"

namespace geo {
namespace {

// The geometry columns, header and value.
void append_geometry_header(std::string& out, const OfferItem*) {
    out.append("lon,lat");
}
void append_geometry_header(std::string& out, const Territory*) {
    out.append("wkt");
}

void append_geometry(std::string& out, const OfferItem& item) {
    append_degrees(out, item.position.lon_deg);
    out.push_back(',');
    append_degrees(out, item.position.lat_deg);
}

void append_geometry(std::string& out, const Territory& territory) {
    const MultiPolygon g = oriented_for_export(territory.geometry, true);
    if (g.empty()) {
        out.append("MULTIPOLYGON EMPTY");
        return;
    }
    out.append("\"MULTIPOLYGON (");  // always quoted: it holds commas
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
Result<std::int64_t> write_csv(const std::string& path, const std::vector<Record>& records, CsvCells cells) {
    for (const auto& record : records)
        if (auto ok = check_exportable(record); !ok) return tl::unexpected(ok.error().with_context(path));
    auto file = BufferedOutput::create(path);
    if (!file) return tl::unexpected(file.error());
    std::string& out = file->buffer();
    const auto fields = ExportSchema<Record>::fields();
    append_geometry_header(out, static_cast<const Record*>(nullptr));
    for (const FieldDef& field : fields) {
        out.push_back(',');
        out.append(field.name);
    }
    out.append("\r\n");
    std::string cell;
    for (const auto& record : records) {
        append_geometry(out, record);
        for (std::size_t i = 0; i < fields.size(); ++i) {
            out.push_back(',');
            cell.clear();
            append_field_text(cell, fields[i].type, ExportSchema<Record>::value(record, i));
            if (fields[i].type == FieldType::integer)
                append_csv_field(out, cell);
            else
                append_csv_cell(out, cell, cells);
        }
        out.append("\r\n");
        if (auto ok = file->flush_if_full(); !ok) return tl::unexpected(ok.error());
    }
    if (auto ok = file->commit(); !ok) return tl::unexpected(ok.error());
    return static_cast<std::int64_t>(records.size());
}

}  // namespace

Result<std::int64_t> write_csv_items(const std::string& path, const std::vector<OfferItem>& items, CsvCells cells) {
    return write_csv(path, items, cells);
}

Result<std::int64_t> write_csv_territories(const std::string& path, const std::vector<Territory>& territories,
                                           CsvCells cells) {
    return write_csv(path, territories, cells);
}

}  // namespace geo
