#include "app/gui/model/actors_controller.hpp"

#include "geo/analysis/audience_perimeter.hpp"

namespace app::gui {

geo::Result<ActorsOutcome> run_actors(const ActorsRequest& request) {
    if (!request.items || request.items->empty()) return geo::fail_fmt("no offer item loaded");
    auto use_case = geo::AudiencePerimeter::create(request.items, request.territories);
    if (!use_case) return tl::unexpected(use_case.error());
    geo::PerimeterParams params;
    params.levels = {request.level};
    auto run = use_case->run(request.audience, params);
    if (!run) return tl::unexpected(run.error());
    auto actors = geo::compute_actors(*run, *request.items);
    if (!actors) return tl::unexpected(actors.error());
    return ActorsOutcome{std::move(*actors), request.items};
}

}  // namespace app::gui
