#pragma once
// The command line's doors into the map window: `territoire gui`, `territoire
// render` and the no-argument start. They live apart from app/cli so that a
// CLI-only build (-DTERRITOIRE_BUILD_GUI=OFF) has no GL, EGL, GLFW or ImGui:
// app/cli never includes app/gui, app/gui never includes app/cli (CMake checks
// both at configure time), and only this folder sees both.
// Threads: main thread only (they open the window). Failures: exit codes as
// every subcommand (2 bad usage, 1 failure).
#include <CLI/CLI.hpp>

#include "app/cli/commands.hpp"

namespace app::cli {

void add_gui_command(CLI::App& app, CommonOptions& common, int& exit_code);
void add_render_command(CLI::App& app, CommonOptions& common, int& exit_code);
// `territoire report` with its PDF writer (app/print/report_pdf.hpp).
void add_report_command_with_pdf(CLI::App& app, CommonOptions& common, int& exit_code);

// `territoire` with no argument: the map window on the demo catalogue.
int run_default_gui();

}  // namespace app::cli
