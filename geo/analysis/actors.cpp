#include "geo/analysis/actors.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include <fmt/format.h>

namespace geo {

Result<ActorsResult> compute_actors(const AudiencePerimeterRun& run, const std::vector<OfferItem>& items) {
    if (run.result.levels.empty()) return fail_fmt("actors: the perimeter has no level");
    if (run.offer_weights.size() != items.size())
        return fail_fmt("actors: {} items for {} weights, expected the run's items", items.size(),
                        run.offer_weights.size());
    const PerimeterLevel& level = run.result.levels.front();
    auto inside = points_inside(level.geometry, item_positions(items));
    if (!inside) return tl::unexpected(inside.error().with_context_fmt("actors: perimeter"));

    ActorsResult out;
    out.audience_id = run.audience.id;
    out.level = level.level;
    out.perimeter_area_km2 = level.area_km2;
    if (!run.borders.empty()) {
        out.territories = run.borders.front().units;
        out.territory_levels = run.borders.front().levels;
    }
    std::map<std::string, ProducerActor> producers;
    std::map<std::pair<Family, std::string>, LabelledOperators> labelled;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if ((*inside)[i] == 0) continue;
        const OfferItem& item = items[i];
        const bool weighted = run.offer_weights[i] > 0.0;
        ++out.items_inside;
        ProducerActor& p = producers[item.producer];
        p.name = item.producer;
        ++p.item_count;
        p.weighted_item_count += weighted ? 1 : 0;
        ++p.per_family[static_cast<std::size_t>(item.family)];
        p.items.push_back(i);
        for (const std::string& label : item.labels) {
            LabelledOperators& g = labelled[{item.family, label}];
            g.family = item.family;
            g.label = label;
            g.weighted_item_count += weighted ? 1 : 0;
            g.items.push_back(i);
        }
    }
    for (auto& [name, p] : producers) out.producers.push_back(std::move(p));
    std::stable_sort(out.producers.begin(), out.producers.end(), [](const ProducerActor& a, const ProducerActor& b) {
        if (a.name.empty() != b.name.empty()) return b.name.empty();
        if (a.item_count != b.item_count) return a.item_count > b.item_count;
        return a.name < b.name;
    });
    for (auto& [key, g] : labelled) out.labelled.push_back(std::move(g));
    std::stable_sort(out.labelled.begin(), out.labelled.end(),
                     [](const LabelledOperators& a, const LabelledOperators& b) {
                         if (a.family != b.family) return a.family < b.family;
                         if (a.items.size() != b.items.size()) return a.items.size() > b.items.size();
                         return a.label < b.label;
                     });
    return out;
}

}  // namespace geo
