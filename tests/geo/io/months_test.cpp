#include "geo/io/months.hpp"

#include <gtest/gtest.h>

namespace {
constexpr geo::MonthMask months(std::initializer_list<int> list) {
    geo::MonthMask mask = 0;
    for (int m : list) mask |= static_cast<geo::MonthMask>(1u << (m - 1));
    return mask;
}
}  // namespace

TEST(Months, MonthFromText) {
    EXPECT_EQ(geo::month_from_text("4"), 4);
    EXPECT_EQ(geo::month_from_text(" 12 "), 12);
    EXPECT_EQ(geo::month_from_text("Apr"), 4);
    EXPECT_EQ(geo::month_from_text("août"), 8);
    EXPECT_EQ(geo::month_from_text("Septembre"), 9);
    EXPECT_EQ(geo::month_from_text("déc."), 12);
    EXPECT_EQ(geo::month_from_text("13"), std::nullopt);
    EXPECT_EQ(geo::month_from_text("0"), std::nullopt);
    EXPECT_EQ(geo::month_from_text("4.5"), std::nullopt);
    EXPECT_EQ(geo::month_from_text(""), std::nullopt);
}

TEST(Months, ListsAndRanges) {
    EXPECT_EQ(*geo::parse_month_list({"1", "2", "12"}), months({1, 2, 12}));
    EXPECT_EQ(*geo::parse_month_list({"4-10"}), months({4, 5, 6, 7, 8, 9, 10}));
    EXPECT_EQ(*geo::parse_month_list({"Nov-Feb"}), months({11, 12, 1, 2}));  // wraps
    EXPECT_EQ(*geo::parse_month_list({"1-12"}), geo::kAllMonths);
    EXPECT_EQ(*geo::parse_month_list({}), 0);
    const auto bad = geo::parse_month_list({"4", "summer"});
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("\"summer\""), std::string::npos);
}

TEST(Months, OpeningHours) {
    EXPECT_EQ(geo::months_from_opening_hours("Apr-Oct 10:00-18:00"), months({4, 5, 6, 7, 8, 9, 10}));
    EXPECT_EQ(geo::months_from_opening_hours("Jun 15-Sep 15 12:00-14:00"), months({6, 7, 8, 9}));
    EXPECT_EQ(geo::months_from_opening_hours("Jul,Aug Mo-Su 10:00-19:00; Dec 25 off"), months({7, 8}));
    EXPECT_EQ(geo::months_from_opening_hours("Apr-Sep: 09:00-19:00; Oct-Mar Sa,Su 10:00-17:00"), geo::kAllMonths);
    EXPECT_EQ(geo::months_from_opening_hours("Mo-Fr 09:00-18:00"), 0);  // all year: unknown
    EXPECT_EQ(geo::months_from_opening_hours("Apr-Oct 10:00-18:00; Mo-Fr 09:00-12:00"), 0);
    EXPECT_EQ(geo::months_from_opening_hours("24/7"), 0);
    EXPECT_EQ(geo::months_from_opening_hours(""), 0);
    EXPECT_EQ(geo::months_from_opening_hours("Mar 10:00-12:00"), months({3}));
    EXPECT_EQ(geo::months_from_opening_hours("Marathon"), 0);  // not a month abbreviation
}
