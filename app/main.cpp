// territoire: thin glue. With a subcommand, the command line; with none, the
// map window on the demo catalogue.
#include "app/cli/commands.hpp"

int main(int argc, char** argv) { return app::cli::run(argc, argv); }
