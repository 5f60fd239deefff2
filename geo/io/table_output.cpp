#include "geo/io/table_output.hpp"

#include "geo/core/rounding.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include "geo/io/buffered_output.hpp"
#include "geo/io/text_output.hpp"

namespace geo {

Result<std::int64_t> write_csv_table(const std::string& path, const TextTable& table, const CsvOptions& csv) {
    auto file = BufferedOutput::create(path);
    if (!file) return tl::unexpected(file.error());
    std::string& out = file->buffer();
    out.append(csv_preamble(csv.dialect));
    auto append_row = [&out, &csv](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0) out.push_back(csv_separator(csv.dialect));
            append_csv_cell(out, row[i], csv);
        }
        out.append("\r\n");
    };
    append_row(table.header);
    for (const auto& row : table.rows) {
        if (row.size() != table.header.size())
            return fail_fmt("{}: a row of {} cells under a header of {}", path, row.size(), table.header.size());
        append_row(row);
        if (auto ok = file->flush_if_full(); !ok) return tl::unexpected(ok.error());
    }
    if (auto ok = file->commit(); !ok) return tl::unexpected(ok.error());
    return static_cast<std::int64_t>(table.rows.size());
}

Result<void> write_json_file(const std::string& path, const nlohmann::json& document) {
    auto file = BufferedOutput::create(path);
    if (!file) return tl::unexpected(file.error());
    file->buffer() = document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    file->buffer().push_back('\n');
    return file->commit();
}

std::string csv_number(double v, int decimals) {
    if (!std::isfinite(v)) return "";
    return fmt::format("{:.{}f}", v, decimals);
}

nlohmann::json json_number(double v, int decimals) {
    if (!std::isfinite(v)) return nullptr;
    return round_to_decimals(v, decimals);
}

std::string csv_number(const std::optional<double>& v, int decimals) {
    return v ? csv_number(*v, decimals) : std::string();
}

nlohmann::json json_number(const std::optional<double>& v, int decimals) {
    return v ? json_number(*v, decimals) : nlohmann::json(nullptr);
}

}  // namespace geo
