#include "app/gui/model/segments_controller.hpp"

#include "geo/io/segments_export.hpp"
#include "geo/store/catalogue.hpp"
#include "geo/store/territory_spec.hpp"

namespace app::gui {

geo::Result<SegmentsOutcome> run_segments(const SegmentsRequest& request) {
    if (request.against.empty()) return geo::fail_fmt("choose at least one competitor");
    if (!request.items || request.items->empty()) return geo::fail_fmt("no offer item loaded");
    auto params = geo::segment_defaults();
    if (!params) return tl::unexpected(params.error());
    auto catalogue = geo::Catalogue::open(request.catalogue, geo::Catalogue::Mode::read_only);
    if (!catalogue) return tl::unexpected(catalogue.error());
    auto audiences = geo::all_audiences(*catalogue);
    if (!audiences) return tl::unexpected(audiences.error());
    const geo::Audience& first = audiences->front().audience;
    auto ours = geo::resolve_territory(*catalogue, request.ours, first, params->level);
    if (!ours) return tl::unexpected(ours.error().with_context(request.ours));
    std::vector<geo::Territory> competitors;
    for (const std::string& spec : request.against) {
        auto t = geo::resolve_territory(*catalogue, spec, first, params->level);
        if (!t) return tl::unexpected(t.error().with_context(spec));
        competitors.push_back(std::move(*t));
    }
    auto use_case = geo::AudiencePerimeter::create(request.items, nullptr);
    if (!use_case) return tl::unexpected(use_case.error());
    auto result = geo::compute_segments(*use_case, *ours, competitors, *audiences, *params);
    if (!result) return tl::unexpected(result.error());
    return SegmentsOutcome{std::move(*result), std::move(*audiences)};
}

}  // namespace app::gui
