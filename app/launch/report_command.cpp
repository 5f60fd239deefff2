// territoire report in builds with the map window: the command of app/cli
// with the cairo PDF writer of app/print.
#include "app/launch/launch_commands.hpp"
#include "app/print/report_pdf.hpp"

namespace app::cli {

void add_report_command_with_pdf(CLI::App& app, CommonOptions& common, int& exit_code) {
    add_report_command(app, common, exit_code, &print::write_report_pdf);
}

}  // namespace app::cli
