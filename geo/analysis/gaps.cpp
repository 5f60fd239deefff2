#include "geo/analysis/gaps.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "geo/analysis/gap_zones.hpp"
#include "geo/analysis/kd_tree.hpp"
#include "geo/analysis/project_geometry.hpp"
#include "geo/crs/metric_crs.hpp"

namespace geo {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kMetresPerDegreeLat = 110'000.0;  // a little under the truth: boxes err wide

Result<void> check_params(const GapParams& p) {
    if (!std::isfinite(p.cell_m) || p.cell_m <= 0.0)
        return fail_fmt("gaps: cell_m {} must be a number of metres > 0", p.cell_m);
    for (Family f : kAllFamilies) {
        const double d = p.acceptable_m[static_cast<std::size_t>(f)];
        if (!std::isfinite(d) || d <= 0.0)
            return fail_fmt(
                "gaps: acceptable distance for {} is {} m, expected a number "
                "> 0 (see data/gap_defaults.json)",
                family_id(f), d);
    }
    if (!std::isfinite(p.min_score) || p.min_score < 0.0)
        return fail_fmt("gaps: min_score {} must be a number >= 0", p.min_score);
    return {};
}

LonLatBox widened(const LonLatBox& box, double reach_m) {
    const double dlat = reach_m / kMetresPerDegreeLat;
    const double max_abs_lat = std::min(89.0, std::max(std::abs(box.south_deg), std::abs(box.north_deg)) + dlat);
    const double dlon = reach_m / (kMetresPerDegreeLat * std::cos(max_abs_lat * std::numbers::pi / 180.0));
    return {box.west_deg - dlon, box.south_deg - dlat, box.east_deg + dlon, box.north_deg + dlat};
}

// One k-d tree per family of the items that count (header, step 2).
struct FamilyTrees {
    std::array<KdTree, kFamilyCount> trees;
    std::size_t used = 0;
};

Result<FamilyTrees> index_items(const Projector& projector, const std::vector<OfferItem>& items,
                                const Audience& audience, const LonLatBox& reach_box) {
    std::vector<LonLat> positions;
    std::vector<Family> families;
    for (const OfferItem& item : items) {
        if (!is_valid_lonlat(item.position) || !reach_box.contains(item.position)) continue;
        if (item_weight(audience, item) <= 0.0) continue;
        positions.push_back(item.position);
        families.push_back(item.family);
    }
    auto projected = project_all(projector, positions);
    if (!projected) return tl::unexpected(projected.error().with_context_fmt("gaps: offer items"));
    std::array<std::vector<Projected>, kFamilyCount> per_family;
    for (std::size_t i = 0; i < families.size(); ++i)
        per_family[static_cast<std::size_t>(families[i])].push_back((*projected)[i]);
    FamilyTrees out;
    out.used = positions.size();
    tbb::parallel_for(std::size_t{0}, per_family.size(), [&](std::size_t f) { out.trees[f] = KdTree(per_family[f]); });
    return out;
}

void score_cell(GapCell& cell, const FamilyTrees& index, const Audience& audience, const GapParams& params) {
    double best_weight = 0.0;
    for (Family f : kAllFamilies) {
        const auto k = static_cast<std::size_t>(f);
        const double w = audience.family_weight(f);
        const auto hit = index.trees[k].nearest(cell.centre);
        cell.distance_m[k] = hit ? hit->distance_m : kInf;
        cell.score[k] = gap_score(w, cell.distance_m[k], params.acceptable_m[k]);
        if (cell.score[k] > params.min_score &&
            (cell.score[k] > cell.gap_score || (cell.score[k] == cell.gap_score && w > best_weight))) {
            cell.gap_family = f;
            cell.gap_score = cell.score[k];
            cell.gap_distance_m = cell.distance_m[k];
            best_weight = w;
        }
    }
}

// Fills centre_lonlat and, when asked, the WGS 84 hexagon of every cell.
Result<void> cells_to_wgs84(const Projector& projector, const HexLattice& lattice, std::vector<GapCell>& cells,
                            bool polygons) {
    std::vector<Projected> pts;
    pts.reserve(cells.size() * (polygons ? 7 : 1));
    for (const GapCell& c : cells) {
        pts.push_back(c.centre);
        if (polygons)
            for (const Projected& v : lattice.vertices(c.hex)) pts.push_back(v);
    }
    auto lonlat = projector.inverse(pts);
    if (!lonlat) return tl::unexpected(lonlat.error().with_context_fmt("gaps: cells to WGS 84"));
    std::size_t k = 0;
    for (GapCell& c : cells) {
        c.centre_lonlat = (*lonlat)[k++];
        if (!polygons) continue;
        c.hexagon.assign(lonlat->begin() + static_cast<std::ptrdiff_t>(k),
                         lonlat->begin() + static_cast<std::ptrdiff_t>(k + 6));
        c.hexagon.push_back(c.hexagon.front());
        k += 6;
    }
    return {};
}

}  // namespace

double gap_score(double weight, double distance_m, double acceptable_m) {
    if (weight <= 0.0 || !(distance_m > acceptable_m)) return 0.0;
    return weight * std::min(1.0, (distance_m - acceptable_m) / acceptable_m);
}

Result<GapResult> compute_gaps(const MultiPolygon& perimeter, const std::vector<OfferItem>& items,
                               const Audience& audience, const GapParams& params,
                               const std::vector<Territory>& communes) {
    if (auto ok = check_params(params); !ok) return tl::unexpected(ok.error());
    const LonLatBox box = perimeter.bounds();
    if (perimeter.empty() || box.empty()) return fail_fmt("gaps: the perimeter is empty");
    auto crs = choose_metric_crs(box);
    if (!crs) return tl::unexpected(crs.error().with_context_fmt("gaps: perimeter"));
    auto projector = Projector::create(crs->code);
    if (!projector) return tl::unexpected(projector.error());
    auto area = project_multipolygon(*projector, perimeter);
    if (!area) return tl::unexpected(area.error().with_context_fmt("gaps: perimeter"));

    GapResult res;
    res.metric_crs = crs->code;
    res.cell_m = params.cell_m;
    res.acceptable_m = params.acceptable_m;
    res.family_weights = audience.family_weights;
    res.reach_m = 3.0 * *std::max_element(params.acceptable_m.begin(), params.acceptable_m.end());

    // The lattice over the projected perimeter's box, and the cells inside.
    Projected lo{kInf, kInf}, hi{-kInf, -kInf};
    for (const auto& poly : area->polygons)
        for (const auto& ring : poly.rings)
            for (const Projected& p : ring) {
                lo = {std::min(lo.x_m, p.x_m), std::min(lo.y_m, p.y_m)};
                hi = {std::max(hi.x_m, p.x_m), std::max(hi.y_m, p.y_m)};
            }
    res.lattice = HexLattice::covering(lo, params.cell_m);
    res.cell_area_km2 = res.lattice.cell_area_m2() * 1e-6;
    const double cols = std::ceil((hi.x_m - res.lattice.origin().x_m) / params.cell_m) + 2.0;
    const double rows = std::ceil((hi.y_m - res.lattice.origin().y_m) / res.lattice.row_step_m()) + 2.0;
    if (cols * rows > 4.0 * static_cast<double>(params.max_cells))
        return fail_fmt(
            "gaps: cell_m {} m gives a {:.0f} x {:.0f} grid over the perimeter, "
            "more than the limit of {} cells: use a larger cell",
            params.cell_m, cols, rows, params.max_cells);
    const std::vector<HexIndex> inside =
        hex_cells_inside(res.lattice, *area, static_cast<int>(cols), static_cast<int>(rows));
    if (inside.size() > params.max_cells)
        return fail_fmt(
            "gaps: cell_m {} m gives {} cells, more than the limit of {}: "
            "use a larger cell",
            params.cell_m, inside.size(), params.max_cells);

    auto index = index_items(*projector, items, audience, widened(box, res.reach_m));
    if (!index) return tl::unexpected(index.error());
    res.items_used = index->used;

    res.cells.resize(inside.size());
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, inside.size(), 256),
                      [&](const tbb::blocked_range<std::size_t>& r) {
                          for (std::size_t i = r.begin(); i < r.end(); ++i) {
                              GapCell& cell = res.cells[i];
                              cell.hex = inside[i];
                              cell.centre = res.lattice.centre(cell.hex);
                              score_cell(cell, *index, audience, params);
                          }
                      });
    if (auto ok = cells_to_wgs84(*projector, res.lattice, res.cells, params.cell_polygons); !ok)
        return tl::unexpected(ok.error());

    auto zones = build_gap_zones(*projector, res.lattice, static_cast<int>(cols), static_cast<int>(rows), res.cells);
    if (!zones) return tl::unexpected(zones.error());
    res.zones = std::move(*zones);
    if (!communes.empty())
        if (auto ok = name_gap_zones(*projector, communes, box, res.cells, res.zones); !ok)
            return tl::unexpected(ok.error());
    return res;
}

}  // namespace geo
