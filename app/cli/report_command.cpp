// territoire report: the destination report (contrat de destination) for one
// or more target audiences — cover, ranked targets, per target its perimeter
// map, key figures and partners, strengths and weaknesses against the
// competitors with the radar, the top offer gaps with a map, the actors to
// federate, and the sources, licences, parameters and date
// (geo::compute_destination_report, geo::build_report_document). Writes
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
#include "geo/analysis/destination_report.hpp"
#include "geo/core/clock.hpp"
#include "geo/io/report_html.hpp"
#include "geo/io/segments_export.hpp"
#include "geo/store/territory_spec.hpp"

namespace app::cli {
namespace {

struct ReportArgs {
    std::vector<std::string> audiences;
    std::string territory;
    std::vector<std::string> against;
    std::optional<double> level;
    std::string output;
    std::string language = "fr";
    geo::ReportCover cover;
};

// The targets' ids; an audience given as a JSON file joins the scored ones.
CliResult<std::vector<std::string>> target_ids(const ReportArgs& args, const geo::Catalogue& catalogue,
                                               std::vector<geo::SegmentAudience>& audiences) {
    std::vector<std::string> ids;
    for (const std::string& given : args.audiences) {
        auto audience = resolve_audience(given, catalogue);
        if (!audience) return tl::unexpected(CliError{2, "--audience: " + audience.error().message});
        const bool scored = std::any_of(audiences.begin(), audiences.end(),
                                        [&](const geo::SegmentAudience& a) { return a.audience.id == audience->id; });
        if (!scored) audiences.push_back({*audience, "file"});
        if (std::find(ids.begin(), ids.end(), audience->id) == ids.end()) ids.push_back(audience->id);
    }
    return ids;
}

int run_report(const CommonOptions& common, const ReportArgs& args, ReportPdfWriter pdf) {
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
    if (args.against.empty()) return cli_fail(cmd, 2, "--against: give at least one competitor");
    auto defaults = geo::segment_defaults();
    if (!defaults) return cli_fail(cmd, 1, defaults.error().message);
    geo::ReportRequest request;
    request.segments = *defaults;
    request.segments.level = args.level.value_or(defaults->level);
    if (!(request.segments.level >= geo::kMinLevel && request.segments.level <= 1.0))
        return cli_fail(cmd, 2, fmt::format("--level {}: expected a share in [0.01, 1]", request.segments.level));

    auto catalogue = open_catalogue(common.catalogue, geo::Catalogue::Mode::read_only);
    if (!catalogue) return cli_fail(cmd, catalogue.error().exit_code, catalogue.error().message);
    auto audiences = geo::all_audiences(*catalogue);
    if (!audiences) return cli_fail(cmd, 1, audiences.error().message);
    auto targets = target_ids(args, *catalogue, *audiences);
    if (!targets) return cli_fail(cmd, targets.error().exit_code, targets.error().message);
    const geo::Audience& first = audiences->front().audience;
    auto ours = geo::resolve_territory(*catalogue, args.territory, first, request.segments.level);
    if (!ours) return cli_fail(cmd, 2, "--territory: " + ours.error().message);
    std::vector<geo::Territory> competitors;
    for (const std::string& spec : args.against) {
        auto t = geo::resolve_territory(*catalogue, spec, first, request.segments.level);
        if (!t) return cli_fail(cmd, 2, "--against: " + t.error().message);
        competitors.push_back(std::move(*t));
    }
    auto items = catalogue_items(*catalogue);
    if (!items) return cli_fail(cmd, items.error().exit_code, items.error().message);
    auto territories = catalogue->territories();
    if (!territories) return cli_fail(cmd, 1, territories.error().message);
    auto sources = catalogue->sources();
    if (!sources) return cli_fail(cmd, 1, sources.error().message);
    std::vector<geo::Territory> communes;
    for (const geo::Territory& t : *territories)
        if (t.level == geo::TerritoryLevel::commune) communes.push_back(t);
    auto use_case =
        geo::AudiencePerimeter::create(std::make_shared<const std::vector<geo::OfferItem>>(std::move(*items)),
                                       std::make_shared<const std::vector<geo::Territory>>(std::move(*territories)));
    if (!use_case) return cli_fail(cmd, 1, use_case.error().message);

    request.cover = args.cover;
    request.targets = *targets;
    request.date = geo::utc_now_iso8601().substr(0, 10);
    request.catalogue_name = std::filesystem::path(common.catalogue).filename().string();
    auto report = geo::compute_destination_report(*use_case, *ours, competitors, *audiences, communes, request);
    if (!report) return cli_fail(cmd, 1, report.error().message);
    auto taxonomy = geo::Taxonomy::load_default();
    const geo::ReportDocument doc =
        geo::build_report_document(*report, *sources, taxonomy ? &*taxonomy : nullptr, *lang);
    if (ext == ".pdf") {
        auto pages = pdf(doc, args.output);
        if (!pages) return cli_fail(cmd, 1, pages.error().message);
        fmt::print("Wrote the destination report ({} targets, {} pages) to {}\n", report->targets.size(), *pages,
                   args.output);
        return 0;
    }
    if (auto ok = geo::write_report_html(doc, args.output); !ok) return cli_fail(cmd, 1, ok.error().message);
    fmt::print("Wrote the destination report ({} targets) to {}\n", report->targets.size(), args.output);
    return 0;
}

}  // namespace

void add_report_command(CLI::App& app, CommonOptions& common, int& exit_code, ReportPdfWriter pdf) {
    auto* cmd = app.add_subcommand("report",
                                   "The destination report (contrat de destination) for target audiences: HTML or "
                                   "PDF");
    auto args = std::make_shared<ReportArgs>();
    cmd->add_option("--catalogue", common.catalogue, "Catalogue file")->capture_default_str();
    cmd->add_option("--audience", args->audiences,
                    "Target audiences, comma-separated: preset id or name, JSON file, or saved id")
        ->required()
        ->delimiter(',');
    cmd->add_option("--territory", args->territory,
                    "Our territory: LEVEL:CODE (departement:37), a name, producer:NAME, source:KEY or "
                    "offer:LEVEL:CODE")
        ->required();
    cmd->add_option("--against", args->against, "Competitors, comma-separated, same forms")->required()->delimiter(',');
    cmd->add_option("--level", args->level,
                    "Perimeter level (share of the weighted offer, 0-1; default: gap defaults)");
    cmd->add_option("-o,--output", args->output, "OUT.html | OUT.pdf")->required();
    cmd->add_option("--destination", args->cover.destination, "Destination name on the cover (default: our territory)");
    cmd->add_option("--slogan", args->cover.slogan, "Slogan on the cover");
    cmd->add_option("--promise", args->cover.promise, "The brand's promise, on the cover");
    cmd->add_option("--lang", args->language, "Language of the report: fr or en")->capture_default_str();
    cmd->callback([&common, &exit_code, args, pdf] { exit_code = run_report(common, *args, pdf); });
}

}  // namespace app::cli
