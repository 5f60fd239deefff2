// Place-name files: the demo's, and bad input naming the file and the record.
#include "geo/io/places_file.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "geo/core/data_dir.hpp"
#include "tests/support/test_support.hpp"

namespace geo {
namespace {

std::string write_file(const std::string& name, const std::string& text) {
    const auto path = test::temp_dir() / name;
    std::ofstream(path) << text;
    return path.string();
}

std::string collection(const std::string& features) {
    return R"({"type":"FeatureCollection","features":[)" + features + "]}";
}

std::string point(const std::string& properties, double lon = 0.6892, double lat = 47.3941) {
    return R"({"type":"Feature","properties":{)" + properties + R"(},"geometry":{"type":"Point","coordinates":[)" +
           std::to_string(lon) + "," + std::to_string(lat) + "]}}";
}

TEST(PlacesFile, ReadsTheDemoPlaces) {
    auto places = read_places_file(data_dir() + "/demo/places.geojson");
    ASSERT_TRUE(places) << places.error().message;
    EXPECT_EQ(places->size(), 75u);
    const auto find = [&](const std::string& name) {
        return std::find_if(places->begin(), places->end(), [&](const Place& p) { return p.name == name; });
    };
    const auto tours = find("Tours");
    ASSERT_NE(tours, places->end());
    EXPECT_EQ(tours->insee, "37261");
    EXPECT_EQ(tours->rank, 1);
    EXPECT_GT(tours->population, 100'000);
    EXPECT_NEAR(tours->position.lon_deg, 0.6892, 1e-9);
    EXPECT_NEAR(tours->position.lat_deg, 47.3941, 1e-9);
    for (const char* name : {"Blois", "Amboise", "Chinon", "Saumur", "Loches", "Vendôme", "Romorantin-Lanthenay",
                             "Chambord", "Chenonceaux", "Azay-le-Rideau", "Villandry", "Cheverny", "Vouvray",
                             "Montlouis-sur-Loire", "Bourgueil", "Langeais", "Montrichard"})
        EXPECT_NE(find(name), places->end()) << name;
    for (const Place& p : *places) {
        EXPECT_EQ(p.insee.size(), 5u) << p.name;
        EXPECT_GE(p.rank, 1);
        EXPECT_LE(p.rank, 5);
    }
}

TEST(PlacesFile, RankFromPopulationWhenAbsent) {
    const auto path = write_file(
        "p.geojson", collection(point(R"("nom":"Tours","population":136000)") + "," +
                                point(R"("nom":"Candes","population":200)") + "," + point(R"("nom":"Nowhere")")));
    auto places = read_places_file(path);
    ASSERT_TRUE(places) << places.error().message;
    ASSERT_EQ(places->size(), 3u);
    EXPECT_EQ((*places)[0].rank, 1);
    EXPECT_EQ((*places)[1].rank, 5);
    EXPECT_EQ((*places)[2].rank, 3);
    EXPECT_EQ((*places)[2].insee, "");
}

TEST(PlacesFile, BadInputNamesTheFileAndTheRecord) {
    struct Case {
        std::string text, expected;
    };
    const std::vector<Case> cases = {
        {collection(point(R"("name":"Tours","rank":0)")),
         "places.geojson:places:FID 0: rank \"0\": expected a whole number 1…9"},
        {collection(point(R"("name":"Tours")") + "," + point(R"("name":"Blois","rank":"big")")),
         "places.geojson:places:FID 1: rank \"big\""},
        {collection(point(R"("name":"Tours","population":-3)")), "population \"-3\""},
        {collection(point(R"("name":"  ")")), "FID 0: empty name"},
        {collection(point(R"("name":"Tours")", 0.69, 147.61)), "FID 0: latitude"},
        {collection(
             R"({"type":"Feature","properties":{"name":"Loire"},"geometry":{"type":"LineString","coordinates":[[0,47],[1,47]]}})"),
         "FID 0: LINESTRING geometry (expected a point)"},
        {collection(R"({"type":"Feature","properties":{"name":"Tours"},"geometry":null})"),
         "FID 0: no geometry (expected a point)"},
        {collection(point(R"("ville":"Tours")")), "places.geojson:places: no name field (tried name, nom"},
        {collection(""), "no place"},
        {"{not json", "places.geojson"},
    };
    for (const Case& c : cases) {
        const auto path = write_file("places.geojson", c.text);
        auto places = read_places_file(path);
        ASSERT_FALSE(places) << c.text;
        EXPECT_NE(places.error().message.find(c.expected), std::string::npos)
            << "message: " << places.error().message << "\nexpected: " << c.expected;
    }
    auto missing = read_places_file((test::temp_dir() / "absent.geojson").string());
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("absent.geojson"), std::string::npos) << missing.error().message;
}

}  // namespace
}  // namespace geo
