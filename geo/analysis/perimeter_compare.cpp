#include "geo/analysis/perimeter_compare.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "geo/analysis/metric_overlay.hpp"
#include "geo/detail/handles.hpp"

namespace geo {
namespace {

using detail::GeosContext;
using detail::GeosGeom;

Result<void> check_weights(const std::vector<double>& weights, std::size_t n, const char* which) {
    if (weights.size() != n)
        return fail_fmt("perimeter comparison: {} items but {} weights for {}", n, weights.size(), which);
    for (std::size_t i = 0; i < n; ++i)
        if (!std::isfinite(weights[i]) || weights[i] < 0.0)
            return fail_fmt(
                "perimeter comparison: weight {} of item {} is {}, expected "
                "a finite number >= 0",
                which, i, weights[i]);
    return {};
}

// Areas of A, B, A ∩ B and A ∪ B in the metric CRS of their union.
Result<void> measure_overlap(const MultiPolygon& a, const MultiPolygon& b, PerimeterComparison& out) {
    if (a.empty() && b.empty()) {
        out.jaccard = 1.0;
        return {};
    }
    LonLatBox box = a.bounds();
    box.extend(b.bounds());
    auto projector = metric_projector_for(box);
    if (!projector) return tl::unexpected(projector.error().with_context_fmt("perimeter comparison"));
    out.metric_crs = projector->crs();
    const GeosContext ctx;
    GEOSContextHandle_t h = ctx.get();
    auto ga = metric_geos(ctx, *projector, a);
    if (!ga) return tl::unexpected(ga.error().with_context_fmt("perimeter comparison: perimeter A"));
    auto gb = metric_geos(ctx, *projector, b);
    if (!gb) return tl::unexpected(gb.error().with_context_fmt("perimeter comparison: perimeter B"));
    out.area_a_km2 = planar_area_km2(ctx, ga->get());
    out.area_b_km2 = planar_area_km2(ctx, gb->get());
    const GeosGeom inter(h, GEOSIntersection_r(h, ga->get(), gb->get()));
    if (!inter) return fail_fmt("perimeter comparison: GEOS intersection failed: {}", ctx.last_error());
    out.intersection_km2 = planar_area_km2(ctx, inter.get());
    // |A ∪ B| = |A| + |B| − |A ∩ B|: exact for valid polygons, no second overlay.
    out.union_km2 = std::max(0.0, out.area_a_km2 + out.area_b_km2 - out.intersection_km2);
    out.jaccard = out.union_km2 > 0.0 ? std::clamp(out.intersection_km2 / out.union_km2, 0.0, 1.0) : 1.0;
    return {};
}

ComparedItem compared(const OfferItem& item, double wa, double wb) {
    return ComparedItem{item.id, item.name, item.family, item.position, wa, wb};
}

void sort_items(std::vector<ComparedItem>& list) {
    std::sort(list.begin(), list.end(), [](const ComparedItem& x, const ComparedItem& y) {
        const double wx = std::max(x.weight_a, x.weight_b);
        const double wy = std::max(y.weight_a, y.weight_b);
        if (wx != wy) return wx > wy;
        if (x.name != y.name) return x.name < y.name;
        return x.id < y.id;
    });
}

}  // namespace

Result<PerimeterComparison> compare_perimeters(const MultiPolygon& a, const MultiPolygon& b,
                                               const std::vector<OfferItem>& items,
                                               const std::vector<double>& weights_a,
                                               const std::vector<double>& weights_b) {
    if (auto r = check_weights(weights_a, items.size(), "A"); !r) return tl::unexpected(r.error());
    if (auto r = check_weights(weights_b, items.size(), "B"); !r) return tl::unexpected(r.error());
    PerimeterComparison out;
    if (auto r = measure_overlap(a, b, out); !r) return tl::unexpected(r.error());

    const std::vector<LonLat> positions = item_positions(items);
    auto in_a = points_inside(a, positions);
    if (!in_a) return tl::unexpected(in_a.error().with_context_fmt("perimeter comparison: perimeter A"));
    auto in_b = points_inside(b, positions);
    if (!in_b) return tl::unexpected(in_b.error().with_context_fmt("perimeter comparison: perimeter B"));

    double total_a = 0, total_b = 0, a_in_a = 0, b_in_b = 0, a_in_b = 0, b_in_a = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const double wa = weights_a[i], wb = weights_b[i];
        if (wa <= 0.0 && wb <= 0.0) continue;
        const bool ia = (*in_a)[i] != 0, ib = (*in_b)[i] != 0;
        ++out.items_considered;
        total_a += wa;
        total_b += wb;
        if (ia) {
            ++out.items_in_a;
            a_in_a += wa;
            b_in_a += wb;
        }
        if (ib) {
            ++out.items_in_b;
            b_in_b += wb;
            a_in_b += wa;
        }
        const auto f = static_cast<std::size_t>(items[i].family);
        if (ia && ib) {
            ++out.items_in_both;
        } else if (ib) {
            ++out.gained_per_family[f];
            out.gained.push_back(compared(items[i], wa, wb));
        } else if (ia) {
            ++out.lost_per_family[f];
            out.lost.push_back(compared(items[i], wa, wb));
        }
    }
    auto share = [](double part, double total) { return total > 0.0 ? part / total : 0.0; };
    out.captured_share_a = share(a_in_a, total_a);
    out.captured_share_b = share(b_in_b, total_b);
    out.a_offer_in_b = share(a_in_b, total_a);
    out.b_offer_in_a = share(b_in_a, total_b);
    sort_items(out.gained);
    sort_items(out.lost);
    return out;
}

}  // namespace geo
