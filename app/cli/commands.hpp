#pragma once
// The command line: one file per subcommand in app/cli/, each a thin layer
// over geo/ functions. add_*_command() declares the subcommand and its
// options on `app`; the callback stores the exit code in `exit_code`.
// Threads: the command line runs on the main thread, one run() at a time: it
//   owns its CLI::App, the commands print to stdout / stderr, and their geo/
//   calls may use TBB workers inside. `common` and `exit_code` must outlive
//   the parse.
// Failures: run() returns 2 for a CLI11 parse error (0 for --help and
//   --version), else the exit code the command stored (cli_error.hpp). It
//   catches CLI::ParseError only: any other exception escaping a command
//   reaches main() uncaught (none is expected; fmt::print throws
//   std::system_error when stdout or stderr cannot be written).
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "geo/io/report_document.hpp"

namespace app::cli {

// Shared option: the catalogue file (default ./territoire.sqlite).
struct CommonOptions {
    std::string catalogue = "territoire.sqlite";
};

void add_info_command(CLI::App& app, CommonOptions& common, int& exit_code);
void add_check_command(CLI::App& app, CommonOptions& common, int& exit_code);
// territoire catalogue copy FROM TO (SpatiaLite ↔ PostGIS).
void add_catalogue_command(CLI::App& app, CommonOptions& common, int& exit_code);
void add_export_command(CLI::App& app, CommonOptions& common, int& exit_code);
void add_validate_command(CLI::App& app, CommonOptions& common, int& exit_code);
void add_fields_command(CLI::App& app, CommonOptions& common, int& exit_code);
void add_search_command(CLI::App& app, CommonOptions& common, int& exit_code);
void add_basemap_command(CLI::App& app, CommonOptions& common, int& exit_code);

void add_audiences_command(CLI::App& app, CommonOptions& common, int& exit_code);
void add_import_command(CLI::App& app, CommonOptions& common, int& exit_code);
void add_compare_command(CLI::App& app, CommonOptions& common, int& exit_code);
void add_gaps_command(CLI::App& app, CommonOptions& common, int& exit_code);
void add_segments_command(CLI::App& app, CommonOptions& common, int& exit_code);
void add_actors_command(CLI::App& app, CommonOptions& common, int& exit_code);

void add_perimeter_command(CLI::App& app, CommonOptions& common, int& exit_code);

void add_perimeter_compare_command(CLI::App& app, CommonOptions& common, int& exit_code);
void add_project_command(CLI::App& app, CommonOptions& common, int& exit_code);

// The destination report's PDF writer (app/print/report_pdf.hpp, in builds
// with the map window): returns the page count. Null: the report is HTML only.
using ReportPdfWriter = geo::Result<int> (*)(const geo::ReportDocument& doc, const std::string& path);
// Registered by main (it knows whether the build has a PDF writer).
void add_report_command(CLI::App& app, CommonOptions& common, int& exit_code, ReportPdfWriter pdf);

// Runs the command line; returns the process exit code (2 for bad usage).
// Subcommands registered from outside app/cli (the map window's gui and
// render, app/launch), after the CLI's own.
using CommandRegistrar = void (*)(CLI::App& app, CommonOptions& common, int& exit_code);
int run(int argc, char** argv, const std::vector<CommandRegistrar>& extra = {});

}  // namespace app::cli
