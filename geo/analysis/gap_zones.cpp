#include "geo/analysis/gap_zones.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include "geo/analysis/geometry_measure.hpp"
#include "geo/analysis/geos_convert.hpp"
#include "geo/analysis/planar_geometry.hpp"
#include "geo/analysis/project_geometry.hpp"

namespace geo {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

class UnionFind {
public:
    explicit UnionFind(std::size_t n) : m_parent(n) { std::iota(m_parent.begin(), m_parent.end(), std::size_t{0}); }
    std::size_t find(std::size_t i) {
        while (m_parent[i] != i) {
            m_parent[i] = m_parent[m_parent[i]];  // path halving
            i = m_parent[i];
        }
        return i;
    }
    void unite(std::size_t a, std::size_t b) {
        a = find(a);
        b = find(b);
        if (a != b) m_parent[std::max(a, b)] = std::min(a, b);  // lowest index is the root
    }

private:
    std::vector<std::size_t> m_parent;
};

// Groups gap cells into zones (cells listed in ascending index).
std::vector<GapZone> group_cells(const HexLattice& lattice, int cols, int rows, const std::vector<GapCell>& cells) {
    const auto slot = [cols](HexIndex h) {
        return static_cast<std::size_t>(h.row) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(h.col);
    };
    std::vector<int> at(static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows), -1);
    for (std::size_t i = 0; i < cells.size(); ++i) at[slot(cells[i].hex)] = static_cast<int>(i);
    UnionFind uf(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (!cells[i].gap_family) continue;
        for (const HexIndex& n : lattice.neighbours(cells[i].hex)) {
            if (n.col < 0 || n.row < 0 || n.col >= cols || n.row >= rows) continue;
            const int j = at[slot(n)];
            if (j >= 0 && cells[static_cast<std::size_t>(j)].gap_family == cells[i].gap_family)
                uf.unite(i, static_cast<std::size_t>(j));
        }
    }
    std::vector<GapZone> zones;
    std::vector<int> zone_of_root(cells.size(), -1);
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (!cells[i].gap_family) continue;
        const std::size_t root = uf.find(i);
        if (zone_of_root[root] < 0) {
            zone_of_root[root] = static_cast<int>(zones.size());
            zones.emplace_back().family = *cells[i].gap_family;
        }
        zones[static_cast<std::size_t>(zone_of_root[root])].cells.push_back(i);
    }
    return zones;
}

// The union of a zone's hexagons, in the metric CRS, RFC 7946 orientation.
Result<ProjectedMultiPolygon> zone_outline(const detail::GeosContext& ctx, const HexLattice& lattice,
                                           const GapZone& zone, const std::vector<GapCell>& cells) {
    ProjectedMultiPolygon hexes;
    for (std::size_t i : zone.cells) {
        const auto v = lattice.vertices(cells[i].hex);
        hexes.polygons.push_back(ProjectedPolygon{{ProjectedRing(v.begin(), v.end())}});
    }
    if (hexes.polygons.size() == 1) return hexes;  // already counter-clockwise
    auto g = to_geos(ctx, hexes);
    if (!g) return tl::unexpected(g.error());
    GEOSContextHandle_t h = ctx.get();
    // Coverage union: the hexagons are edge-matched (bit-identical shared
    // vertices), so GEOS can merge them without overlay, several times faster.
    detail::GeosGeom merged(h, GEOSCoverageUnion_r(h, g->get()));
    if (!merged) return fail_fmt("GEOS union of gap cells failed: {}", ctx.last_error());
    auto out = projected_multipolygon_from_geos(ctx, merged.get());
    if (!out) return tl::unexpected(out.error());
    orient_rfc7946(*out);
    return out;
}

void fill_statistics(GapZone& zone, const std::vector<GapCell>& cells) {
    double sum_score = 0.0, sum_distance = 0.0, cx = 0.0, cy = 0.0;
    std::size_t finite = 0;
    for (std::size_t i : zone.cells) {
        const GapCell& c = cells[i];
        sum_score += c.gap_score;
        zone.max_score = std::max(zone.max_score, c.gap_score);
        zone.max_distance_m = std::max(zone.max_distance_m, c.gap_distance_m);
        if (std::isfinite(c.gap_distance_m)) {
            sum_distance += c.gap_distance_m;
            ++finite;
        }
        cx += c.centre.x_m;
        cy += c.centre.y_m;
    }
    const auto n = static_cast<double>(zone.cells.size());
    zone.score = sum_score / n;
    zone.mean_distance_m =
        finite > 0 ? sum_distance / static_cast<double>(finite) : std::numeric_limits<double>::infinity();
    zone.rank_value = zone.score * zone.area_km2;
    const Projected centroid{cx / n, cy / n};
    auto d2 = [&](std::size_t i) {
        const double dx = cells[i].centre.x_m - centroid.x_m, dy = cells[i].centre.y_m - centroid.y_m;
        return dx * dx + dy * dy;
    };
    const std::size_t nearest = *std::min_element(zone.cells.begin(), zone.cells.end(),
                                                  [&](std::size_t a, std::size_t b) { return d2(a) < d2(b); });
    zone.label_point = cells[nearest].centre_lonlat;
}

bool contains(const ProjectedMultiPolygon& mp, Projected p) {
    bool inside = false;
    for (const auto& poly : mp.polygons)
        for (const auto& ring : poly.rings)
            if (ring_contains(ring, p)) inside = !inside;
    return inside;
}

bool boxes_meet(const LonLatBox& a, const LonLatBox& b) {
    return !a.empty() && !b.empty() && a.west_deg <= b.east_deg && b.west_deg <= a.east_deg &&
           a.south_deg <= b.north_deg && b.south_deg <= a.north_deg;
}

}  // namespace

Result<std::vector<GapZone>> build_gap_zones(const Projector& projector, const HexLattice& lattice, int cols, int rows,
                                             std::vector<GapCell>& cells) {
    std::vector<GapZone> zones = group_cells(lattice, cols, rows, cells);

    std::vector<ProjectedMultiPolygon> outlines(zones.size());
    std::vector<std::string> errors(zones.size());
    tbb::enumerable_thread_specific<std::unique_ptr<detail::GeosContext>> contexts(
        [] { return std::make_unique<detail::GeosContext>(); });
    tbb::parallel_for(std::size_t{0}, zones.size(), [&](std::size_t z) {
        auto outline = zone_outline(*contexts.local(), lattice, zones[z], cells);
        if (outline)
            outlines[z] = std::move(*outline);
        else
            errors[z] = outline.error().message;
    });
    for (std::size_t z = 0; z < zones.size(); ++z) {
        if (!errors[z].empty()) return fail_fmt("gaps: zone {}: {}", std::to_string(z), errors[z]);
        auto wgs = unproject_multipolygon(projector, outlines[z]);
        if (!wgs) return tl::unexpected(wgs.error().with_context_fmt("gaps: zone to WGS 84"));
        zones[z].geometry = std::move(*wgs);
        zones[z].area_km2 = geometry_area_km2(zones[z].geometry);
        fill_statistics(zones[z], cells);
    }

    std::stable_sort(zones.begin(), zones.end(),
                     [](const GapZone& a, const GapZone& b) { return a.rank_value > b.rank_value; });
    for (std::size_t z = 0; z < zones.size(); ++z)
        for (std::size_t i : zones[z].cells) cells[i].zone = static_cast<int>(z);
    return zones;
}

Result<void> name_gap_zones(const Projector& projector, const std::vector<Territory>& communes, const LonLatBox& box,
                            const std::vector<GapCell>& cells, std::vector<GapZone>& zones) {
    struct Candidate {
        const Territory* commune;
        ProjectedMultiPolygon geometry;
        Projected lo, hi;
    };
    std::vector<Candidate> candidates;
    for (const Territory& t : communes) {
        if (!boxes_meet(t.geometry.bounds(), box)) continue;
        auto g = project_multipolygon(projector, t.geometry);
        if (!g) return tl::unexpected(g.error().with_context_fmt("gaps: commune {} {}", t.code, t.name));
        Candidate c{&t, std::move(*g), {kInf, kInf}, {-kInf, -kInf}};
        for (const auto& poly : c.geometry.polygons)
            for (const auto& ring : poly.rings)
                for (const Projected& p : ring) {
                    c.lo = {std::min(c.lo.x_m, p.x_m), std::min(c.lo.y_m, p.y_m)};
                    c.hi = {std::max(c.hi.x_m, p.x_m), std::max(c.hi.y_m, p.y_m)};
                }
        candidates.push_back(std::move(c));
    }
    std::vector<std::size_t> counts(candidates.size());
    for (GapZone& zone : zones) {
        std::fill(counts.begin(), counts.end(), 0);
        for (std::size_t i : zone.cells) {
            const Projected p = cells[i].centre;
            for (std::size_t c = 0; c < candidates.size(); ++c) {
                const Candidate& k = candidates[c];
                if (p.x_m < k.lo.x_m || p.x_m > k.hi.x_m || p.y_m < k.lo.y_m || p.y_m > k.hi.y_m) continue;
                if (contains(k.geometry, p)) {
                    ++counts[c];
                    break;  // communes do not overlap
                }
            }
        }
        zone.commune_count =
            static_cast<int>(std::count_if(counts.begin(), counts.end(), [](std::size_t n) { return n > 0; }));
        const auto best = std::max_element(counts.begin(), counts.end());
        if (best == counts.end() || *best == 0) continue;
        const Candidate& k = candidates[static_cast<std::size_t>(best - counts.begin())];
        zone.commune_name = k.commune->name;
        zone.commune_code = k.commune->code;
        zone.commune_share = static_cast<double>(*best) / static_cast<double>(zone.cells.size());
    }
    return {};
}

}  // namespace geo
