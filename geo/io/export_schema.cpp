#include "geo/io/export_schema.hpp"

#include <array>

#include <fmt/format.h>

#include "geo/io/export_geometry.hpp"
#include "geo/io/text_output.hpp"

namespace geo {
namespace {

constexpr std::array<FieldDef, 12> kItemFields = {{
    {"id", FieldType::integer},
    {"source", FieldType::text},
    {"source_id", FieldType::text},
    {"name", FieldType::text},
    {"family", FieldType::text},
    {"family_fr", FieldType::text},
    {"subtypes", FieldType::text_list},
    {"labels", FieldType::text_list},
    {"themes", FieldType::text_list},
    {"opening_months", FieldType::month_list},
    {"producer", FieldType::text},
    {"commune_insee", FieldType::text},
}};

constexpr std::array<FieldDef, 5> kTerritoryFields = {{
    {"id", FieldType::integer},
    {"name", FieldType::text},
    {"code", FieldType::text},
    {"level", FieldType::text},
    {"source", FieldType::text},
}};

FieldValue integer_value(std::int64_t v) {
    FieldValue out;
    out.integer = v;
    return out;
}
FieldValue text_value(std::string_view v) {
    FieldValue out;
    out.text = v;
    return out;
}
FieldValue list_value(const std::vector<std::string>& v) {
    FieldValue out;
    out.list = &v;
    return out;
}

}  // namespace

std::span<const FieldDef> ExportSchema<OfferItem>::fields() {
    return kItemFields;
}

FieldValue ExportSchema<OfferItem>::value(const OfferItem& item, std::size_t field_index) {
    switch (field_index) {
        case 0:
            return integer_value(item.id);
        case 1:
            return text_value(item.source);
        case 2:
            return text_value(item.source_id);
        case 3:
            return text_value(item.name);
        case 4:
            return text_value(family_id(item.family));
        case 5:
            return text_value(family_name_fr(item.family));
        case 6:
            return list_value(item.subtypes);
        case 7:
            return list_value(item.labels);
        case 8:
            return list_value(item.themes);
        case 9: {
            FieldValue v;
            v.months = item.opening_months;
            return v;
        }
        case 10:
            return text_value(item.producer);
        case 11:
            return text_value(item.commune_insee);
        default:
            return {};
    }
}

std::string ExportSchema<OfferItem>::describe(const OfferItem& item) {
    return fmt::format("item {} \"{}\" ({}:{})", item.id, item.name, item.source, item.source_id);
}

std::span<const FieldDef> ExportSchema<Territory>::fields() {
    return kTerritoryFields;
}

FieldValue ExportSchema<Territory>::value(const Territory& territory, std::size_t field_index) {
    switch (field_index) {
        case 0:
            return integer_value(territory.id);
        case 1:
            return text_value(territory.name);
        case 2:
            return text_value(territory.code);
        case 3:
            return text_value(territory_level_id(territory.level));
        case 4:
            return text_value(territory.source);
        default:
            return {};
    }
}

std::string ExportSchema<Territory>::describe(const Territory& territory) {
    return fmt::format("territory {} \"{}\" ({} {})", territory.id, territory.name, territory_level_id(territory.level),
                       territory.code);
}

Result<void> check_exportable(const OfferItem& item) {
    if (auto ok = check_wgs84(item.position); !ok)
        return tl::unexpected(ok.error().with_context(ExportSchema<OfferItem>::describe(item)));
    return {};
}

Result<void> check_exportable(const Territory& territory) {
    if (auto ok = check_wgs84(territory.geometry); !ok)
        return tl::unexpected(ok.error().with_context(ExportSchema<Territory>::describe(territory)));
    return {};
}

namespace {

// Month numbers 1…12 of the mask, separated by `sep`.
void append_months(std::string& out, MonthMask months, char sep) {
    bool first = true;
    for (int m = 0; m < 12; ++m) {
        if ((months & (1U << m)) == 0) continue;
        if (!first) out.push_back(sep);
        append_integer(out, m + 1);
        first = false;
    }
}

// The list's strings separated by `sep`, each as a JSON string when `json`.
void append_list(std::string& out, const std::vector<std::string>* list, char sep, bool json) {
    for (std::size_t i = 0; list != nullptr && i < list->size(); ++i) {
        if (i > 0) out.push_back(sep);
        if (json)
            append_json_string(out, (*list)[i]);
        else
            out.append((*list)[i]);
    }
}

}  // namespace

void append_field_text(std::string& out, FieldType type, const FieldValue& value) {
    switch (type) {
        case FieldType::integer:
            append_integer(out, value.integer);
            return;
        case FieldType::text:
            out.append(value.text);
            return;
        case FieldType::text_list:
            append_list(out, value.list, ';', false);
            return;
        case FieldType::month_list:
            append_months(out, value.months, ';');
            return;
    }
}

std::string field_text(FieldType type, const FieldValue& value) {
    std::string out;
    append_field_text(out, type, value);
    return out;
}

void append_field_json(std::string& out, FieldType type, const FieldValue& value) {
    switch (type) {
        case FieldType::integer:
            append_integer(out, value.integer);
            return;
        case FieldType::text:
            append_json_string(out, value.text);
            return;
        case FieldType::text_list:
            out.push_back('[');
            append_list(out, value.list, ',', true);
            out.push_back(']');
            return;
        case FieldType::month_list:
            out.push_back('[');
            append_months(out, value.months, ',');
            out.push_back(']');
            return;
    }
}

}  // namespace geo
