// territoire project show FILE | project check FILE: what a project file
// holds (catalogue, audience with its weights, layers, view, language,
// panels) and whether it opens as saved (catalogue readable, audience known,
// layer files present). Exit codes: 0 readable (show) or sound (check), 1 a
// file that is not a project, is newer than this build or names missing
// files, 2 bad usage.
#include <memory>

#include <fmt/format.h>

#include "app/cli/cli_error.hpp"
#include "app/cli/commands.hpp"
#include "geo/core/offer.hpp"
#include "geo/io/project_check.hpp"
#include "geo/io/project_file.hpp"

namespace app::cli {
namespace {

void print_project(const geo::Project& p, const std::string& path) {
    fmt::print("{}: Territoire project, format version {}\n", path, geo::kProjectVersion);
    fmt::print("  catalogue: {}\n", p.demo ? "the demo (read-only)" : p.catalogue);
    if (p.audience) {
        const geo::ProjectAudience& a = *p.audience;
        fmt::print("  audience: {}, level {:.0f} %{}, bandwidth {}\n", a.id, a.level * 100.0,
                   a.nested ? " (nested 50 / 95 %)" : "", geo::bandwidth_choice_text(a.bandwidth));
        for (const auto& [id, w] : a.family_weights) fmt::print("    family {}: {:g}\n", id, w);
        for (const auto& [id, w] : a.subtype_weights) fmt::print("    subtype {}: {:g}\n", id, w);
    } else {
        fmt::print("  audience: none\n");
    }
    fmt::print("  layers (bottom to top):{}\n", p.layers.empty() ? " the default stack" : "");
    for (const geo::ProjectLayer& l : p.layers)
        fmt::print("    {}{}: {}, opacity {:g}\n", l.id, l.path.empty() ? "" : " " + l.path,
                   l.visible ? "shown" : "hidden", l.opacity);
    if (p.view)
        fmt::print("  view: {:.6f}, {:.6f} at zoom {:.2f}\n", p.view->lon_deg, p.view->lat_deg, p.view->zoom);
    else
        fmt::print("  view: fitted to the data\n");
    fmt::print("  language: {}\n", p.language.empty() ? "from the environment" : p.language);
    fmt::print("  panels: {}\n", p.panels.empty() ? "none" : fmt::format("{}", fmt::join(p.panels, ", ")));
    for (const geo::Error& w : p.warnings) fmt::print("  warning: {}\n", w.message);
}

int check(const geo::Project& p, const std::string& path) {
    const geo::ProjectCheck c = geo::check_project(p, path);
    for (const geo::Error& w : p.warnings) fmt::print("warning: {}\n", w.message);
    if (c.items >= 0) fmt::print("catalogue {}: {} offer items\n", c.catalogue_path, c.items);
    if (c.audience) {
        const auto modified = geo::modified_weights(c.audience->audience, c.audience->preset);
        fmt::print("audience {}: {}{}\n", c.audience->audience.id, c.audience->audience.name_en,
                   modified.empty()
                       ? ""
                       : fmt::format(" — {} weight(s) changed: {}", modified.size(), fmt::join(modified, ", ")));
    }
    for (const std::string& problem : c.problems) fmt::print(stderr, "territoire project check: {}\n", problem);
    if (!c.problems.empty()) return 1;
    fmt::print("{}: ok\n", path);
    return 0;
}

}  // namespace

void add_project_command(CLI::App& app, CommonOptions&, int& exit_code) {
    auto* cmd = app.add_subcommand("project", "Project files (catalogue, audience, layers, view): show or check one");
    cmd->require_subcommand(1);
    auto path = std::make_shared<std::string>();
    auto* show = cmd->add_subcommand("show", "Print what a project file holds");
    show->add_option("file", *path, "Project file (.territoire.json)")->required();
    auto* check_cmd = cmd->add_subcommand("check", "Check that a project opens as saved: catalogue, audience, layers");
    check_cmd->add_option("file", *path, "Project file (.territoire.json)")->required();
    const auto run = [path, &exit_code](bool checking) {
        auto project = geo::read_project(*path);
        if (!project) {
            exit_code = cli_fail(checking ? "project check" : "project show", 1, project.error().message);
            return;
        }
        if (checking) {
            exit_code = check(*project, *path);
        } else {
            print_project(*project, *path);
            exit_code = 0;
        }
    };
    show->callback([run] { run(false); });
    check_cmd->callback([run] { run(true); });
}

}  // namespace app::cli
