// Values rounded for output read as the number meant (issue 11.5: "exported
// weights read 0.9800000190734863").
#include "geo/core/rounding.hpp"

#include <cmath>
#include <limits>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

std::string shortest(double v) {
    return nlohmann::json(v).dump();  // the shortest form that reads back as v
}

TEST(Rounding, AFloatWidenedToDoubleReadsAsItsDecimals) {
    EXPECT_EQ(shortest(static_cast<double>(0.98f)), "0.9800000190734863") << "the problem";
    EXPECT_EQ(shortest(geo::round_to_decimals(static_cast<double>(0.98f), 4)), "0.98");
    EXPECT_EQ(shortest(geo::round_to_decimals(6149.2000000001, 1)), "6149.2");
    EXPECT_EQ(shortest(geo::round_to_decimals(201.7299999, 2)), "201.73");
    EXPECT_EQ(shortest(geo::round_to_decimals(-0.125, 2)), "-0.13") << "half away from zero";
    EXPECT_EQ(shortest(geo::round_to_decimals(1537.26, 0)), "1537.0");
}

TEST(Rounding, EveryTwoDecimalValueOfASliderComesOutShort) {
    for (int i = 0; i <= 100; ++i) {
        const float slider = static_cast<float>(i) / 100.0f;
        const std::string s = shortest(geo::round_to_decimals(slider, 2));
        EXPECT_LE(s.size(), 4u) << i << ": " << s;
        EXPECT_DOUBLE_EQ(std::stod(s), i / 100.0);
    }
}

TEST(Rounding, NonFiniteAndHugeValuesComeBackUnchanged) {
    EXPECT_TRUE(std::isnan(geo::round_to_decimals(std::nan(""), 3)));
    EXPECT_EQ(geo::round_to_decimals(std::numeric_limits<double>::infinity(), 3),
              std::numeric_limits<double>::infinity());
    EXPECT_EQ(geo::round_to_decimals(1e300, 6), 1e300);
    EXPECT_EQ(geo::round_to_decimals(2.5, -3), 3.0) << "decimals clamped to 0";
}

}  // namespace
