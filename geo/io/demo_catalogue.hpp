#pragma once
// The demo catalogue that `territoire` opens with no argument: the demo
// items (<data_dir()>/demo/items.geojson) imported into a catalogue in the
// user's cache ($XDG_CACHE_HOME/territoire, else ~/.cache/territoire, else
// the temporary folder), re-imported when the demo file is newer.
// The demo is read-only for the user: imports never write into it (they
// propose a new catalogue instead), which is_demo_catalogue() tells.
// Threads: any; the cache folder is written by one process at a time.
// Failure: the import's message (file, record, problem).
#include <string>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"

namespace geo {

std::string demo_catalogue_path();
// Returns the catalogue path, importing the demo items first if needed.
Result<std::string> ensure_demo_catalogue(const Progress& progress = {});
// True when `path` names the cached demo catalogue (same file once resolved).
bool is_demo_catalogue(const std::string& path);

}  // namespace geo
