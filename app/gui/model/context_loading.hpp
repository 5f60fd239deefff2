#pragma once
// Context layers given by path (`territoire gui --context`, `territoire
// render --context`): reads the file with geo::read_context_layer, adds it
// as a layer of the model and says what to credit. Main thread; reads the
// file (blocking). Failure: the reader's message, naming the file.
#include <string>

#include "app/gui/model/map_model.hpp"
#include "geo/core/error.hpp"

namespace app::gui {

// Returns the credit for the attribution line ("Natural Earth" for the
// ne_* files, else "").
geo::Result<std::string> load_context_layer(MapModel& model, const std::string& path);

}  // namespace app::gui
