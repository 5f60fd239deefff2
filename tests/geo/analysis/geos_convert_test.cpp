#include "geo/analysis/geos_convert.hpp"

#include <gtest/gtest.h>

#include "geo/analysis/geometry_measure.hpp"
#include "geo/crs/metric_crs.hpp"

namespace {

geo::MultiPolygon square_with_hole() {
    geo::Polygon p;
    p.rings.push_back({{0.0, 47.0}, {1.0, 47.0}, {1.0, 48.0}, {0.0, 48.0}});  // open ring
    p.rings.push_back({{0.2, 47.2}, {0.2, 47.4}, {0.4, 47.4}, {0.4, 47.2}, {0.2, 47.2}});
    return geo::MultiPolygon{{p}};
}

}  // namespace

TEST(GeosConvert, RoundTripKeepsRingsAndClosesThem) {
    geo::detail::GeosContext ctx;
    const auto mp = square_with_hole();
    auto g = geo::to_geos(ctx, mp);
    ASSERT_TRUE(g) << g.error().message;
    EXPECT_EQ(GEOSisValid_r(ctx.get(), g->get()), 1);
    double area = 0;
    GEOSArea_r(ctx.get(), g->get(), &area);
    EXPECT_NEAR(area, 1.0 - 0.04, 1e-12);
    auto back = geo::multipolygon_from_geos(ctx, g->get());
    ASSERT_TRUE(back);
    ASSERT_EQ(back->polygons.size(), 1u);
    ASSERT_EQ(back->polygons[0].rings.size(), 2u);
    const auto& outer = back->polygons[0].rings[0];
    ASSERT_EQ(outer.size(), 5u);
    EXPECT_EQ(outer.front(), outer.back());
    for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(outer[i], mp.polygons[0].rings[0][i]);
    EXPECT_EQ(back->polygons[0].rings[1], mp.polygons[0].rings[1]);
}

TEST(GeosConvert, ProjectedPolygonsAndCollections) {
    geo::detail::GeosContext ctx;
    geo::ProjectedMultiPolygon mp;
    mp.polygons.push_back({{{{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}}}});
    mp.polygons.push_back({{{{5000, 0}, {6000, 0}, {6000, 500}}}});
    auto g = geo::to_geos(ctx, mp);
    ASSERT_TRUE(g);
    EXPECT_EQ(GEOSGetNumGeometries_r(ctx.get(), g->get()), 2);
    // Intersection with a line-touching square gives a collection with a line:
    // only the polygonal part comes back.
    geo::ProjectedMultiPolygon other;
    other.polygons.push_back({{{{500, 500}, {1500, 500}, {1500, 1500}, {500, 1500}}}});
    other.polygons.push_back({{{{-1000, 0}, {0, 0}, {0, 1000}, {-1000, 1000}}}});
    auto g2 = geo::to_geos(ctx, other);
    ASSERT_TRUE(g2);
    geo::detail::GeosGeom inter(ctx.get(), GEOSIntersection_r(ctx.get(), g->get(), g2->get()));
    ASSERT_TRUE(inter);
    auto back = geo::projected_multipolygon_from_geos(ctx, inter.get());
    ASSERT_TRUE(back);
    ASSERT_EQ(back->polygons.size(), 1u);
    EXPECT_NEAR(geo::area_m2(*back), 500.0 * 500.0, 1e-6);
}

TEST(GeosConvert, DegenerateRingIsRejectedByIndex) {
    geo::detail::GeosContext ctx;
    geo::MultiPolygon mp = square_with_hole();
    mp.polygons[0].rings[1] = {{0.2, 47.2}, {0.3, 47.3}, {0.2, 47.2}};
    auto g = geo::to_geos(ctx, mp);
    ASSERT_FALSE(g);
    EXPECT_NE(g.error().message.find("polygon 0 ring 1"), std::string::npos) << g.error().message;
    mp.polygons[0].rings[1] = {{0.2, 47.2}, {NAN, 47.3}, {0.3, 47.2}};
    EXPECT_FALSE(geo::to_geos(ctx, mp));
}

// Geodesic area of a 10 km × 10 km square drawn in Lambert-93 near Tours: the
// projection's scale factor there is 1 − 0.00099 or so, so about 100.2 km².
TEST(GeometryMeasure, GeodesicAreaOfALambert93Square) {
    auto proj = geo::Projector::create("EPSG:2154");
    ASSERT_TRUE(proj);
    std::vector<geo::Projected> corners{
        {520'000, 6'700'000}, {530'000, 6'700'000}, {530'000, 6'710'000}, {520'000, 6'710'000}};
    // Densify the edges so that geodesic and projected straight lines agree.
    std::vector<geo::Projected> dense;
    for (std::size_t k = 0; k < 4; ++k) {
        const auto a = corners[k], b = corners[(k + 1) % 4];
        for (int i = 0; i < 100; ++i)
            dense.push_back({a.x_m + (b.x_m - a.x_m) * i / 100.0, a.y_m + (b.y_m - a.y_m) * i / 100.0});
    }
    auto ll = proj->inverse(dense);
    ASSERT_TRUE(ll);
    geo::MultiPolygon mp{{geo::Polygon{{geo::Ring(ll->begin(), ll->end())}}}};
    const double area = geo::geometry_area_km2(mp);
    EXPECT_GT(area, 100.0);
    EXPECT_LT(area, 100.4);
    EXPECT_NEAR(geo::geometry_boundary_km(mp), 40.0, 0.1);
    // A hole subtracts whatever its winding.
    mp.polygons[0].rings.push_back(mp.polygons[0].rings[0]);
    EXPECT_NEAR(geo::geometry_area_km2(mp), 0.0, 1e-9);
}
