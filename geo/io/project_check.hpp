#pragma once
// A project against the files it names: the catalogue it opens (the demo's
// cached copy for a demo project), the audience with the project's weights
// applied on its preset, and the context and basemap files. Used by
// `territoire project check`, by the commands that take --project
// (perimeter, export) and by the map window when it opens a project.
// Threads: the functions open their own read-only Catalogue; any thread.
// Failures: resolve_project_audience() fails as resolve_audience() (unknown
//   audience, unreadable file) or for a subtype the taxonomy does not know;
//   check_project() never fails: it lists the problems it finds, each naming
//   the project file and the file or field at fault.
#include <optional>
#include <string>
#include <vector>

#include "geo/analysis/audience.hpp"
#include "geo/core/error.hpp"
#include "geo/io/project_file.hpp"

namespace geo {
class Catalogue;

// The catalogue file a project opens: its own, or the demo's cached copy.
std::string project_catalogue_path(const Project& project);

struct ResolvedAudience {
    Audience preset;    // as resolved from the id (preset, file, catalogue)
    Audience audience;  // with the project's weights; names end in " (modifié)" / " (modified)" when they differ
};
// The names of `audience` marked when its weights differ from `preset`'s.
void mark_modified_names(Audience& audience, const Audience& preset);
Result<ResolvedAudience> resolve_project_audience(const ProjectAudience& spec, const Catalogue* catalogue);
// The project's weights of `audience` (all families, the subtypes it names).
ProjectAudience project_audience_of(const Audience& audience);

struct ProjectCheck {
    std::string catalogue_path;
    long long items = -1;  // -1: the catalogue could not be read
    std::optional<ResolvedAudience> audience;
    std::vector<std::string> problems;  // empty: the project opens as saved
};
ProjectCheck check_project(const Project& project, const std::string& project_path);

}  // namespace geo
