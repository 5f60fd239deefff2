// territoire report: the destination report (contrat de destination) for one
// or more target audiences — cover, ranked targets, per target its perimeter
// map, key figures and partners, strengths and weaknesses against the
// competitors with the radar, the top offer gaps with a map, the actors to
// federate, and the sources, licences, parameters and date
// (geo::make_destination_report, the same call as File › Export report). Writes
// self-contained HTML (geo/io/report_html.hpp) or, in builds with the map
// window, a PDF drawn with cairo (app/print/report_pdf.hpp, given as `pdf`).
// Exit codes: 0 done, 1 catalogue, analysis or write error, 2 bad arguments.
#include <algorithm>
#include <filesystem>
#include <memory>

#include <fmt/core.h>

#include "app/cli/cli_error.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/output_options.hpp"
#include "app/cli/perimeter_support.hpp"
#include "geo/core/clock.hpp"
#include "geo/core/text_fold.hpp"
#include "geo/io/report_html.hpp"
#include "geo/io/report_use_case.hpp"

namespace app::cli {
namespace {

struct ReportArgs {
    geo::ReportSpec spec;
    std::string output;
    std::string language = "fr";
};

int run_report(const CommonOptions& common, ReportArgs args, ReportPdfWriter pdf) {
    const char* cmd = "report";
    const std::string ext = geo::lower_extension(args.output);
    if (ext != ".html" && ext != ".htm" && ext != ".pdf")
        return cli_fail(cmd, 2, fmt::format("-o {}: expected OUT.html or OUT.pdf", args.output));
    if (ext == ".pdf" && pdf == nullptr)
        return cli_fail(cmd, 2,
                        fmt::format("-o {}: this build writes the report as HTML only (the PDF is drawn by the map "
                                    "window's printing, -DTERRITOIRE_BUILD_GUI=ON)",
                                    args.output));
    if (!output_is_safe(cmd, {"-o", args.output}, {{"--catalogue", common.catalogue}})) return 2;
    const auto lang = geo::report_language_from_text(args.language);
    if (!lang) return cli_fail(cmd, 2, fmt::format("--lang {}: expected fr or en", args.language));
    if (args.spec.level && !(*args.spec.level >= geo::kMinLevel && *args.spec.level <= 1.0))
        return cli_fail(cmd, 2, fmt::format("--level {}: expected a share in [0.01, 1]", *args.spec.level));
    auto catalogue = open_catalogue(common.catalogue, geo::Catalogue::Mode::read_only);
    if (!catalogue) return cli_fail(cmd, catalogue.error().exit_code, catalogue.error().message);
    args.spec.language = *lang;
    args.spec.date = geo::utc_now_iso8601().substr(0, 10);
    args.spec.catalogue_name = std::filesystem::path(common.catalogue).filename().string();
    auto report = geo::make_destination_report(*catalogue, args.spec);
    if (!report) return cli_fail(cmd, report.error().bad_input ? 2 : 1, report.error().error.message);
    if (ext == ".pdf") {
        auto pages = pdf(report->document, args.output);
        if (!pages) return cli_fail(cmd, 1, pages.error().message);
        fmt::print("Wrote the destination report ({} targets, {} pages) to {}\n", report->targets, *pages, args.output);
        return 0;
    }
    if (auto ok = geo::write_report_html(report->document, args.output); !ok)
        return cli_fail(cmd, 1, ok.error().message);
    fmt::print("Wrote the destination report ({} targets) to {}\n", report->targets, args.output);
    return 0;
}

}  // namespace

void add_report_command(CLI::App& app, CommonOptions& common, int& exit_code, ReportPdfWriter pdf) {
    auto* cmd = app.add_subcommand("report",
                                   "The destination report (contrat de destination) for target audiences: HTML or "
                                   "PDF");
    auto args = std::make_shared<ReportArgs>();
    cmd->add_option("--catalogue", common.catalogue, "Catalogue file")->capture_default_str();
    cmd->add_option("--audience", args->spec.audiences,
                    "Target audiences, comma-separated: preset id or name, JSON file, or saved id")
        ->required()
        ->delimiter(',');
    cmd->add_option("--territory", args->spec.territory,
                    "Our territory: LEVEL:CODE (departement:37), a name, producer:NAME, source:KEY or "
                    "offer:LEVEL:CODE")
        ->required();
    cmd->add_option("--against", args->spec.against, "Competitors, comma-separated, same forms")
        ->required()
        ->delimiter(',');
    cmd->add_option("--level", args->spec.level,
                    "Perimeter level (share of the weighted offer, 0-1; default: gap defaults)");
    cmd->add_option("-o,--output", args->output, "OUT.html | OUT.pdf")->required();
    cmd->add_option("--destination", args->spec.cover.destination,
                    "Destination name on the cover (default: our territory)");
    cmd->add_option("--slogan", args->spec.cover.slogan, "Slogan on the cover");
    cmd->add_option("--promise", args->spec.cover.promise, "The brand's promise, on the cover");
    cmd->add_option("--lang", args->language, "Language of the report: fr or en")->capture_default_str();
    cmd->callback([&common, &exit_code, args, pdf] { exit_code = run_report(common, *args, pdf); });
}

}  // namespace app::cli
