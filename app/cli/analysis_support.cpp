#include "app/cli/analysis_support.hpp"

#include "geo/io/audience_presets.hpp"

namespace app::cli {

void add_analysis_options(CLI::App& cmd, CommonOptions& common, std::string& audience) {
    cmd.add_option("--catalogue", common.catalogue, "Catalogue file")->capture_default_str();
    cmd.add_option("--audience", audience, "Audience: preset id or name, JSON file, or saved id")->required();
}

CliResult<AnalysisInputs> open_analysis_inputs(const CommonOptions& common, const std::string& audience) {
    auto catalogue = geo::Catalogue::open(common.catalogue, geo::Catalogue::Mode::read_only);
    if (!catalogue) return tl::unexpected(CliError{1, catalogue.error().message});
    auto resolved = geo::resolve_audience(audience, &*catalogue);
    if (!resolved) return tl::unexpected(CliError{1, resolved.error().message});
    return AnalysisInputs{std::move(*catalogue), std::move(*resolved)};
}

}  // namespace app::cli
