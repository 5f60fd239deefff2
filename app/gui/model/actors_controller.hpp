#pragma once
// The actors to federate behind the Actors panel: the same calls as
// `territoire actors` (geo::AudiencePerimeter::run at the audience panel's
// level, then geo::compute_actors) for the audience shown and the items and
// territories loaded in the map. ActorsController runs it on a BackgroundJob
// thread with its own AudiencePerimeter (PROJ context of that thread); the
// request holds shared, immutable items and territories.
// Failures (no audience, no item, an audience without attraction, perimeter
// or GEOS errors) come back as the result's error.
#include <memory>
#include <vector>

#include "app/gui/model/analysis_controller.hpp"
#include "geo/analysis/actors.hpp"
#include "geo/analysis/audience.hpp"

namespace app::gui {

struct ActorsRequest {
    geo::Audience audience;
    double level = 0.8;
    std::shared_ptr<const std::vector<geo::OfferItem>> items;
    std::shared_ptr<const std::vector<geo::Territory>> territories;
};

struct ActorsOutcome {
    geo::ActorsResult actors;
    std::shared_ptr<const std::vector<geo::OfferItem>> items;  // the result's indices point here
};

geo::Result<ActorsOutcome> run_actors(const ActorsRequest& request);

// run_actors on a worker, with the shape of every analysis controller.
class ActorsController : public AnalysisController<ActorsRequest, ActorsOutcome> {
public:
    ActorsController() : AnalysisController(run_actors) {}
};

}  // namespace app::gui
