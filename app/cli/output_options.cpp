#include "app/cli/output_options.hpp"

#include "app/cli/cli_error.hpp"

#include <cstdio>
#include <map>
#include <string>

#include <fmt/core.h>

namespace app::cli {

void add_csv_options(CLI::App& cmd, geo::CsvOptions& csv) {
    cmd.add_flag_function(
        "--csv-raw", [&csv](std::int64_t) { csv.cells = geo::CsvCells::raw; },
        "CSV: write text cells as they are (by default a cell starting with = + - @ "
        "tab, CR or ' gets a leading ' so that spreadsheets do not run it as a formula)");
    static const std::map<std::string, geo::CsvDialect> kDialects = {
        {std::string(geo::csv_dialect_id(geo::CsvDialect::rfc4180)), geo::CsvDialect::rfc4180},
        {std::string(geo::csv_dialect_id(geo::CsvDialect::excel_fr)), geo::CsvDialect::excel_fr}};
    cmd.add_option("--csv-dialect", csv.dialect,
                   "CSV: rfc4180 (default: commas and decimal points, for QGIS, R, pandas, databases) or excel-fr "
                   "(semicolons, decimal commas and a UTF-8 byte-order mark: what a French-locale spreadsheet "
                   "opens with a double click)")
        ->transform(CLI::CheckedTransformer(kDialects));
}

void add_provenance_paths_option(CLI::App& cmd, geo::ProvenancePaths& style) {
    static const std::map<std::string, geo::ProvenancePaths> kStyles = {{"name", geo::ProvenancePaths::name},
                                                                        {"full", geo::ProvenancePaths::full}};
    cmd.add_option("--provenance-paths", style,
                   "File names in the provenance: name (base name, the default) or full "
                   "(absolute path)")
        ->transform(CLI::CheckedTransformer(kStyles));
}

bool output_is_safe(std::string_view command, const geo::NamedPath& output, const std::vector<geo::NamedPath>& inputs) {
    auto ok = geo::check_output_path(output, inputs);
    if (ok) return true;
    cli_fail(command, 2, ok.error().message);
    return false;
}

std::vector<geo::NamedPath> map_inputs(const std::string& catalogue, const std::string& audience,
                                       const std::vector<std::string>& context, const std::string& places) {
    std::vector<geo::NamedPath> inputs = {{"--catalogue", catalogue}, {"--audience", audience}};
    for (const auto& file : context) inputs.push_back({"--context", file});
    if (!places.empty()) inputs.push_back({"--places", places});
    return inputs;
}

}  // namespace app::cli
