#pragma once
// The audience-perimeter use case, shared by every caller (territoire
// perimeter, perimeter-compare, gaps, compare's offer destinations, render and
// the map's audience panel): built once per item set, it chooses the metric
// CRS from all the items' extent and projects them once; run() then weighs
// the items for an audience (attractions shape the perimeter, support does
// not: audience.hpp), draws the perimeter (perimeter.hpp), measures it
// (perimeter_stats.hpp) and reports the territories it crosses
// (border_report.hpp) — so the map and the command line draw the same
// polygons for the same catalogue and audience.
// Ownership: holds shared, immutable items and territories.
// Threads: run() is const but inverse-projects with the PROJ context of its
//   Projector: call it from one thread at a time (the GUI's worker, or the
//   CLI's main thread). create() may run on any thread.
// Failures: create(): no item, an item outside [-180, 180] × [-90, 90], PROJ
//   errors; run(): no attraction with a positive weight (message names the
//   audience), perimeter, statistics or border-report errors.
#include <memory>
#include <vector>

#include "geo/analysis/audience.hpp"
#include "geo/analysis/border_report.hpp"
#include "geo/analysis/perimeter.hpp"
#include "geo/analysis/perimeter_stats.hpp"
#include "geo/core/offer.hpp"
#include "geo/crs/metric_crs.hpp"

namespace geo {

struct AudiencePerimeterRun {
    Audience audience;
    PerimeterParams params;
    std::vector<double> offer_weights;      // item_weight, one per item (all roles)
    std::vector<double> perimeter_weights;  // what shaped the perimeter (attractions)
    PerimeterResult result;
    PerimeterStats stats;               // against the perimeter weights
    std::vector<BorderReport> borders;  // one per level; empty without territories
};

class AudiencePerimeter {
public:
    static Result<AudiencePerimeter> create(std::shared_ptr<const std::vector<OfferItem>> items,
                                            std::shared_ptr<const std::vector<Territory>> territories);

    // `with_borders`: compute the border report of each level (when the item
    // set came with territories).
    [[nodiscard]] Result<AudiencePerimeterRun> run(const Audience& audience, const PerimeterParams& params,
                                                   bool with_borders = true) const;

    [[nodiscard]] const std::vector<OfferItem>& items() const { return *m_items; }
    [[nodiscard]] const Projector& projector() const { return *m_projector; }

private:
    AudiencePerimeter() = default;

public:
    AudiencePerimeter(AudiencePerimeter&&) noexcept = default;
    AudiencePerimeter& operator=(AudiencePerimeter&&) noexcept = default;

private:
    std::shared_ptr<const std::vector<OfferItem>> m_items;
    std::shared_ptr<const std::vector<Territory>> m_territories;
    std::unique_ptr<Projector> m_projector;  // one PROJ context: move-only use case
    std::vector<Projected> m_points;         // one per item, in the projector's CRS
};

}  // namespace geo
