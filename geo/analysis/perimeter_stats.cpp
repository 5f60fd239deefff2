#include "geo/analysis/perimeter_stats.hpp"

#include <cmath>

#include <fmt/format.h>

namespace geo {

Result<PerimeterStats> perimeter_stats(const PerimeterResult& perimeter, const std::vector<OfferItem>& items,
                                       const std::vector<double>& weights) {
    if (items.size() != weights.size())
        return fail_fmt("perimeter statistics: {} items but {} weights", items.size(), weights.size());
    PerimeterStats stats;
    stats.metric_crs = perimeter.metric_crs;
    stats.kernel = perimeter.kernel;
    stats.bandwidth_m = perimeter.bandwidth_m;
    stats.bandwidth_from_data = perimeter.bandwidth_from_data;
    stats.bandwidth = perimeter.bandwidth;
    stats.cell_m = perimeter.cell_m;
    stats.simplify_m = perimeter.simplify_m;
    stats.items_total = static_cast<std::int64_t>(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        const double w = weights[i];
        if (!std::isfinite(w) || w < 0.0)
            return fail_fmt(
                "perimeter statistics: weight of item {} ({}) is {}, "
                "expected a finite number >= 0",
                i, items[i].name, w);
        ++stats.items_per_family[static_cast<std::size_t>(items[i].family)];
        if (w > 0.0) {
            stats.total_weight += w;
            ++stats.weighted_items;
        }
    }

    const std::vector<LonLat> positions = item_positions(items);
    for (const PerimeterLevel& lv : perimeter.levels) {
        PerimeterLevelStats s;
        s.level = lv.level;
        s.area_km2 = lv.area_km2;
        s.components = lv.components;
        s.compactness = lv.compactness;
        s.simplify_m = lv.simplify_m;
        s.captured_mass_share = lv.captured_mass_share;
        auto inside = points_inside(lv.geometry, positions);
        if (!inside) return tl::unexpected(inside.error().with_context_fmt("perimeter statistics, level {}", lv.level));
        for (std::size_t i = 0; i < items.size(); ++i) {
            if ((*inside)[i] == 0) continue;
            ++s.items_inside;
            if (weights[i] > 0.0) {
                ++s.weighted_items_inside;
                s.weight_inside += weights[i];
            }
        }
        s.items_inside_per_family = count_per_family(items, *inside);
        s.captured_offer_share = stats.total_weight > 0.0 ? s.weight_inside / stats.total_weight : 0.0;
        stats.levels.push_back(s);
    }
    return stats;
}

}  // namespace geo
