#include "app/cli/perimeter_support.hpp"

#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "geo/io/audience_presets.hpp"
#include "geo/io/project_check.hpp"

namespace app::cli {
namespace {

CliError usage(std::string message) {
    return CliError{2, std::move(message)};
}
CliError failure(std::string message) {
    return CliError{1, std::move(message)};
}

}  // namespace

void add_perimeter_options(CLI::App* cmd, PerimeterOptions& o, bool several_levels) {
    o.level_opt =
        cmd->add_option("--level", o.level, "Share of the audience-weighted offer mass to enclose, in [0.01, 1]")
            ->check(CLI::Range(geo::kMinLevel, 1.0))
            ->capture_default_str();
    if (several_levels) {
        o.levels_opt =
            cmd->add_option("--levels", o.levels, "Several nested levels, comma-separated, e.g. 0.5,0.8,0.95");
        o.levels_opt->excludes(o.level_opt);
    }
    o.bandwidth_opt =
        cmd->add_option("--bandwidth-m", o.bandwidth_m, "Kernel bandwidth in metres (same as --bandwidth METRES)")
            ->check(CLI::PositiveNumber);
    o.bandwidth_choice_opt = cmd->add_option("--bandwidth", o.bandwidth,
                                             "plugin (default: two-stage plug-in), diagonal (the plug-in's "
                                             "east-west and north-south optima, kernels elongated along valleys), "
                                             "scott, adaptive (Abramson, plug-in pilot) or a number of metres (quartic "
                                             "radius / Gaussian sigma)");
    o.bandwidth_choice_opt->excludes(o.bandwidth_opt);
    o.cell_opt =
        cmd->add_option("--cell-m", o.cell_m, "Grid cell in metres (default: sigma / 4)")->check(CLI::PositiveNumber);
    cmd->add_option("--min-area-km2", o.min_area_km2, "Drop perimeter components smaller than this")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    cmd->add_option("--kernel", o.kernel, "Density kernel")
        ->check(CLI::IsMember({"quartic", "gaussian"}))
        ->capture_default_str();
    cmd->add_flag("--json", o.json, "Print the results as JSON on stdout");
}

CliResult<geo::PerimeterParams> perimeter_params(const PerimeterOptions& o) {
    geo::PerimeterParams p;
    p.levels = {o.level};
    if (o.levels_opt != nullptr && o.levels_opt->count() > 0) {
        p.levels.clear();
        std::stringstream in(o.levels);
        std::string part;
        while (std::getline(in, part, ',')) {
            std::size_t used = 0;
            double v = NAN;
            try {
                v = std::stod(part, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used == 0 || part.find_first_not_of(" \t", used) != std::string::npos ||
                !(v >= geo::kMinLevel && v <= 1.0))
                return tl::unexpected(
                    usage(fmt::format("--levels \"{}\": \"{}\" is not a level in [0.01, 1]", o.levels, part)));
            p.levels.push_back(v);
        }
        if (p.levels.empty()) return tl::unexpected(usage("--levels is empty, expected e.g. 0.5,0.8,0.95"));
    }
    if (!(p.levels.front() >= geo::kMinLevel))
        return tl::unexpected(usage(fmt::format("--level {} outside [0.01, 1]", p.levels.front())));
    if (o.bandwidth_opt != nullptr && o.bandwidth_opt->count() > 0) p.bandwidth_m = o.bandwidth_m;
    if (o.bandwidth_choice_opt != nullptr && o.bandwidth_choice_opt->count() > 0) {
        auto choice = geo::bandwidth_choice_from_text(o.bandwidth);
        if (!choice) return tl::unexpected(usage("--bandwidth: " + choice.error().message));
        p.bandwidth_selector = choice->selector;
        if (choice->selector == geo::BandwidthSelector::fixed) p.bandwidth_m = choice->fixed_m;
    }
    if (o.cell_opt != nullptr && o.cell_opt->count() > 0) p.cell_m = o.cell_m;
    p.min_area_km2 = o.min_area_km2;
    auto kernel = geo::kernel_from_id(o.kernel);
    if (!kernel) return tl::unexpected(usage(kernel.error().message));
    p.kernel = *kernel;
    return p;
}

CliResult<geo::Catalogue> open_catalogue(const std::string& path, geo::Catalogue::Mode mode) {
    auto catalogue = geo::Catalogue::open(path, mode);
    if (!catalogue) return tl::unexpected(failure(catalogue.error().message));
    return std::move(*catalogue);
}

CliResult<std::vector<geo::OfferItem>> catalogue_items(const geo::Catalogue& catalogue) {
    auto items = catalogue.items();
    if (!items) return tl::unexpected(failure(items.error().message));
    if (items->empty())
        return tl::unexpected(failure(fmt::format(
            "{}: the catalogue holds no offer item; import some first (territoire import)", catalogue.path())));
    return std::move(*items);
}

CliResult<geo::Audience> resolve_audience(const std::string& audience, const geo::Catalogue& catalogue) {
    auto resolved = geo::resolve_audience(audience, &catalogue);
    if (!resolved) return tl::unexpected(failure(resolved.error().message));
    return std::move(*resolved);
}

CliResult<geo::Project> read_project_option(const std::string& path) {
    auto project = geo::read_project(path);
    if (!project) return tl::unexpected(failure(project.error().message));
    for (const geo::Error& w : project->warnings) std::fprintf(stderr, "warning: %s\n", w.message.c_str());
    return std::move(*project);
}

CliResult<geo::Audience> project_audience(const geo::ProjectAudience& spec, const geo::Catalogue& catalogue) {
    auto resolved = geo::resolve_project_audience(spec, &catalogue);
    if (!resolved) return tl::unexpected(failure(resolved.error().message));
    return std::move(resolved->audience);
}

void apply_project_params(const geo::ProjectAudience& spec, const PerimeterOptions& o, geo::PerimeterParams& p) {
    const bool levels_given = o.level_opt->count() > 0 || (o.levels_opt != nullptr && o.levels_opt->count() > 0);
    if (!levels_given) {
        p.levels = {spec.level};
        if (spec.nested && o.levels_opt != nullptr) {  // as the map draws them (app/gui AudienceParams)
            if (spec.level > 0.5 + 1e-9) p.levels.insert(p.levels.begin(), 0.5);
            if (spec.level < 0.95 - 1e-9) p.levels.push_back(0.95);
        }
    }
    const bool bandwidth_given = o.bandwidth_opt->count() > 0 || o.bandwidth_choice_opt->count() > 0;
    if (!bandwidth_given) {
        p.bandwidth_selector = spec.bandwidth.selector;
        if (spec.bandwidth.selector == geo::BandwidthSelector::fixed) p.bandwidth_m = spec.bandwidth.fixed_m;
    }
}

std::string bandwidth_description(const geo::BandwidthSelection& s) {
    std::string out;
    switch (s.rule) {
        case geo::BandwidthSelector::plugin:
            out = fmt::format("plug-in, isotropic; diagonal optimum {:.0f} × {:.0f} m", s.diag_sigma_x_m,
                              s.diag_sigma_y_m);
            break;
        case geo::BandwidthSelector::diagonal:
            out = fmt::format("plug-in diagonal, σ {:.0f} m east-west × {:.0f} m north-south", s.sigma_x_m(),
                              s.sigma_y_m());
            break;
        case geo::BandwidthSelector::scott:
            out = "Scott's rule";
            break;
        case geo::BandwidthSelector::adaptive:
            out = "adaptive";
            break;
        case geo::BandwidthSelector::fixed:
            out = "as given";
            break;
    }
    if (s.selector == geo::BandwidthSelector::adaptive)
        out = fmt::format("adaptive (Abramson, factors in [1/{0:g}, {0:g}]) around a {1}", geo::kAdaptiveTrim, out);
    if (!s.note.empty()) out += "; " + s.note;
    return out;
}

}  // namespace app::cli
