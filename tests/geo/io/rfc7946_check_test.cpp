// check_rfc7946 on hand-made good and bad files (tests/data/rfc7946/) and on
// what our own GeoJSON writer produces from random polygons.
#include "geo/io/rfc7946_check.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>

#include "geo/io/geojson_writer.hpp"
#include "tests/support/test_support.hpp"

namespace {

std::string fixture(const std::string& name) {
    return (test::test_data() / "rfc7946" / name).string();
}

// Number of messages containing `needle`.
std::size_t count_containing(const std::vector<std::string>& messages, const std::string& needle) {
    return static_cast<std::size_t>(std::count_if(messages.begin(), messages.end(),
                                                  [&](const auto& m) { return m.find(needle) != std::string::npos; }));
}

std::string joined(const std::vector<std::string>& messages) {
    std::string out;
    for (const auto& m : messages) out += m + "\n";
    return out;
}

TEST(Rfc7946Check, GoodFileHasNoViolation) {
    const auto messages = geo::check_rfc7946(fixture("good.geojson"), {.require_bbox = true});
    EXPECT_TRUE(messages.empty()) << joined(messages);
}

TEST(Rfc7946Check, ClockwiseOuterRing) {
    const auto messages = geo::check_rfc7946(fixture("bad_clockwise.geojson"));
    ASSERT_EQ(messages.size(), 1u) << joined(messages);
    EXPECT_NE(messages[0].find("features[0].geometry.coordinates[0]"), std::string::npos);
    EXPECT_NE(messages[0].find("outer ring is clockwise"), std::string::npos);
}

TEST(Rfc7946Check, NineDecimals) {
    const auto messages = geo::check_rfc7946(fixture("bad_precision.geojson"));
    ASSERT_EQ(messages.size(), 1u) << joined(messages);
    EXPECT_NE(messages[0].find("features[0].geometry.coordinates[0]: 0.689123456 has 9 decimals"), std::string::npos)
        << messages[0];
}

TEST(Rfc7946Check, CrsMember) {
    const auto messages = geo::check_rfc7946(fixture("bad_crs.geojson"));
    ASSERT_EQ(messages.size(), 1u) << joined(messages);
    EXPECT_NE(messages[0].find("\"crs\" member present"), std::string::npos);
    EXPECT_EQ(messages[0].rfind(fixture("bad_crs.geojson"), 0), 0u) << "message names the file";
}

TEST(Rfc7946Check, UnclosedRing) {
    const auto messages = geo::check_rfc7946(fixture("bad_unclosed.geojson"));
    EXPECT_EQ(count_containing(messages, "not closed"), 1u) << joined(messages);
}

TEST(Rfc7946Check, AllFourProblemsInOneFile) {
    const auto messages = geo::check_rfc7946(fixture("bad_all.geojson"));
    EXPECT_EQ(count_containing(messages, "\"crs\" member present"), 1u) << joined(messages);
    EXPECT_EQ(count_containing(messages, "features[0].geometry.coordinates[0]: outer ring is clockwise"), 1u);
    EXPECT_EQ(count_containing(messages, "has 9 decimals"), 2u);  // both coordinates of the point
    EXPECT_EQ(count_containing(messages, "features[2].geometry.coordinates[0]: outer ring not closed"), 1u);
    EXPECT_EQ(messages.size(), 5u) << joined(messages);
}

TEST(Rfc7946Check, CounterClockwiseHole) {
    const auto messages = geo::check_rfc7946(fixture("bad_hole.geojson"));
    ASSERT_EQ(messages.size(), 1u) << joined(messages);
    EXPECT_NE(messages[0].find(": geometry.coordinates[1]: hole is counter-clockwise"), std::string::npos)
        << messages[0];
}

TEST(Rfc7946Check, OutOfRange) {
    const auto messages = geo::check_rfc7946(fixture("bad_range.geojson"));
    EXPECT_EQ(count_containing(messages, "outside WGS 84"), 2u) << joined(messages);
    EXPECT_EQ(count_containing(messages, "(650000.5, 6860000.25)"), 1u) << joined(messages);
}

TEST(Rfc7946Check, ShortRing) {
    const auto messages = geo::check_rfc7946(fixture("bad_short_ring.geojson"));
    EXPECT_EQ(count_containing(messages, "has 3 positions, at least 4 required"), 1u) << joined(messages);
}

TEST(Rfc7946Check, BboxNotContainingTheCoordinates) {
    const auto messages = geo::check_rfc7946(fixture("bad_bbox.geojson"));
    ASSERT_EQ(messages.size(), 1u) << joined(messages);
    EXPECT_NE(messages[0].find("bbox: [0.0,47.0,0.5,47.2] does not contain"), std::string::npos) << messages[0];
}

TEST(Rfc7946Check, MissingBboxOnlyWhenRequired) {
    EXPECT_TRUE(geo::check_rfc7946(fixture("bad_clockwise.geojson")).size() == 1u);
    const auto messages = geo::check_rfc7946(fixture("bad_clockwise.geojson"), {.require_bbox = true});
    EXPECT_EQ(count_containing(messages, "no \"bbox\""), 1u) << joined(messages);
}

TEST(Rfc7946Check, NotJsonAndMissingFile) {
    auto messages = geo::check_rfc7946(fixture("not_json.geojson"));
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_NE(messages[0].find("not valid JSON"), std::string::npos) << messages[0];
    messages = geo::check_rfc7946(fixture("no_such_file.geojson"));
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_NE(messages[0].find("cannot open"), std::string::npos) << messages[0];
}

TEST(Rfc7946Check, InvalidUtf8IsReported) {
    const auto path = test::temp_dir() / "latin1.geojson";
    std::ofstream(path) << "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"name\":\"Ch\xe2teau\"}}";
    const auto messages = geo::check_rfc7946(path.string());
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_NE(messages[0].find("not valid JSON (or not UTF-8)"), std::string::npos) << messages[0];
}

TEST(Rfc7946Check, MessagesAreCapped) {
    const auto path = test::temp_dir() / "many.geojson";
    {
        std::ofstream out(path);
        out << "{\"type\":\"FeatureCollection\",\"features\":[";
        for (int i = 0; i < 50; ++i)
            out << (i ? "," : "") << "{\"type\":\"Feature\",\"properties\":{},"
                << "\"geometry\":{\"type\":\"Point\",\"coordinates\":[0.123456789,47.123456789]}}";
        out << "]}";
    }
    const auto messages = geo::check_rfc7946(path.string(), {.max_messages = 10});
    ASSERT_EQ(messages.size(), 11u);
    EXPECT_NE(messages.back().find("and 90 more violations"), std::string::npos) << messages.back();
}

// Property test: whatever the input winding, duplicate or missing closing
// points and precision, the writer's polygons pass the checker.
TEST(Rfc7946Check, WriterOutputOfRandomPolygonsConforms) {
    std::mt19937 rng(7946);
    std::uniform_real_distribution<double> centre_lon(-179.0, 179.0), centre_lat(-89.0, 89.0);
    std::uniform_real_distribution<double> radius_deg(1e-5, 0.5);
    std::uniform_int_distribution<int> vertex_count(3, 40), coin(0, 1);
    std::vector<geo::GeoJsonFeature> features;
    for (int f = 0; f < 200; ++f) {
        const double lon = centre_lon(rng), lat = centre_lat(rng), r = radius_deg(rng);
        auto star = [&](double scale, bool clockwise) {
            geo::Ring ring;
            const int n = vertex_count(rng);
            for (int i = 0; i < n; ++i) {
                const double a = (clockwise ? -1.0 : 1.0) * 2.0 * M_PI * i / n;
                ring.push_back({lon + scale * r * std::cos(a), lat + scale * r * std::sin(a)});
            }
            if (coin(rng)) ring.push_back(ring.front());
            return ring;
        };
        geo::Polygon polygon;
        polygon.rings.push_back(star(1.0, coin(rng) == 1));
        if (coin(rng)) polygon.rings.push_back(star(0.3, coin(rng) == 1));
        geo::MultiPolygon multi;
        multi.polygons.push_back(polygon);
        features.push_back({multi, {{"index", f}}});
    }
    const auto path = (test::temp_dir() / "random.geojson").string();
    auto written = geo::write_geojson(path, features);
    ASSERT_TRUE(written) << written.error().message;
    EXPECT_EQ(*written, 200);
    const auto messages = geo::check_rfc7946(path, {.require_bbox = true});
    EXPECT_TRUE(messages.empty()) << joined(messages);
}

TEST(Rfc7946Check, DeeplyNestedCoordinatesGiveOneShortMessage) {
    // 40,000 nested arrays: refused at 64 levels, the message stays short.
    const auto path = test::temp_dir() / "deep.geojson";
    std::ofstream(path) << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
                        << R"("geometry":{"type":"Point","coordinates":)" << std::string(40'000, '[')
                        << std::string(40'000, ']') << "}}]}";
    const auto messages = geo::check_rfc7946(path.string());
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_NE(messages[0].find("nesting deeper than 64 levels at features[0].geometry.coordinates[0]"),
              std::string::npos)
        << messages[0];
    EXPECT_LT(messages[0].size(), 300u);
}

}  // namespace
