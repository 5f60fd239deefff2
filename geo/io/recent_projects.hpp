#pragma once
// The projects opened lately, most recent first, kept for the user in
// $XDG_CONFIG_HOME/territoire/recent_projects.json (else ~/.config/…): the
// File › Recent projects menu, and the project the map reopens at start
// when it is given no catalogue or project.
//   {"recent_projects": ["/home/ot/board.territoire.json", …]}
// At most kMaxRecentProjects paths, absolute, no duplicates.
// Threads: any; one process writes the file at a time (replaced atomically).
// Failures: reading never fails (an unreadable or damaged list reads as
//   empty: it is a convenience, not data); writing returns the error.
#include <cstddef>
#include <string>
#include <vector>

#include "geo/core/error.hpp"

namespace geo {

inline constexpr std::size_t kMaxRecentProjects = 8;

// $XDG_CONFIG_HOME/territoire, else ~/.config/territoire, else the temporary folder.
std::string user_config_dir();
std::string recent_projects_path();

std::vector<std::string> read_recent_projects();
// `path` (made absolute) moved to the front of the list, which is written back.
Result<void> add_recent_project(const std::string& path);

}  // namespace geo
