// Offer gaps on generated data (seeded RNG): k-d tree against brute force,
// hex lattice invariants, grid coverage of a perimeter, a hole punched in one
// family's coverage found as a zone at the right place, no gap where an item
// is within the acceptable distance, zone naming.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <set>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/analysis/benchmark.hpp"
#include "geo/analysis/gaps.hpp"
#include "geo/analysis/kd_tree.hpp"
#include "geo/analysis/perimeter.hpp"
#include "geo/analysis/planar_geometry.hpp"
#include "geo/crs/metric_crs.hpp"
#include "geo/io/audience_presets.hpp"
#include "geo/io/benchmark_export.hpp"
#include "geo/io/gap_defaults.hpp"
#include "geo/io/gaps_export.hpp"
#include "geo/io/rfc7946_check.hpp"
#include "geo/store/territory_spec.hpp"
#include "tests/support/sample_catalogue.hpp"
#include "tests/support/test_support.hpp"

namespace {

using geo::Family;
using geo::Projected;

constexpr double kInf = std::numeric_limits<double>::infinity();
// Centre of the generated scenes, Lambert-93 metres (Touraine).
constexpr Projected kCentre{525'000.0, 6'700'000.0};

geo::Projector lambert93() {
    auto p = geo::Projector::create("EPSG:2154");
    EXPECT_TRUE(p.has_value());
    return std::move(*p);
}

geo::LonLat to_lonlat(const geo::Projector& proj, Projected p) {
    auto ll = proj.inverse(p);
    EXPECT_TRUE(ll.has_value());
    return *ll;
}

geo::MultiPolygon to_wgs84(const geo::Projector& proj, const geo::ProjectedMultiPolygon& mp) {
    geo::MultiPolygon out;
    for (const auto& poly : mp.polygons) {
        geo::Polygon p;
        for (const auto& ring : poly.rings) {
            geo::Ring r;
            for (const Projected& v : ring) r.push_back(to_lonlat(proj, v));
            p.rings.push_back(r);
        }
        out.polygons.push_back(p);
    }
    return out;
}

geo::ProjectedMultiPolygon square(Projected c, double half_m) {
    return {{geo::ProjectedPolygon{{{{c.x_m - half_m, c.y_m - half_m},
                                     {c.x_m + half_m, c.y_m - half_m},
                                     {c.x_m + half_m, c.y_m + half_m},
                                     {c.x_m - half_m, c.y_m + half_m}}}}}};
}

double dist(Projected a, Projected b) {
    return std::hypot(a.x_m - b.x_m, a.y_m - b.y_m);
}

geo::Audience all_weights(double w) {
    geo::Audience a;
    a.id = "test";
    a.family_weights.fill(w);
    return a;
}

geo::GapParams default_params(double cell_m) {
    auto d = geo::load_gap_defaults();
    EXPECT_TRUE(d.has_value()) << d.error().message;
    geo::GapParams p;
    p.cell_m = cell_m;
    p.acceptable_m = d->acceptable_m;
    return p;
}

// Items of every family on a jittered lattice of `step_m` over a square.
std::vector<geo::OfferItem> dense_items(const geo::Projector& proj, std::mt19937& rng, double half_m, double step_m,
                                        std::vector<Projected>* where = nullptr) {
    std::uniform_real_distribution<double> jitter(-0.25 * step_m, 0.25 * step_m);
    std::vector<geo::OfferItem> items;
    for (double y = -half_m; y <= half_m; y += step_m)
        for (double x = -half_m; x <= half_m; x += step_m)
            for (Family f : geo::kAllFamilies) {
                const Projected p{kCentre.x_m + x + jitter(rng), kCentre.y_m + y + jitter(rng)};
                geo::OfferItem item;
                item.family = f;
                item.position = to_lonlat(proj, p);
                item.source_id = std::to_string(items.size());
                items.push_back(item);
                if (where) where->push_back(p);
            }
    return items;
}

TEST(KdTree, NearestEqualsBruteForce) {
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> u(0.0, 10'000.0);
    for (std::size_t n : {0U, 1U, 7U, 100U, 5000U}) {
        std::vector<Projected> pts(n);
        for (auto& p : pts) p = {u(rng), u(rng)};
        if (n > 10) pts[3] = pts[4];  // duplicates are fine
        const geo::KdTree tree(pts);
        for (int q = 0; q < 300; ++q) {
            const Projected query{u(rng) * 1.2 - 1'000.0, u(rng) * 1.2 - 1'000.0};
            const auto hit = tree.nearest(query);
            if (n == 0) {
                EXPECT_FALSE(hit.has_value());
                continue;
            }
            double best = kInf;
            for (const auto& p : pts) best = std::min(best, dist(p, query));
            ASSERT_TRUE(hit.has_value());
            EXPECT_DOUBLE_EQ(hit->distance_m, best);
            EXPECT_DOUBLE_EQ(dist(pts[hit->index], query), best);
        }
    }
}

TEST(HexLattice, CellsAreConsistent) {
    const geo::HexLattice lattice = geo::HexLattice::covering({500'000.0, 6'600'000.0}, 1'000.0);
    EXPECT_NEAR(lattice.cell_area_m2(), 866'025.4, 0.1);
    for (int row = 3; row < 9; ++row)
        for (int col = 3; col < 9; ++col) {
            const geo::HexIndex h{col, row};
            EXPECT_EQ(lattice.cell_at(lattice.centre(h)), h);
            const auto v = lattice.vertices(h);
            geo::ProjectedRing ring(v.begin(), v.end());
            EXPECT_NEAR(geo::signed_area_m2(ring), lattice.cell_area_m2(), 1e-3);  // CCW
            for (const geo::HexIndex& n : lattice.neighbours(h)) {
                EXPECT_NEAR(dist(lattice.centre(n), lattice.centre(h)), 1'000.0, 1e-6);
                // Neighbours share two vertices, bit for bit.
                int shared = 0;
                for (const Projected& a : lattice.vertices(n))
                    for (const Projected& b : v) shared += a == b ? 1 : 0;
                EXPECT_EQ(shared, 2);
                const auto back = lattice.neighbours(n);
                EXPECT_NE(std::find(back.begin(), back.end(), h), back.end());
            }
        }
}

TEST(Gaps, GridCoversThePerimeter) {
    const geo::Projector proj = lambert93();
    std::mt19937 rng(7);
    // A star-shaped perimeter with a hole, about 40 km across.
    std::uniform_real_distribution<double> radius(12'000.0, 22'000.0);
    geo::ProjectedRing outer, hole;
    for (int k = 0; k < 40; ++k) {
        const double a = 2.0 * M_PI * k / 40.0;
        const double r = radius(rng);
        outer.push_back({kCentre.x_m + r * std::cos(a), kCentre.y_m + r * std::sin(a)});
        hole.push_back({kCentre.x_m + 4'000.0 * std::cos(-a), kCentre.y_m + 4'000.0 * std::sin(-a)});
    }
    const geo::ProjectedMultiPolygon area{{geo::ProjectedPolygon{{outer, hole}}}};
    const geo::MultiPolygon perimeter = to_wgs84(proj, area);

    auto res = geo::compute_gaps(perimeter, {}, all_weights(1.0), default_params(1'000.0));
    ASSERT_TRUE(res.has_value()) << res.error().message;
    ASSERT_EQ(res->metric_crs, "EPSG:2154");
    auto inside = [&](Projected p) { return geo::ring_contains(outer, p) && !geo::ring_contains(hole, p); };
    std::set<std::pair<int, int>> cells;
    for (const geo::GapCell& c : res->cells) {
        EXPECT_TRUE(inside(c.centre));
        cells.insert({c.hex.col, c.hex.row});
        // No item at all: every family is at +∞, a full-weight gap.
        EXPECT_EQ(c.distance_m[0], kInf);
        EXPECT_DOUBLE_EQ(c.gap_score, 1.0);
        ASSERT_EQ(c.hexagon.size(), 7U);
    }
    const double area_km2 = geo::area_m2(area) * 1e-6;
    EXPECT_NEAR(static_cast<double>(res->cells.size()) * res->cell_area_km2, area_km2, 0.03 * area_km2);
    // Every point inside, farther than one side from the boundary, lies in a cell.
    auto boundary_distance = [&](Projected p) {
        double best = kInf;
        for (const auto* ring : {&outer, &hole})
            for (std::size_t i = 0; i < ring->size(); ++i) {
                const Projected a = (*ring)[i], b = (*ring)[(i + 1) % ring->size()];
                const double dx = b.x_m - a.x_m, dy = b.y_m - a.y_m;
                const double t =
                    std::clamp(((p.x_m - a.x_m) * dx + (p.y_m - a.y_m) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
                best = std::min(best, dist(p, {a.x_m + t * dx, a.y_m + t * dy}));
            }
        return best;
    };
    std::uniform_real_distribution<double> u(-22'000.0, 22'000.0);
    int checked = 0;
    for (int k = 0; k < 5'000; ++k) {
        const Projected p{kCentre.x_m + u(rng), kCentre.y_m + u(rng)};
        if (!inside(p) || boundary_distance(p) <= res->lattice.side_m()) continue;
        const geo::HexIndex h = res->lattice.cell_at(p);
        EXPECT_TRUE(cells.count({h.col, h.row})) << p.x_m << " " << p.y_m;
        ++checked;
    }
    EXPECT_GT(checked, 1'000);
    // All cells are one gap family (heritage wins ties by order): one zone, the
    // whole grid, whose area is that of its cells.
    ASSERT_EQ(res->zones.size(), 1U);
    EXPECT_EQ(res->zones[0].family, Family::heritage);
    EXPECT_EQ(res->zones[0].cells.size(), res->cells.size());
    const double cells_km2 = static_cast<double>(res->cells.size()) * res->cell_area_km2;
    EXPECT_NEAR(res->zones[0].area_km2, cells_km2, 0.01 * cells_km2);  // geodesic vs Lambert-93
}

TEST(Gaps, PunchedHoleIsFoundAsAZoneAtTheRightPlace) {
    const geo::Projector proj = lambert93();
    std::mt19937 rng(2024);
    std::vector<Projected> where;
    std::vector<geo::OfferItem> all = dense_items(proj, rng, 40'000.0, 1'500.0, &where);
    // Punch a hole of radius 15 km in the gastronomy offer, off-centre.
    const Projected hole{kCentre.x_m - 8'000.0, kCentre.y_m + 6'000.0};
    const double hole_m = 15'000.0;
    std::vector<geo::OfferItem> items;
    for (std::size_t i = 0; i < all.size(); ++i)
        if (!(all[i].family == Family::gastronomy && dist(where[i], hole) < hole_m)) items.push_back(all[i]);
    const geo::MultiPolygon perimeter = to_wgs84(proj, square(kCentre, 30'000.0));
    const geo::GapParams params = default_params(1'000.0);
    const double ok_m = params.acceptable_m[static_cast<std::size_t>(Family::gastronomy)];

    auto res = geo::compute_gaps(perimeter, items, all_weights(1.0), params);
    ASSERT_TRUE(res.has_value()) << res.error().message;
    EXPECT_EQ(res->items_used, items.size());
    ASSERT_EQ(res->zones.size(), 1U);
    const geo::GapZone& zone = res->zones[0];
    EXPECT_EQ(zone.family, Family::gastronomy);
    // Gap cells are those farther than ok_m from the hole's rim (± the lattice jitter).
    const double jitter_m = 1'500.0;
    for (std::size_t i = 0; i < res->cells.size(); ++i) {
        const geo::GapCell& c = res->cells[i];
        const double from_hole = dist(c.centre, hole);
        if (c.zone == 0) {
            EXPECT_LT(from_hole, hole_m - ok_m + jitter_m);
            EXPECT_GT(c.gap_distance_m, ok_m);
        } else {
            EXPECT_FALSE(c.gap_family.has_value());
            EXPECT_GT(from_hole, hole_m - ok_m - jitter_m);
        }
    }
    // The zone is a disc of radius about hole_m − ok_m around the hole.
    const double expected_km2 = M_PI * std::pow((hole_m - ok_m) / 1'000.0, 2);
    EXPECT_NEAR(zone.area_km2, expected_km2, 0.25 * expected_km2);
    const geo::LonLat centre = to_lonlat(proj, hole);
    bool holds_centre = false;
    for (const auto& poly : zone.geometry.polygons) {
        ASSERT_GT(geo::signed_area(poly.rings[0]), 0.0);  // RFC 7946: outer ring CCW
        std::vector<Projected> ring;
        for (const geo::LonLat& p : poly.rings[0]) ring.push_back({p.lon_deg, p.lat_deg});
        holds_centre = holds_centre || geo::ring_contains(ring, {centre.lon_deg, centre.lat_deg});
    }
    EXPECT_TRUE(holds_centre);
    EXPECT_GT(zone.score, 0.0);
    EXPECT_LE(zone.max_score, 1.0);
    EXPECT_NEAR(zone.rank_value, zone.score * zone.area_km2, 1e-9);
    EXPECT_LT(std::hypot(zone.label_point.lon_deg - centre.lon_deg, zone.label_point.lat_deg - centre.lat_deg), 0.03);
}

TEST(Gaps, NoGapWhereAnItemIsWithinTheAcceptableDistance) {
    const geo::Projector proj = lambert93();
    for (unsigned seed : {1U, 2U, 3U}) {
        std::mt19937 rng(seed);
        std::uniform_real_distribution<double> u(-35'000.0, 35'000.0);
        std::uniform_int_distribution<int> fam(0, geo::kFamilyCount - 1);
        std::uniform_real_distribution<double> w(0.0, 1.0);
        std::vector<geo::OfferItem> items;
        std::vector<Projected> where;
        for (int k = 0; k < 250; ++k) {
            geo::OfferItem item;
            item.family = static_cast<Family>(fam(rng));
            where.push_back({kCentre.x_m + u(rng), kCentre.y_m + u(rng)});
            item.position = to_lonlat(proj, where.back());
            items.push_back(item);
        }
        geo::Audience audience = all_weights(0.0);
        for (double& x : audience.family_weights) x = w(rng);
        audience.family_weights[static_cast<std::size_t>(Family::services)] = 0.0;
        const geo::GapParams params = default_params(2'000.0);
        auto res = geo::compute_gaps(to_wgs84(proj, square(kCentre, 25'000.0)), items, audience, params);
        ASSERT_TRUE(res.has_value()) << res.error().message;
        ASSERT_GT(res->cells.size(), 400U);
        for (const geo::GapCell& c : res->cells) {
            for (Family f : geo::kAllFamilies) {
                const auto k = static_cast<std::size_t>(f);
                double brute = kInf;
                if (audience.family_weights[k] > 0.0)
                    for (std::size_t i = 0; i < items.size(); ++i)
                        if (items[i].family == f) brute = std::min(brute, dist(where[i], c.centre));
                if (audience.family_weights[k] > 0.0) {
                    EXPECT_NEAR(c.distance_m[k], brute, 1e-3);
                }
                if (brute <= params.acceptable_m[k]) {
                    EXPECT_EQ(c.score[k], 0.0);
                }
                EXPECT_DOUBLE_EQ(c.score[k],
                                 geo::gap_score(audience.family_weights[k], c.distance_m[k], params.acceptable_m[k]));
            }
            if (c.gap_family) {
                const auto k = static_cast<std::size_t>(*c.gap_family);
                EXPECT_GT(c.gap_distance_m, params.acceptable_m[k]);
                EXPECT_EQ(c.gap_score, *std::max_element(c.score.begin(), c.score.end()));
                ASSERT_GE(c.zone, 0);
                EXPECT_EQ(res->zones[static_cast<std::size_t>(c.zone)].family, *c.gap_family);
            } else {
                EXPECT_EQ(c.zone, -1);
            }
        }
        for (std::size_t z = 1; z < res->zones.size(); ++z)
            EXPECT_GE(res->zones[z - 1].rank_value, res->zones[z].rank_value);
    }
}

TEST(Gaps, ScoreFormula) {
    EXPECT_EQ(geo::gap_score(1.0, 4'000.0, 5'000.0), 0.0);
    EXPECT_EQ(geo::gap_score(1.0, 5'000.0, 5'000.0), 0.0);
    EXPECT_DOUBLE_EQ(geo::gap_score(0.8, 7'500.0, 5'000.0), 0.4);
    EXPECT_DOUBLE_EQ(geo::gap_score(0.8, 10'000.0, 5'000.0), 0.8);
    EXPECT_DOUBLE_EQ(geo::gap_score(0.8, kInf, 5'000.0), 0.8);
    EXPECT_EQ(geo::gap_score(0.0, kInf, 5'000.0), 0.0);
}

TEST(Gaps, ZonesAreNamedAfterTheCommuneTheyMostlyCover) {
    const geo::Projector proj = lambert93();
    std::mt19937 rng(99);
    std::vector<Projected> where;
    std::vector<geo::OfferItem> all = dense_items(proj, rng, 40'000.0, 2'000.0, &where);
    const Projected hole{kCentre.x_m - 4'000.0, kCentre.y_m};
    std::vector<geo::OfferItem> items;
    for (std::size_t i = 0; i < all.size(); ++i)
        if (!(all[i].family == Family::accommodation && dist(where[i], hole) < 20'000.0)) items.push_back(all[i]);
    // West and east halves of the square as two communes.
    geo::Territory west, east;
    west.name = "Ouest";
    west.code = "37001";
    east.name = "Est";
    east.code = "37002";
    auto half = [&](double x0, double x1) {
        return to_wgs84(proj, {{geo::ProjectedPolygon{{{{x0, kCentre.y_m - 40'000.0},
                                                        {x1, kCentre.y_m - 40'000.0},
                                                        {x1, kCentre.y_m + 40'000.0},
                                                        {x0, kCentre.y_m + 40'000.0}}}}}});
    };
    west.geometry = half(kCentre.x_m - 40'000.0, kCentre.x_m);
    east.geometry = half(kCentre.x_m, kCentre.x_m + 40'000.0);
    auto res = geo::compute_gaps(to_wgs84(proj, square(kCentre, 30'000.0)), items, all_weights(1.0),
                                 default_params(1'000.0), {east, west});
    ASSERT_TRUE(res.has_value()) << res.error().message;
    ASSERT_EQ(res->zones.size(), 1U);
    EXPECT_EQ(res->zones[0].family, Family::accommodation);
    EXPECT_EQ(res->zones[0].commune_name, "Ouest");
    EXPECT_EQ(res->zones[0].commune_code, "37001");
    EXPECT_GT(res->zones[0].commune_share, 0.5);
    EXPECT_LT(res->zones[0].commune_share, 1.0);  // the disc of radius 10 km crosses x = centre
}

TEST(Gaps, BadParametersFailWithAMessage) {
    const geo::Projector proj = lambert93();
    const geo::MultiPolygon perimeter = to_wgs84(proj, square(kCentre, 5'000.0));
    geo::GapParams p = default_params(0.0);
    auto r = geo::compute_gaps(perimeter, {}, all_weights(1.0), p);
    ASSERT_FALSE(r.has_value());
    EXPECT_NE(r.error().message.find("cell_m"), std::string::npos);
    p = default_params(1'000.0);
    p.acceptable_m[2] = -1.0;
    r = geo::compute_gaps(perimeter, {}, all_weights(1.0), p);
    ASSERT_FALSE(r.has_value());
    EXPECT_NE(r.error().message.find("gastronomy"), std::string::npos);
    r = geo::compute_gaps({}, {}, all_weights(1.0), default_params(1'000.0));
    ASSERT_FALSE(r.has_value());
    EXPECT_NE(r.error().message.find("empty"), std::string::npos);
    p = default_params(10.0);
    p.max_cells = 10'000;
    r = geo::compute_gaps(perimeter, {}, all_weights(1.0), p);
    ASSERT_FALSE(r.has_value());
    EXPECT_NE(r.error().message.find("larger cell"), std::string::npos);
}

}  // namespace
