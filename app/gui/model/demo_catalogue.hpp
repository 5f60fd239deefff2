#pragma once
// The demo catalogue that `territoire` opens with no argument: the demo
// items (<data_dir()>/demo/items.geojson) imported into a catalogue in the
// user's cache ($XDG_CACHE_HOME/territoire, else ~/.cache/territoire, else
// the temporary folder), re-imported when the demo file is newer.
// Failure: the import's message (file, record, problem).
#include <string>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"

namespace app::gui {

std::string demo_catalogue_path();
// Returns the catalogue path, importing the demo items first if needed.
geo::Result<std::string> ensure_demo_catalogue(const geo::Progress& progress = {});

}  // namespace app::gui
