#pragma once
// The map window's state as a project file holds it (geo/io/project_file),
// and back: the audience with its weights and parameters, the layers'
// order, visibility and opacity with the files of the context layers and
// basemaps, the camera, the language and the open panels. Reading, writing
// and validating projects is geo/'s (the command line shares it); this is
// only the mapping onto the window's model. No ImGui; main thread only.
// Failures: none; nothing is validated here (geo/io/project_check does it): a project's file layer that
//   the stack does not show is left out of project_looks().
#include <string>
#include <vector>

#include "app/gui/model/audience_controller.hpp"
#include "app/gui/model/map_model.hpp"
#include "app/gui/model/ui_state.hpp"
#include "geo/io/project_file.hpp"

namespace app::gui {

// `catalogue`: the open catalogue file; `demo`: it is the demo's.
geo::Project capture_project(const MapModel& model, const AudienceController& audience, const UiState& ui,
                             const std::string& catalogue, bool demo, const std::string& language);

// The parameters the project's audience asks for.
AudienceParams project_params(const geo::ProjectAudience& audience);

// The project's layer looks with its ids mapped onto `layers` (context and
// basemap layers by file, as they were loaded again), bottom to top.
std::vector<LayerLook> project_looks(const geo::Project& project, const LayerStack& layers);

// The project's context layer and basemap files, bottom to top, each list.
std::vector<std::string> project_files(const geo::Project& project, LayerKind kind);

}  // namespace app::gui
