#pragma once
// Where runtime data (taxonomy.json, audiences.json, gap_defaults.json, demo/)
// is found, first match wins:
//   1. $TERRITOIRE_DATA_DIR, if set and not empty (kept even without
//      taxonomy.json: the loaders then name the file it lacks);
//   2. development builds only (CMake TERRITOIRE_CHECKOUT_DATA, on by
//      default, off in the release preset): the checkout's data/;
//   3. share/territoire beside the running executable's bin/ (an install
//      moved elsewhere: `cmake --install build/release --prefix DIR`);
//   4. the install prefix's share/territoire, as configured.
// Other candidates count when they hold taxonomy.json. When none does, the last
// one is returned and the loaders report the missing file by name.
// Threads: safe (reads the environment and the file system only).
// Failures: none here; see the loaders (taxonomy_load, audience_presets).
#include <string>
#include <vector>

namespace geo {

std::string data_dir();

// The user's folder for Territoire under an XDG base directory:
// $<xdg_variable>/territoire (XDG_CACHE_HOME, XDG_CONFIG_HOME) when set,
// else ~/<home_folder>/territoire (".cache", ".config"), else the temporary
// folder's territoire/. Not created here.
std::string user_dir(const char* xdg_variable, const char* home_folder);

// The candidates in order, for the executable at `exe_path` (empty: this
// process's, from /proc/self/exe); for tests and `territoire info`.
std::vector<std::string> data_dir_candidates(const std::string& exe_path = {});

}  // namespace geo
