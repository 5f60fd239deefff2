#pragma once
// What every subcommand that writes files shares: --csv-raw (CSV text cells
// as they are, no formula neutralising), --csv-dialect (rfc4180 | excel-fr,
// geo/io/text_output.hpp), --provenance-paths (name | full), and
// the refusal to write an output over the catalogue or an input (exit code 2,
// geo/io/output_paths.hpp).
// Threads: set-up and checks on the main thread. The add_*_option() functions
//   bind CLI11 options to `csv` / `style`, which must outlive the parse;
//   map_inputs() is pure; output_is_safe() stats files.
// Failures: output_is_safe() prints the reason (both files named) and returns
//   false; a bad --provenance-paths value is a CLI11 parse error (exit 2).
//   Nothing is thrown (fmt::print aside, on an unwritable stderr).
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "geo/io/output_paths.hpp"
#include "geo/io/text_output.hpp"

namespace app::cli {

// --csv-raw and --csv-dialect rfc4180|excel-fr into `csv`.
void add_csv_options(CLI::App& cmd, geo::CsvOptions& csv);

// --provenance-paths name|full into `style` (default name: base names only).
void add_provenance_paths_option(CLI::App& cmd, geo::ProvenancePaths& style);

// True when `output` is none of `inputs`; otherwise prints
// "territoire COMMAND: message" on stderr and returns false (the caller exits
// with 2, having written nothing).
bool output_is_safe(std::string_view command, const geo::NamedPath& output, const std::vector<geo::NamedPath>& inputs);

// The inputs of a map picture (render, gui --screenshot): --catalogue,
// --audience, every --context file and --places. The audience is listed even
// when it is a preset id, not a file: `-o` spelled like that id is refused too.
std::vector<geo::NamedPath> map_inputs(const std::string& catalogue, const std::string& audience,
                                       const std::vector<std::string>& context, const std::string& places = "");

}  // namespace app::cli
