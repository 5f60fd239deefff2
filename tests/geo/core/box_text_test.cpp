#include "geo/core/box_text.hpp"

#include <gtest/gtest.h>

namespace {

TEST(BoxText, ReadsWestSouthEastNorth) {
    auto box = geo::parse_lonlat_box(" 0.05, 46.7 ,1.37,47.71 ");
    ASSERT_TRUE(box) << box.error().message;
    EXPECT_DOUBLE_EQ(box->west_deg, 0.05);
    EXPECT_DOUBLE_EQ(box->south_deg, 46.7);
    EXPECT_DOUBLE_EQ(box->east_deg, 1.37);
    EXPECT_DOUBLE_EQ(box->north_deg, 47.71);
}

TEST(BoxText, RefusesWhatIsNotABoxAndSaysWhy) {
    struct Case {
        const char* text;
        const char* says;
    };
    for (const Case& c :
         {Case{"", "four numbers"}, Case{"1,2,3", "four numbers"}, Case{"1,2,3,4,5", "four numbers"},
          Case{"1,,3,4", "four numbers"}, Case{"a,b,c,d", "four numbers"}, Case{"nan,1,2,3", "four numbers"},
          Case{"0,inf,2,3", "four numbers"}, Case{"1,2,3,4x", "four numbers"}, Case{"-200,40,2,45", "outside WGS 84"},
          Case{"0,40,2,95", "outside WGS 84"}, Case{"3,40,1,45", "west < east"}, Case{"1,45,3,40", "south < north"},
          Case{"1,40,1,45", "west < east"}}) {
        auto box = geo::parse_lonlat_box(c.text);
        ASSERT_FALSE(box) << c.text;
        EXPECT_NE(box.error().message.find(c.says), std::string::npos) << c.text << ": " << box.error().message;
        EXPECT_NE(box.error().message.find(std::string("\"") + c.text + "\""), std::string::npos)
            << box.error().message;
    }
}

}  // namespace
