#pragma once
// Actors to federate around one destination brand: inside an audience's
// destination perimeter, the administrative and reference territories it
// spans (from the border report) and the offer's actors — the producers of
// the records (the offices and agencies named in DATAtourisme
// hasBeenCreatedBy) and the labelled operators, per family and label.
//
// Inside: an item is inside when its position lies inside the perimeter's
//   first (lowest) level or on its boundary (points_inside, offer_inside.hpp);
//   every item counts, whatever its weight; weighted_item_count counts those
//   with a positive weight for the audience (offer_weights: all roles).
// Producers: grouped by OfferItem::producer ("" = unnamed, listed last),
//   ranked by item count then name; items in catalogue order.
// Labelled operators: one group per (family, label) for every label an item
//   inside carries (an item with two labels is in two groups), ranked by
//   family order then count descending then label id.
// Territories: the border report of the same level (run.borders[0]): every
//   unit it crosses, by level then intersected area.
// Pure: inputs const&, result by value; thread-safe.
// Failures: a run without levels, items that are not the run's (sizes
//   differ), a perimeter GEOS rejects.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "geo/analysis/audience_perimeter.hpp"
#include "geo/analysis/border_report.hpp"
#include "geo/analysis/offer_inside.hpp"
#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"

namespace geo {

struct ProducerActor {
    std::string name;  // "" when the records name no producer
    std::int64_t item_count = 0;
    std::int64_t weighted_item_count = 0;
    FamilyCounts per_family{};
    std::vector<std::size_t> items;  // indices in the items given
};

struct LabelledOperators {
    Family family = Family::services;
    std::string label;  // taxonomy label id
    std::int64_t weighted_item_count = 0;
    std::vector<std::size_t> items;  // indices in the items given
};

struct ActorsResult {
    std::string audience_id;
    double level = 0.0;
    double perimeter_area_km2 = 0.0;  // geodesic (compute_perimeter)
    std::int64_t items_inside = 0;
    std::vector<BorderUnit> territories;
    std::vector<BorderLevelSummary> territory_levels;
    std::vector<ProducerActor> producers;
    std::vector<LabelledOperators> labelled;
};

// `items`: those the run was drawn from (AudiencePerimeter::items()).
Result<ActorsResult> compute_actors(const AudiencePerimeterRun& run, const std::vector<OfferItem>& items);

}  // namespace geo
