#include "app/cli/commands.hpp"

#include <cstdio>
#include <exception>

namespace app::cli {

int run(int argc, char** argv, const std::vector<CommandRegistrar>& extra) {
    CLI::App app{
        "Territoire — destination perimeters, benchmarks and offer gaps for "
        "territorial marketing"};
    app.require_subcommand(0, 1);
    CommonOptions common;
    int exit_code = 0;
    // Each subcommand registers itself here (one file per subcommand).
    add_info_command(app, common, exit_code);
    add_check_command(app, common, exit_code);
    add_catalogue_command(app, common, exit_code);
    add_audiences_command(app, common, exit_code);
    add_import_command(app, common, exit_code);
    add_export_command(app, common, exit_code);
    add_validate_command(app, common, exit_code);
    add_fields_command(app, common, exit_code);
    add_perimeter_command(app, common, exit_code);
    add_perimeter_compare_command(app, common, exit_code);
    add_compare_command(app, common, exit_code);
    add_gaps_command(app, common, exit_code);
    add_segments_command(app, common, exit_code);
    add_actors_command(app, common, exit_code);
    add_search_command(app, common, exit_code);
    add_basemap_command(app, common, exit_code);
    add_project_command(app, common, exit_code);
    for (CommandRegistrar add : extra) add(app, common, exit_code);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help and --version exit 0; every other parse error is bad usage: 2.
        return app.exit(e) == 0 ? 0 : 2;
    } catch (const std::exception& e) {
        // Nothing below is meant to throw (errors are Results); if something
        // does (out of memory, a failed write to stdout), say so and exit 1.
        std::fprintf(stderr, "territoire: %s\n", e.what());
        return 1;
    }
    return exit_code;
}

}  // namespace app::cli
