#include "geo/core/offer.hpp"

#include <gtest/gtest.h>

TEST(Family, IdsRoundTrip) {
    for (geo::Family f : geo::kAllFamilies) {
        auto back = geo::family_from_id(geo::family_id(f));
        ASSERT_TRUE(back.has_value());
        EXPECT_EQ(*back, f);
    }
    EXPECT_FALSE(geo::family_from_id("castles").has_value());
}

TEST(TerritoryLevel, IdsRoundTrip) {
    EXPECT_EQ(geo::territory_level_from_id("departement"), geo::TerritoryLevel::departement);
    EXPECT_EQ(geo::territory_level_id(geo::TerritoryLevel::epci), "epci");
    EXPECT_FALSE(geo::territory_level_from_id("county").has_value());
}
