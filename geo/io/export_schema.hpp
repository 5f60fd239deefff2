#pragma once
// The attribute schema every exporter writes, so that GeoJSON, GeoPackage,
// CSV and KML carry the same properties under the same names.
//   items:       id, source, source_id, name, family, family_fr, subtypes,
//                labels, themes, opening_months, producer, commune_insee
//   territories: id, name, code, level, source
// Lists are JSON arrays in GeoJSON and ";"-joined text elsewhere; opening
// months are month numbers 1…12 (empty when unknown, i.e. all year).
// Pure functions over the records; values borrow from the record.
// Threads: pure, safe on any thread. A FieldValue points into its record
//   (text, list): keep the record alive and unchanged while it is used.
// Failures: only check_exportable(), through check_wgs84 (export_geometry.hpp):
//   the message names the record (describe()) and the bad value or position.
//   value() with an index past fields() gives an empty FieldValue. Nothing is
//   thrown.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"

namespace geo {

enum class FieldType : std::uint8_t { integer, text, text_list, month_list };

struct FieldDef {
    std::string_view name;
    FieldType type;
};

// One attribute of one record. Which member is set depends on FieldType.
struct FieldValue {
    std::int64_t integer = 0;
    std::string_view text;
    const std::vector<std::string>* list = nullptr;
    MonthMask months = 0;
};

// Per-record-type schema: ExportSchema<OfferItem>, ExportSchema<Territory>.
template <class Record>
struct ExportSchema;

template <>
struct ExportSchema<OfferItem> {
    static constexpr std::string_view kLayerName = "items";
    static std::span<const FieldDef> fields();
    static FieldValue value(const OfferItem& item, std::size_t field_index);
    // "item 42 \"Château de Chambord\" (datatourisme:PCU41…)", for messages.
    static std::string describe(const OfferItem& item);
};

template <>
struct ExportSchema<Territory> {
    static constexpr std::string_view kLayerName = "territories";
    static std::span<const FieldDef> fields();
    static FieldValue value(const Territory& territory, std::size_t field_index);
    // "territory 3 \"Tours\" (commune 37261)", for messages.
    static std::string describe(const Territory& territory);
};

// Fails when the record's position / geometry is outside WGS 84; the message
// names the record (describe()) and the bad value.
Result<void> check_exportable(const OfferItem& item);
Result<void> check_exportable(const Territory& territory);

// The value as text: integers in decimal, lists joined with ";".
void append_field_text(std::string& out, FieldType type, const FieldValue& value);
std::string field_text(FieldType type, const FieldValue& value);
// The value as a JSON value: lists as arrays (months as numbers).
void append_field_json(std::string& out, FieldType type, const FieldValue& value);

// Appends the record's properties as one JSON object.
template <class Record>
void append_properties_json(std::string& out, const Record& record) {
    const auto fields = ExportSchema<Record>::fields();
    out.push_back('{');
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out.push_back(',');
        out.push_back('"');
        out.append(fields[i].name);  // plain ASCII names: no escaping needed
        out.append("\":");
        append_field_json(out, fields[i].type, ExportSchema<Record>::value(record, i));
    }
    out.push_back('}');
}

}  // namespace geo
