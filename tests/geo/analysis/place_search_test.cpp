// Search over the real sample: communes of 37 and 41, départements and
// PNR (../shared/data), the demo's places and the DATAtourisme items.
#include "geo/analysis/place_search.hpp"

#include <gtest/gtest.h>

#include "geo/analysis/commune_names.hpp"
#include "geo/core/data_dir.hpp"
#include "geo/io/places_file.hpp"
#include "tests/support/loire_fixture.hpp"
#include "tests/support/test_support.hpp"

namespace geo {
namespace {

const std::vector<Place>& demo_places() {
    static const std::vector<Place> places = [] {
        auto p = read_places_file(data_dir() + "/demo/places.geojson");
        if (!p) ADD_FAILURE() << p.error().message;
        return p ? *p : std::vector<Place>{};
    }();
    return places;
}

const SearchIndex& sample_index() {
    static const SearchIndex index(test::loire_territories(), demo_places(), test::loire_items());
    return index;
}

void expect_commune_first(const std::string& query, const std::string& code, const std::string& name) {
    const auto hits = sample_index().search(query);
    ASSERT_FALSE(hits.empty()) << query;
    EXPECT_EQ(hits[0].kind, SearchKind::commune) << query << " → " << hits[0].name;
    EXPECT_EQ(hits[0].code, code) << query;
    EXPECT_EQ(hits[0].name, name) << query;
    EXPECT_EQ(hits[0].match, SearchMatch::exact) << query;
}

TEST(PlaceSearch, TownNamesAndCodesBringTheCommuneFirst) {
    REQUIRE_SHARED_DATA();
    expect_commune_first("Chinon", "37072", "Chinon");
    expect_commune_first("chinon", "37072", "Chinon");
    expect_commune_first("  CHINON ", "37072", "Chinon");
    expect_commune_first("Amboise", "37003", "Amboise");
    expect_commune_first("37261", "37261", "Tours");
    expect_commune_first("vendome", "41269", "Vendôme");
    expect_commune_first("azay le rideau", "37014", "Azay-le-Rideau");
}

TEST(PlaceSearch, TheCommuneHitStandsAtItsTownCentre) {
    REQUIRE_SHARED_DATA();
    const auto hits = sample_index().search("Chinon");
    ASSERT_FALSE(hits.empty());
    // At the demo place (the town), not the middle of the commune's box; with its box to fit.
    EXPECT_NEAR(hits[0].position.lon_deg, 0.2420, 1e-9);
    EXPECT_NEAR(hits[0].position.lat_deg, 47.1675, 1e-9);
    EXPECT_FALSE(hits[0].extent.empty());
    EXPECT_TRUE(hits[0].extent.contains(hits[0].position));
    // One hit for the town: the demo place named like the commune is merged into it.
    for (std::size_t i = 1; i < hits.size(); ++i)
        EXPECT_FALSE(hits[i].kind == SearchKind::place && hits[i].name == "Chinon");
    // Then the offer items named after Chinon (three tourist-office desks in the sample).
    std::size_t items = 0;
    for (const auto& h : hits) items += h.kind == SearchKind::item;
    EXPECT_EQ(items, 3u);
    EXPECT_EQ(hits.size(), 4u);
    for (std::size_t i = 1; i < hits.size(); ++i) EXPECT_LE(hits[i - 1].match, hits[i].match);
}

TEST(PlaceSearch, PrefixBeforeWordPrefixBeforeContains) {
    REQUIRE_SHARED_DATA();
    const auto hits = sample_index().search("tours", 200);
    ASSERT_GE(hits.size(), 3u);
    EXPECT_EQ(hits[0].name, "Tours");
    EXPECT_EQ(hits[0].kind, SearchKind::commune);
    bool joue = false;
    for (const auto& h : hits)
        if (h.name == "Joué-lès-Tours" && h.kind == SearchKind::commune) {
            joue = true;
            EXPECT_EQ(h.match, SearchMatch::word_prefix);
        }
    EXPECT_TRUE(joue);
    // A département by its code, a place that is no loaded commune (Saumur, 49).
    const auto dep = sample_index().search("37");
    ASSERT_FALSE(dep.empty());
    EXPECT_EQ(dep[0].kind, SearchKind::territory);
    EXPECT_EQ(dep[0].level, "departement");
    const auto saumur = sample_index().search("Saumur");
    ASSERT_FALSE(saumur.empty());
    EXPECT_EQ(saumur[0].kind, SearchKind::place);
    EXPECT_EQ(saumur[0].code, "49328");
}

TEST(PlaceSearch, BlankQueryAndLimit) {
    const SearchIndex index({}, demo_places(), {});
    EXPECT_TRUE(index.search("").empty());
    EXPECT_TRUE(index.search("  - ").empty());
    EXPECT_EQ(index.search("s", 3).size(), 3u);
    const auto mont = index.search("mont", 50);
    ASSERT_GE(mont.size(), 5u);
    // Prefix hits by place rank, then shorter names: Montrichard (3) before Montbazon (4).
    EXPECT_EQ(mont[0].match, SearchMatch::prefix);
    EXPECT_EQ(mont[0].name, "Montrichard");
    EXPECT_EQ(mont[1].name, "Montlouis-sur-Loire");
}

TEST(CommuneNames, TerritoriesFirstThenPlaces) {
    REQUIRE_SHARED_DATA();
    const CommuneNames names(test::loire_territories(), demo_places());
    EXPECT_EQ(names.display("37261"), "Tours");
    EXPECT_EQ(names.display("41151"),
              "Montrichard Val de Cher");         // the commune's name, not the town's
    EXPECT_EQ(names.display("49328"), "Saumur");  // from the places (49 not loaded)
    EXPECT_EQ(names.display("99999"), "99999");
    EXPECT_EQ(names.display(""), "");
    const CommuneNames places_only({}, demo_places());
    EXPECT_EQ(places_only.display("41151"), "Montrichard");
}

}  // namespace
}  // namespace geo
