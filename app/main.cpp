// territoire: thin glue. With a subcommand, the command line; with none, the
// map window on the demo catalogue.
#include "app/cli/commands.hpp"

int main(int argc, char** argv) {
    if (argc <= 1) return app::cli::run_default_gui();
    return app::cli::run(argc, argv);
}
