#include "geo/io/osm_importer.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "tests/geo/io/import_fixtures.hpp"
#include "tests/support/test_support.hpp"

namespace {

using test::taxonomy;

bool has_subtype(const geo::ParsedItems& parsed, const std::string& subtype) {
    return std::any_of(parsed.items.begin(), parsed.items.end(), [&](const geo::OfferItem& i) {
        return std::find(i.subtypes.begin(), i.subtypes.end(), subtype) != i.subtypes.end();
    });
}

}  // namespace

TEST(OsmImporter, ToursExtractHasSensibleFamilies) {
    REQUIRE_SHARED_DATA();
    const auto path = (test::shared_data() / "poi/osm/tours.osm.pbf").string();
    auto parsed = geo::parse_osm(path, taxonomy());
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->source.key, "osm");
    EXPECT_EQ(parsed->source.kind, "osm");
    EXPECT_EQ(parsed->source.licence, "ODbL 1.0");
    EXPECT_EQ(parsed->source.attribution, "© OpenStreetMap contributors");

    // Hotels (nodes with stars, and building ways) → accommodation.
    for (const char* name : {"Hôtel de l'Europe", "Val de Loire", "Le Grand Hôtel", "Hôtel de l'Univers"}) {
        const geo::OfferItem* hotel = test::item_named(*parsed, name);
        ASSERT_NE(hotel, nullptr) << name;
        EXPECT_EQ(hotel->family, geo::Family::accommodation) << name;
        EXPECT_EQ(hotel->subtypes, std::vector<std::string>{"hotel"}) << name;
    }
    const auto* europe = test::item_named(*parsed, "Hôtel de l'Europe");
    EXPECT_EQ(europe->source_id.front(), 'n');
    EXPECT_EQ(nlohmann::json::parse(europe->extra_json).value("stars", ""), "2");
    const auto* grand = test::item_named(*parsed, "Le Grand Hôtel");
    EXPECT_EQ(grand->source_id, "w69787211");  // a building way, placed at its centroid
    EXPECT_NEAR(grand->position.lon_deg, 0.694, 0.01);
    EXPECT_NEAR(grand->position.lat_deg, 47.39, 0.01);

    // Restaurants → gastronomy.
    for (const char* name : {"Bistro Rossini", "La Maison Berbère", "Le Vietnam", "Café Leffe"}) {
        const geo::OfferItem* restaurant = test::item_named(*parsed, name);
        ASSERT_NE(restaurant, nullptr) << name;
        EXPECT_EQ(restaurant->family, geo::Family::gastronomy) << name;
    }
    // The tourist office → services.
    const auto* office = test::item_named(*parsed, "Office de Tourisme de Tours Val de Loire");
    ASSERT_NE(office, nullptr);
    EXPECT_EQ(office->family, geo::Family::services);

    // The station building is a listed monument mapped without a name tag:
    // named after its Wikipedia article, heritage, labelled.
    const auto* station = test::item_named(*parsed, "Gare de Tours");
    ASSERT_NE(station, nullptr);
    EXPECT_EQ(station->source_id, "w69782137");
    EXPECT_EQ(station->family, geo::Family::heritage);
    EXPECT_NE(std::find(station->labels.begin(), station->labels.end(), "monument_historique"), station->labels.end());

    // No bicycle parking, bench or pharmacy: no tourism meaning.
    EXPECT_FALSE(has_subtype(*parsed, "bicycle_parking"));
    EXPECT_EQ(test::item_named(*parsed, "Pharmacie Vinci"), nullptr);
    EXPECT_EQ(test::item_named(*parsed, "Crédit Agricole"), nullptr);
    for (const auto& item : parsed->items) {
        const auto extra = nlohmann::json::parse(item.extra_json);
        EXPECT_NE(extra.value("amenity", ""), "bicycle_parking") << item.source_id;
        EXPECT_TRUE(geo::is_valid_lonlat(item.position));
        EXPECT_TRUE(item.position.lon_deg > 0.64 && item.position.lon_deg < 0.75) << item.name;
        EXPECT_TRUE(item.position.lat_deg > 47.36 && item.position.lat_deg < 47.41) << item.name;
    }
    EXPECT_GE(parsed->items.size(), 30u);
    EXPECT_EQ(parsed->report.read, static_cast<std::int64_t>(parsed->items.size() + parsed->report.skipped.size()));
    // Every skipped record names its object and says why.
    for (const auto& s : parsed->report.skipped) {
        EXPECT_TRUE(s.record[0] == 'n' || s.record[0] == 'w' || s.record[0] == 'r') << s.record;
        EXPECT_FALSE(s.reason.message.empty());
    }
}

TEST(OsmImporter, XmlWaysRelationsLabelsAndMonths) {
    const auto path = (test::test_data() / "import" / "sample.osm").string();
    auto parsed = geo::parse_osm(path, taxonomy());
    ASSERT_TRUE(parsed) << parsed.error().message;

    const auto* museum = test::item_with_id(*parsed, "n1");
    ASSERT_NE(museum, nullptr);
    EXPECT_EQ(museum->name, "Musée des Beaux-Arts");
    EXPECT_EQ(museum->family, geo::Family::heritage);    // museums → heritage
    EXPECT_EQ(museum->opening_months, geo::kAllMonths);  // Apr-Oct + Nov-Mar
    const auto extra = nlohmann::json::parse(museum->extra_json);
    EXPECT_EQ(extra.value("wikidata", ""), "Q3330194");
    EXPECT_EQ(extra.value("website", ""), "https://example.org/mba");

    const auto* restaurant = test::item_with_id(*parsed, "n4");
    ASSERT_NE(restaurant, nullptr);
    EXPECT_EQ(restaurant->family, geo::Family::gastronomy);
    EXPECT_EQ(restaurant->opening_months, 0b0000'1111'0000'0000 >> 3);  // Jun..Sep

    const auto* castle = test::item_with_id(*parsed, "w100");
    ASSERT_NE(castle, nullptr);
    EXPECT_EQ(castle->family, geo::Family::heritage);
    EXPECT_NEAR(castle->position.lon_deg, 0.6960, 1e-9);  // centroid of the 4 corners
    EXPECT_NEAR(castle->position.lat_deg, 47.3970, 1e-9);
    EXPECT_NE(std::find(castle->labels.begin(), castle->labels.end(), "monument_historique"), castle->labels.end());

    const auto* reserve = test::item_with_id(*parsed, "r200");
    ASSERT_NE(reserve, nullptr);
    EXPECT_EQ(reserve->family, geo::Family::nature);
    EXPECT_NEAR(reserve->position.lon_deg, 0.705, 0.002);  // centre of the square
    EXPECT_NEAR(reserve->position.lat_deg, 47.405, 0.002);

    const auto* route = test::item_with_id(*parsed, "r201");
    ASSERT_NE(route, nullptr);
    EXPECT_NEAR(route->position.lon_deg, 0.68, 1e-9);  // the start of the route
    EXPECT_NEAR(route->position.lat_deg, 47.38, 1e-9);

    EXPECT_EQ(test::item_with_id(*parsed, "n2"), nullptr);    // bicycle_parking: not a candidate
    EXPECT_EQ(test::item_with_id(*parsed, "w104"), nullptr);  // footway: not a candidate
    ASSERT_EQ(parsed->report.skipped.size(), 1u);             // the unnamed artwork
    EXPECT_EQ(parsed->report.skipped[0].record, "n3");
    EXPECT_NE(parsed->report.skipped[0].reason.message.find("no name"), std::string::npos);
    EXPECT_EQ(parsed->items.size(), 5u);
    EXPECT_EQ(parsed->report.read, 6);
}

TEST(OsmImporter, BadFilesNameTheFile) {
    const auto dir = test::temp_dir();
    const auto missing = (dir / "missing.osm.pbf").string();
    auto r = geo::parse_osm(missing, taxonomy());
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("missing.osm.pbf"), std::string::npos);

    const auto corrupt = (dir / "corrupt.osm.pbf").string();
    {
        std::FILE* f = std::fopen(corrupt.c_str(), "wb");
        std::fputs("this is not a protocol buffer", f);
        std::fclose(f);
    }
    r = geo::parse_osm(corrupt, taxonomy());
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("corrupt.osm.pbf"), std::string::npos) << r.error().message;

    const auto truncated_xml = (dir / "truncated.osm").string();
    {
        std::FILE* f = std::fopen(truncated_xml.c_str(), "wb");
        std::fputs("<?xml version=\"1.0\"?><osm version=\"0.6\"><node id=\"1\" lat=\"47", f);
        std::fclose(f);
    }
    r = geo::parse_osm(truncated_xml, taxonomy());
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("truncated.osm"), std::string::npos) << r.error().message;
}

TEST(OsmImporter, RecognisesOsmFileNames) {
    EXPECT_TRUE(geo::is_osm_file("a/tours.osm.pbf"));
    EXPECT_TRUE(geo::is_osm_file("x.OSM"));
    EXPECT_TRUE(geo::is_osm_file("x.osm.bz2"));
    EXPECT_FALSE(geo::is_osm_file("x.geojson"));
    EXPECT_FALSE(geo::is_osm_file("osm"));
}
