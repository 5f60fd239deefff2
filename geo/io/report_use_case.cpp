#include "geo/io/report_use_case.hpp"

#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "geo/analysis/destination_report.hpp"
#include "geo/io/audience_presets.hpp"
#include "geo/io/segments_export.hpp"
#include "geo/store/territory_spec.hpp"

namespace geo {
namespace {

tl::unexpected<ReportFailure> failure(std::string message, bool bad_input) {
    return tl::unexpected(ReportFailure{Error{std::move(message)}, bad_input});
}

}  // namespace

tl::expected<ReportOutcome, ReportFailure> make_destination_report(const Catalogue& catalogue, const ReportSpec& spec) {
    if (spec.audiences.empty()) return failure("give at least one target audience", true);
    if (spec.against.empty()) return failure("give at least one competitor", true);
    auto defaults = segment_defaults();
    if (!defaults) return failure(defaults.error().message, false);
    ReportRequest request;
    request.segments = *defaults;
    request.segments.level = spec.level.value_or(defaults->level);
    request.cover = spec.cover;
    request.date = spec.date;
    request.catalogue_name = spec.catalogue_name;

    auto audiences = all_audiences(catalogue);
    if (!audiences) return failure(audiences.error().message, false);
    for (const std::string& given : spec.audiences) {  // a JSON file joins the scored audiences
        auto audience = resolve_audience(given, &catalogue);
        if (!audience) return failure(audience.error().message, true);
        const bool scored = std::any_of(audiences->begin(), audiences->end(),
                                        [&](const SegmentAudience& a) { return a.audience.id == audience->id; });
        if (!scored) audiences->push_back({*audience, "file"});
        if (std::find(request.targets.begin(), request.targets.end(), audience->id) == request.targets.end())
            request.targets.push_back(audience->id);
    }
    const Audience& first = audiences->front().audience;
    auto ours = resolve_territory(catalogue, spec.territory, first, request.segments.level);
    if (!ours) return failure(fmt::format("territory {}: {}", spec.territory, ours.error().message), true);
    std::vector<Territory> competitors;
    for (const std::string& given : spec.against) {
        auto t = resolve_territory(catalogue, given, first, request.segments.level);
        if (!t) return failure(fmt::format("competitor {}: {}", given, t.error().message), true);
        competitors.push_back(std::move(*t));
    }
    auto items = catalogue.items();
    if (!items) return failure(items.error().message, false);
    if (items->empty())
        return failure(fmt::format("{}: the catalogue holds no offer item; import some first", catalogue.path()),
                       false);
    auto territories = catalogue.territories();
    if (!territories) return failure(territories.error().message, false);
    auto sources = catalogue.sources();
    if (!sources) return failure(sources.error().message, false);
    std::vector<Territory> communes;
    for (const Territory& t : *territories)
        if (t.level == TerritoryLevel::commune) communes.push_back(t);
    auto use_case = AudiencePerimeter::create(std::make_shared<const std::vector<OfferItem>>(std::move(*items)),
                                              std::make_shared<const std::vector<Territory>>(std::move(*territories)));
    if (!use_case) return failure(use_case.error().message, false);
    auto report = compute_destination_report(*use_case, *ours, competitors, *audiences, communes, request);
    if (!report) return failure(report.error().message, false);
    auto taxonomy = Taxonomy::load_default();  // label names; ids when it cannot be read
    ReportOutcome outcome;
    outcome.targets = report->targets.size();
    outcome.document = build_report_document(*report, *sources, taxonomy ? &*taxonomy : nullptr, spec.language);
    return outcome;
}

}  // namespace geo
