// territoire audiences list | show ID: the audience presets (and those saved
// in a catalogue).
#include <cstdio>
#include <filesystem>
#include <optional>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "app/cli/cli_error.hpp"
#include "app/cli/commands.hpp"
#include "geo/io/audience_presets.hpp"
#include "geo/store/catalogue.hpp"

namespace app::cli {

void add_audiences_command(CLI::App& app, CommonOptions& common, int& exit_code) {
    auto* cmd = app.add_subcommand("audiences", "List or show audience presets (cibles)");
    cmd->require_subcommand(1);
    auto* list = cmd->add_subcommand("list", "One preset per line: id, priority, French and English names");
    list->callback([&exit_code] {
        auto presets = geo::load_audience_presets();
        if (!presets) {
            exit_code = cli_fail("audiences list", 1, presets.error().message);
            return;
        }
        for (const geo::Audience& a : *presets)
            fmt::print("{:<18} {}  {} / {}\n", a.id, a.priority, a.name_fr, a.name_en);
        exit_code = 0;
    });
    auto* show = cmd->add_subcommand("show", "Print one audience as JSON (preset id, name, file, or saved id)");
    auto id = std::make_shared<std::string>();
    show->add_option("audience", *id, "Preset id, name, JSON file, or an audience saved in the catalogue")->required();
    show->add_option("--catalogue", common.catalogue, "Catalogue file (for saved audiences)");
    show->callback([&common, &exit_code, id] {
        std::optional<geo::Catalogue> catalogue;
        if (geo::is_database_address(common.catalogue) || std::filesystem::exists(common.catalogue)) {
            // A catalogue that is there but unreadable is said so, not ignored.
            auto opened = geo::Catalogue::open(common.catalogue, geo::Catalogue::Mode::read_only);
            if (!opened) {
                exit_code = cli_fail("audiences show", 1, opened.error().message);
                return;
            }
            catalogue.emplace(std::move(*opened));
        }
        auto audience = geo::resolve_audience(*id, catalogue ? &*catalogue : nullptr);
        if (!audience) {
            exit_code = cli_fail("audiences show", 1, audience.error().message);
            return;
        }
        fmt::print("{}\n", nlohmann::json::parse(geo::audience_to_json(*audience)).dump(2));
        exit_code = 0;
    });
}

}  // namespace app::cli
