#include "geo/io/project_check.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "geo/core/taxonomy.hpp"
#include "geo/io/audience_presets.hpp"
#include "geo/io/demo_catalogue.hpp"
#include "geo/store/catalogue.hpp"

namespace geo {

std::string project_catalogue_path(const Project& project) {
    return project.demo ? demo_catalogue_path() : project.catalogue;
}

void mark_modified_names(Audience& audience, const Audience& preset) {
    const bool changed = !modified_weights(audience, preset).empty();
    audience.name_fr = preset.name_fr + (changed ? " (modifié)" : "");
    audience.name_en = preset.name_en + (changed ? " (modified)" : "");
}

Result<ResolvedAudience> resolve_project_audience(const ProjectAudience& spec, const Catalogue* catalogue) {
    auto preset = resolve_audience(spec.id, catalogue);
    if (!preset) return tl::unexpected(preset.error());
    ResolvedAudience out{*preset, *preset};
    for (const auto& [id, w] : spec.family_weights)
        if (const auto family = family_from_id(id)) out.audience.family_weights[static_cast<std::size_t>(*family)] = w;
    if (!spec.subtype_weights.empty()) {
        auto taxonomy = Taxonomy::load_default();
        if (!taxonomy) return tl::unexpected(taxonomy.error());
        for (const auto& [id, w] : spec.subtype_weights) {
            // clang 14 (the fuzz preset) cannot capture a structured binding.
            const std::string& wanted = id;
            const bool known = std::any_of(taxonomy->subtypes().begin(), taxonomy->subtypes().end(),
                                           [&](const SubtypeInfo& s) { return s.id == wanted; });
            if (!known) return fail_fmt("audience \"{}\": unknown subtype \"{}\"", spec.id, id);
            out.audience.subtype_weights[id] = w;
        }
    }
    mark_modified_names(out.audience, out.preset);
    return out;
}

ProjectAudience project_audience_of(const Audience& audience) {
    ProjectAudience a;
    a.id = audience.id;
    for (const Family f : kAllFamilies) a.family_weights[std::string(family_id(f))] = audience.family_weight(f);
    a.subtype_weights = audience.subtype_weights;
    return a;
}

ProjectCheck check_project(const Project& project, const std::string& project_path) {
    namespace fs = std::filesystem;
    ProjectCheck check;
    check.catalogue_path = project_catalogue_path(project);
    const auto problem = [&](const std::string& what) { check.problems.push_back(project_path + ": " + what); };
    std::error_code ec;
    std::optional<Catalogue> catalogue;
    if (!is_database_address(check.catalogue_path) && !fs::exists(check.catalogue_path, ec)) {
        problem(project.demo
                    ? fmt::format("the demo catalogue {} is not created yet (open the map once)", check.catalogue_path)
                    : fmt::format("catalogue {}: no such file", check.catalogue_path));
    } else if (auto opened = Catalogue::open(check.catalogue_path, Catalogue::Mode::read_only); !opened) {
        problem(opened.error().message);
    } else {
        catalogue.emplace(std::move(*opened));
        if (auto info = catalogue->info())
            check.items = info->item_count;
        else
            problem(info.error().message);
    }
    if (project.audience) {
        auto audience = resolve_project_audience(*project.audience, catalogue ? &*catalogue : nullptr);
        if (audience)
            check.audience = std::move(*audience);
        else
            problem(audience.error().message);
    }
    for (const ProjectLayer& layer : project.layers)
        if (!layer.path.empty() && !fs::is_regular_file(layer.path, ec))
            problem(fmt::format("layer {}: {}: no such file", layer.id, layer.path));
    return check;
}

}  // namespace geo
