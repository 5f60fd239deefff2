#pragma once
// The ranked segments behind the Segments panel: the same calls as
// `territoire segments` (geo::all_audiences, geo::resolve_territory,
// geo::compute_segments with data/gap_defaults.json), for the territories
// chosen in the Benchmark panel and the items loaded in the map. SegmentsController runs it on a
// BackgroundJob thread: opens the catalogue read-only, builds its own
// AudiencePerimeter (PROJ context of that thread), reads only its request.
// Failures (no competitor, unknown territory, gap defaults, analysis errors)
// come back as the result's error, the spec named.
#include <memory>
#include <string>
#include <vector>

#include "app/gui/model/analysis_controller.hpp"
#include "geo/analysis/segments.hpp"
#include "geo/core/error.hpp"

namespace app::gui {

struct SegmentsRequest {
    std::string catalogue;  // path, opened read-only
    std::string ours;       // territory spec
    std::vector<std::string> against;
    std::shared_ptr<const std::vector<geo::OfferItem>> items;
};

struct SegmentsOutcome {
    geo::SegmentsResult result;
    std::vector<geo::SegmentAudience> audiences;  // what was scored, to select one
};

geo::Result<SegmentsOutcome> run_segments(const SegmentsRequest& request);

// run_segments on a worker, with the shape of every analysis controller.
class SegmentsController : public AnalysisController<SegmentsRequest, SegmentsOutcome> {
public:
    SegmentsController() : AnalysisController(run_segments) {}
};

}  // namespace app::gui
