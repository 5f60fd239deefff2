// Theme names (geo/core/theme_names.hpp): the source's names in the language
// asked, the other language when one is missing, else the id made readable.
#include "geo/core/theme_names.hpp"

#include <gtest/gtest.h>

TEST(ThemeNames, TheLanguageAskedThenTheOtherThenTheReadableId) {
    const geo::ThemeNames names({{"kb:Wine", "Vin", "Wine"}, {"kb:Jam", "", "Jam"}, {"kb:Cheese", "Fromage", ""}});
    EXPECT_EQ(names.size(), 3u);
    EXPECT_EQ(names.display("kb:Wine", true), "Vin");
    EXPECT_EQ(names.display("kb:Wine", false), "Wine");
    EXPECT_EQ(names.display("kb:Jam", true), "Jam");
    EXPECT_EQ(names.display("kb:Cheese", false), "Fromage");
    EXPECT_EQ(names.display("kb:InTheCountryside", true), "In the countryside");
}

TEST(ThemeNames, ReadableIds) {
    EXPECT_EQ(geo::readable_theme_id("kb:NearARiverOrStream"), "Near a river or stream");
    EXPECT_EQ(geo::readable_theme_id("kb:HotAirBalloon"), "Hot air balloon");
    EXPECT_EQ(geo::readable_theme_id("renaissance"), "Renaissance");
    EXPECT_EQ(geo::readable_theme_id("open_air-museum"), "Open air museum");
    EXPECT_EQ(geo::readable_theme_id("kb:"), "");
    EXPECT_EQ(geo::readable_theme_id(""), "");
}
