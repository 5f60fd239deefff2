#pragma once
// Writing analysis reports (benchmark tables, gap zones): a CSV table of text
// cells (RFC 4180 or the excel-fr dialect, UTF-8, CRLF, like csv_writer.hpp;
// cells formula-neutralised unless CsvCells::raw, see geo/io/text_output.hpp —
// the numbers csv_number() writes, -12.5 included, are never prefixed and take
// the dialect's decimal mark) and a JSON document, both
// written atomically (BufferedOutput: a failed write leaves the destination as
// it was); numbers rounded for reports, with non-finite values (e.g. an
// infinite distance: no item within reach) as an empty cell / JSON null.
// Thread-safety: distinct calls on distinct files are safe.
// Failures: missing folder, unwritable file (the path is named).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "geo/core/error.hpp"
#include "geo/core/text_fold.hpp"  // lower_extension
#include "geo/io/text_output.hpp"

namespace geo {

struct TextTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;  // each as long as the header
};

// Returns the number of rows written.
Result<std::int64_t> write_csv_table(const std::string& path, const TextTable& table, const CsvOptions& csv = {});
// Pretty-printed (2 spaces), UTF-8, ending with a newline.
Result<void> write_json_file(const std::string& path, const nlohmann::json& document);

// v with `decimals` decimals ("12.35"); "" when v is not finite.
std::string csv_number(double v, int decimals);
// v rounded to `decimals` decimals; null when v is not finite.
nlohmann::json json_number(double v, int decimals);
// The same for an optional value: "" / null when there is none.
std::string csv_number(const std::optional<double>& v, int decimals);
nlohmann::json json_number(const std::optional<double>& v, int decimals);

}  // namespace geo
