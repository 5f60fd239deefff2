// territoire: thin glue. With a subcommand, the command line; with none, the
// map window on the demo catalogue (when built with it: TERRITOIRE_BUILD_GUI).
#include <csignal>
#include <cstdio>

#include "app/cli/commands.hpp"
#if TERRITOIRE_WITH_GUI
#include "app/launch/launch_commands.hpp"
#endif

int main(int argc, char** argv) {
    // A file size limit (ulimit -f) makes a write fail with EFBIG, which every
    // writer reports with the file name, instead of killing the process with
    // SIGXFSZ and leaving its temporary file behind.
    std::signal(SIGXFSZ, SIG_IGN);
#if TERRITOIRE_WITH_GUI
    if (argc <= 1) return app::cli::run_default_gui();
    return app::cli::run(argc, argv, {app::cli::add_gui_command, app::cli::add_render_command});
#else
    if (argc <= 1) {
        std::fprintf(
            stderr,
            "territoire: this build has no map window (built with -DTERRITOIRE_BUILD_GUI=OFF); "
            "see territoire --help for the commands\n");
        return 2;
    }
    return app::cli::run(argc, argv);
#endif
}
