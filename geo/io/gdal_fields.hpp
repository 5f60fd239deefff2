#pragma once
// Reading attribute values of GDAL features as UTF-8 text, lists and JSON,
// shared by the GDAL importers. Text that is not valid UTF-8 (CSV or DBF
// written in Windows-1252) is read as Windows-1252 and counted, so that the
// importer can warn once per layer. Internal to geo/io; one reader per layer.
// Threads: a FieldReader keeps counts (not synchronised): one per thread. The
//   OGRFeature it reads belongs to the caller's GDAL dataset, itself used on
//   one thread (GDAL datasets are not thread-safe). parse_number() is pure.
// Failures: none reported: an absent, unset or null field reads as "" / an
//   empty list / JSON null; embedded JSON that does not parse (or nests deeper
//   than kMaxJsonDepth) is kept as text; undecodable text is recoded from
//   Windows-1252 and counted (recoded_count()). Nothing is thrown on input
//   data (list elements re-parsed by json() are numbers this reader wrote).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <ogr_feature.h>
#include <nlohmann/json.hpp>

namespace geo::gdal {

class FieldReader {
public:
    // The value as UTF-8 text, trimmed; "" when the field is absent (index
    // < 0), unset or null.
    std::string text(const OGRFeature& feature, int index);
    // A list value: GDAL list fields, a JSON array in a text field, or text
    // joined with ";" (or "|"). Empty elements are dropped.
    std::vector<std::string> list(const OGRFeature& feature, int index);
    // The value as JSON (numbers, booleans, arrays, embedded JSON kept as
    // such); null when unset.
    nlohmann::json json(const OGRFeature& feature, int index);

    // Values that were not UTF-8 and were read as Windows-1252.
    [[nodiscard]] std::int64_t recoded_count() const { return m_recoded; }
    [[nodiscard]] std::int64_t first_recoded_fid() const { return m_first_recoded_fid; }

private:
    std::string utf8(const OGRFeature& feature, const char* raw);
    std::int64_t m_recoded = 0;
    std::int64_t m_first_recoded_fid = -1;
};

// A decimal number written in a text field: "47.6", " 1,52 " (decimal
// comma), "nan" → NaN; nullopt when not a number.
std::optional<double> parse_number(std::string_view text);

}  // namespace geo::gdal
