#include "geo/crs/metric_crs.hpp"

#include <cmath>
#include <random>

#include <gtest/gtest.h>

namespace {

constexpr double kTolM = 1e-6;    // tolerance 0.000001 m
constexpr double kTolDeg = 1e-9;  // tolerance 1e-9 degree (~0.1 mm)

geo::LonLatBox box_of(std::initializer_list<geo::LonLat> points) {
    geo::LonLatBox b;
    for (auto p : points) b.extend(p);
    return b;
}

std::vector<geo::LonLat> random_points(std::uint32_t seed, std::size_t n, geo::LonLatBox box) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> lon(box.west_deg, box.east_deg);
    std::uniform_real_distribution<double> lat(box.south_deg, box.north_deg);
    std::vector<geo::LonLat> out(n);
    for (auto& p : out) p = {lon(rng), lat(rng)};
    return out;
}

}  // namespace

TEST(ChooseMetricCrs, Lambert93ForTours) {
    auto crs = geo::choose_metric_crs(box_of({{0.6848, 47.3941}, {0.70, 47.40}}));
    ASSERT_TRUE(crs) << crs.error().message;
    EXPECT_EQ(crs->code, "EPSG:2154");
    // The whole Loire sample area and Corsica are inside the envelope too.
    EXPECT_EQ(geo::choose_metric_crs(box_of({{0.36, 46.99}, {1.64, 47.87}}))->code, "EPSG:2154");
    EXPECT_EQ(geo::choose_metric_crs(box_of({{8.7, 41.9}, {9.4, 42.7}}))->code, "EPSG:2154");
}

TEST(ChooseMetricCrs, UtmElsewhere) {
    EXPECT_EQ(geo::choose_metric_crs(box_of({{-74.0, 40.7}}))->code, "EPSG:32618");   // New York
    EXPECT_EQ(geo::choose_metric_crs(box_of({{151.2, -33.9}}))->code, "EPSG:32756");  // Sydney
    EXPECT_EQ(geo::choose_metric_crs(box_of({{55.5, -21.1}}))->code, "EPSG:32740");   // La Réunion
    // Partly outside metropolitan France: UTM zone of the centre (lon 7 -> 32N).
    auto crs = geo::choose_metric_crs(box_of({{2.0, 43.0}, {12.0, 47.0}}));
    ASSERT_TRUE(crs);
    EXPECT_EQ(crs->code, "EPSG:32632");
    EXPECT_EQ(crs->name, "WGS 84 / UTM zone 32N");
    EXPECT_EQ(geo::utm_zone(-180.0), 1);
    EXPECT_EQ(geo::utm_zone(180.0), 60);
    EXPECT_EQ(geo::utm_zone(0.5), 31);
}

TEST(ChooseMetricCrs, RejectsEmptyOrInvalidBox) {
    EXPECT_FALSE(geo::choose_metric_crs(geo::LonLatBox{}));
    auto bad = geo::choose_metric_crs(box_of({{0.0, 0.0}, {200.0, 10.0}}));
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("200"), std::string::npos);
}

TEST(Projector, Lambert93OriginIsItsFalseOrigin) {
    auto p = geo::Projector::create("EPSG:2154");
    ASSERT_TRUE(p) << p.error().message;
    auto xy = p->forward(geo::LonLat{3.0, 46.5});
    ASSERT_TRUE(xy);
    EXPECT_NEAR(xy->x_m, 700000.0, kTolM);
    EXPECT_NEAR(xy->y_m, 6600000.0, kTolM);
}

// The literal pipelines used for speed must agree with what PROJ's database
// gives for EPSG:4326 -> CRS ("urn:ogc:def:crs:EPSG::" spellings take the
// database route).
TEST(Projector, FastPipelinesMatchProjDatabase) {
    struct Case {
        const char* fast;
        const char* database;
        geo::LonLatBox area;
    };
    const Case cases[] = {
        {"EPSG:2154", "urn:ogc:def:crs:EPSG::2154", {-4.5, 42.5, 8.0, 51.0}},
        {"EPSG:32631", "urn:ogc:def:crs:EPSG::32631", {0.5, 40.0, 5.5, 52.0}},
        {"EPSG:32756", "urn:ogc:def:crs:EPSG::32756", {150.5, -40.0, 155.5, -20.0}},
    };
    for (const auto& c : cases) {
        auto fast = geo::Projector::create(c.fast);
        auto db = geo::Projector::create(c.database);
        ASSERT_TRUE(fast) << fast.error().message;
        ASSERT_TRUE(db) << db.error().message;
        const auto pts = random_points(7, 2000, c.area);
        auto a = fast->forward(pts);
        auto b = db->forward(pts);
        ASSERT_TRUE(a && b);
        for (std::size_t i = 0; i < pts.size(); ++i) {
            EXPECT_NEAR((*a)[i].x_m, (*b)[i].x_m, kTolM) << c.fast << " point " << i;
            EXPECT_NEAR((*a)[i].y_m, (*b)[i].y_m, kTolM) << c.fast << " point " << i;
        }
    }
}

TEST(Projector, RoundTripsProperty) {
    struct Case {
        const char* crs;
        geo::LonLatBox area;
    };
    const Case cases[] = {{"EPSG:2154", {-4.8, 42.3, 8.2, 51.1}},
                          {"EPSG:32618", {-77.0, 35.0, -71.0, 45.0}},
                          {"EPSG:32740", {54.0, -25.0, 60.0, -18.0}},
                          {"urn:ogc:def:crs:EPSG::2154", {-1.0, 46.0, 2.0, 48.0}}};
    std::uint32_t seed = 1;
    for (const auto& c : cases) {
        auto p = geo::Projector::create(c.crs);
        ASSERT_TRUE(p) << p.error().message;
        const auto pts = random_points(seed++, 5000, c.area);
        auto xy = p->forward(pts);
        ASSERT_TRUE(xy) << xy.error().message;
        auto back = p->inverse(*xy);
        ASSERT_TRUE(back) << back.error().message;
        auto again = p->forward(*back);
        ASSERT_TRUE(again);
        for (std::size_t i = 0; i < pts.size(); ++i) {
            EXPECT_NEAR((*back)[i].lon_deg, pts[i].lon_deg, kTolDeg) << c.crs << " " << i;
            EXPECT_NEAR((*back)[i].lat_deg, pts[i].lat_deg, kTolDeg) << c.crs << " " << i;
            EXPECT_NEAR((*again)[i].x_m, (*xy)[i].x_m, kTolM) << c.crs << " " << i;
            EXPECT_NEAR((*again)[i].y_m, (*xy)[i].y_m, kTolM) << c.crs << " " << i;
        }
        // Single-point calls agree with the batch exactly.
        for (std::size_t i = 0; i < 50; ++i) {
            auto one = p->forward(pts[i]);
            ASSERT_TRUE(one);
            EXPECT_EQ(*one, (*xy)[i]);
            auto inv = p->inverse((*xy)[i]);
            ASSERT_TRUE(inv);
            EXPECT_EQ(*inv, (*back)[i]);
        }
    }
}

TEST(Projector, ProjectAllInParallelEqualsSerial) {
    auto p = geo::Projector::create("EPSG:2154");
    ASSERT_TRUE(p);
    const auto pts = random_points(11, 100'000, {-4.0, 42.5, 7.5, 51.0});
    auto serial = p->forward(pts);
    auto parallel = geo::project_all(*p, pts);
    ASSERT_TRUE(serial && parallel);
    EXPECT_EQ(*serial, *parallel);
}

TEST(Projector, CloneIsIndependent) {
    auto p = geo::Projector::create("urn:ogc:def:crs:EPSG::2154");
    ASSERT_TRUE(p);
    auto c = p->clone();
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_EQ(c->crs(), p->crs());
    geo::Projector moved = std::move(*p);
    auto a = moved.forward(geo::LonLat{0.6848, 47.3941});
    auto b = c->forward(geo::LonLat{0.6848, 47.3941});
    ASSERT_TRUE(a && b);
    EXPECT_EQ(*a, *b);
}

TEST(Projector, ErrorsNameTheProblem) {
    auto unknown = geo::Projector::create("EPSG:999999");
    ASSERT_FALSE(unknown);
    EXPECT_NE(unknown.error().message.find("EPSG:999999"), std::string::npos);

    auto geographic = geo::Projector::create("EPSG:4326");
    ASSERT_FALSE(geographic);
    EXPECT_NE(geographic.error().message.find("projected CRS"), std::string::npos);

    auto p = geo::Projector::create("EPSG:2154");
    ASSERT_TRUE(p);
    const std::vector<geo::LonLat> pts{{1, 47}, {2, 48}, {3, 95}};  // latitude 95
    auto r = p->forward(pts);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("point 2"), std::string::npos) << r.error().message;
}
