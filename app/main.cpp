// territoire: thin glue. With a subcommand, the command line; with none, the
// map window on the demo catalogue.
#include <csignal>

#include "app/cli/commands.hpp"

int main(int argc, char** argv) {
    // A file size limit (ulimit -f) makes a write fail with EFBIG, which every
    // writer reports with the file name, instead of killing the process with
    // SIGXFSZ and leaving its temporary file behind.
    std::signal(SIGXFSZ, SIG_IGN);
    if (argc <= 1) return app::cli::run_default_gui();
    return app::cli::run(argc, argv);
}
