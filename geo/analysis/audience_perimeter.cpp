#include "geo/analysis/audience_perimeter.hpp"

#include <fmt/format.h>

#include "geo/analysis/metric_overlay.hpp"

namespace geo {

Result<AudiencePerimeter> AudiencePerimeter::create(std::shared_ptr<const std::vector<OfferItem>> items,
                                                    std::shared_ptr<const std::vector<Territory>> territories) {
    if (!items || items->empty()) return fail_fmt("perimeter: no offer item");
    LonLatBox box;
    std::vector<LonLat> positions;
    positions.reserve(items->size());
    for (const OfferItem& item : *items) {
        if (!is_valid_lonlat(item.position))
            return fail_fmt(
                "perimeter: item {} \"{}\" at lon {} lat {}, expected lon in "
                "[-180, 180] and lat in [-90, 90]",
                item.source_id, item.name, item.position.lon_deg, item.position.lat_deg);
        box.extend(item.position);
        positions.push_back(item.position);
    }
    auto projector = metric_projector_for(box);
    if (!projector) return tl::unexpected(projector.error());
    auto points = project_all(*projector, positions);
    if (!points) return tl::unexpected(points.error().with_context_fmt("perimeter (offer items)"));
    AudiencePerimeter out;
    out.m_items = std::move(items);
    out.m_territories = std::move(territories);
    out.m_projector = std::make_unique<Projector>(std::move(*projector));
    out.m_points = std::move(*points);
    return out;
}

Result<AudiencePerimeterRun> AudiencePerimeter::run(const Audience& audience, const PerimeterParams& params,
                                                    bool with_borders) const {
    AudiencePerimeterRun r;
    r.audience = audience;
    r.params = params;
    r.offer_weights = item_weights(audience, *m_items);
    r.perimeter_weights = perimeter_weights(audience, *m_items);
    bool any = false;
    for (double w : r.perimeter_weights) any = any || w > 0.0;
    if (!any)
        return fail_fmt(
            "audience \"{}\": none of the {} offer items is an attraction with a positive "
            "weight (its families, subtypes, season and labels exclude them all, or only "
            "support such as accommodation is weighted)",
            audience.id, m_items->size());
    auto result = compute_perimeter(*m_projector, m_points, r.perimeter_weights, params);
    if (!result) return tl::unexpected(result.error());
    r.result = std::move(*result);
    auto stats = perimeter_stats(r.result, *m_items, r.perimeter_weights);
    if (!stats) return tl::unexpected(stats.error());
    r.stats = std::move(*stats);
    if (with_borders && m_territories && !m_territories->empty())
        for (const PerimeterLevel& lv : r.result.levels) {
            auto report = border_report(lv.geometry, *m_territories);
            if (!report) return tl::unexpected(report.error());
            r.borders.push_back(std::move(*report));
        }
    return r;
}

}  // namespace geo
