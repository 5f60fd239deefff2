// territoire: thin glue. With a subcommand, the command line; with none, the
// map window on the demo catalogue (when built with it: TERRITOIRE_BUILD_GUI).
#include <csignal>
#include <cstdio>
#include <string>

#include "app/cli/commands.hpp"
#if TERRITOIRE_WITH_GUI
#include "app/launch/launch_commands.hpp"
#endif

namespace {

[[maybe_unused]] int no_map_window(const std::string& what) {
    std::fprintf(stderr,
                 "%s: this build has no map window (built with -DTERRITOIRE_BUILD_GUI=OFF); "
                 "see territoire --help for the commands\n",
                 what.c_str());
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    // A file size limit (ulimit -f) makes a write fail with EFBIG, which every
    // writer reports with the file name, instead of killing the process with
    // SIGXFSZ and leaving its temporary file behind.
    std::signal(SIGXFSZ, SIG_IGN);
#if TERRITOIRE_WITH_GUI
    if (argc <= 1) return app::cli::run_default_gui();
    return app::cli::run(
        argc, argv, {app::cli::add_report_command_with_pdf, app::cli::add_gui_command, app::cli::add_render_command});
#else
    if (argc <= 1) return no_map_window("territoire");
    // gui and render still answer, saying why they cannot run here.
    const auto absent = [](CLI::App& app, app::cli::CommonOptions& common, int& exit_code) {
        app::cli::add_report_command(app, common, exit_code, nullptr);  // HTML only
        for (const char* name : {"gui", "render"}) {
            CLI::App* cmd = app.add_subcommand(name, "Not in this build (TERRITOIRE_BUILD_GUI=OFF)");
            cmd->allow_extras();
            cmd->callback([name, &exit_code] { exit_code = no_map_window(std::string("territoire ") + name); });
        }
    };
    return app::cli::run(argc, argv, {absent});
#endif
}
