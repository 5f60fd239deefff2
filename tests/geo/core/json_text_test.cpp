// Bounded JSON: nesting limit, bounded excerpts for messages.
#include "geo/core/json_text.hpp"

#include <string>

#include <gtest/gtest.h>

namespace {

std::string nested(int levels) {
    return std::string(static_cast<std::size_t>(levels), '[') + std::string(static_cast<std::size_t>(levels), ']');
}

TEST(JsonText, DepthCountsArraysAndObjectsButNotStrings) {
    EXPECT_EQ(geo::json_depth("1"), 0);
    EXPECT_EQ(geo::json_depth(R"({"a": [1, {"b": []}]})"), 4);
    EXPECT_EQ(geo::json_depth(R"(["[[[[", "\"[[[["])"), 1);
    EXPECT_EQ(geo::json_depth(nested(64)), 64);
    EXPECT_EQ(geo::json_depth(nested(40'000)), geo::kMaxJsonDepth + 1);  // stops at the limit
}

TEST(JsonText, ParseRefusesDeepNestingAndNamesTheSource) {
    ASSERT_TRUE(geo::parse_json(nested(64), "ok.json"));
    auto deep = geo::parse_json(nested(40'000), "aud.json");
    ASSERT_FALSE(deep);
    EXPECT_EQ(deep.error().message, "aud.json: nesting deeper than 64 levels");
    auto bad = geo::parse_json("{\"a\": tru}", "bad.json");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message.rfind("bad.json: not valid JSON (parse error at line 1", 0), 0u)
        << bad.error().message;
    // A number beyond a double is nlohmann's out_of_range, not a parse_error:
    // it escaped as an exception (found by tests/fuzz/audience_json).
    auto overflow = geo::parse_json(R"({"family_weights": {"heritage": 1e999}})", "big.json");
    ASSERT_FALSE(overflow);
    EXPECT_EQ(overflow.error().message, "big.json: not valid JSON (number overflow parsing '1e999')");
}

TEST(JsonText, ExcerptIsBoundedWhateverTheValue) {
    EXPECT_EQ(geo::json_excerpt(nlohmann::json::parse(R"({"a":[1,2],"b":"x"})")), R"({"a":[1,2],"b":"x"})");
    // 10 MB string: cut before escaping, at most 80 bytes plus the ellipsis.
    const std::string huge(10'000'000, 'x');
    const std::string s = geo::json_excerpt(nlohmann::json(huge));
    EXPECT_LE(s.size(), geo::kMaxExcerptBytes + 3);
    EXPECT_TRUE(s.ends_with("…"));
    // Deep value (built without parsing): no recursion, bounded output.
    nlohmann::json deep = nlohmann::json::array();
    for (int i = 0; i < 10'000; ++i) deep = nlohmann::json::array({std::move(deep)});
    const std::string d = geo::json_excerpt(deep, 20);
    EXPECT_EQ(d, std::string(20, '[') + "…");
    // A cut never splits a UTF-8 character.
    EXPECT_EQ(geo::text_excerpt("ééé", 3), "é…");
    EXPECT_EQ(geo::text_excerpt("abc", 3), "abc");
}

}  // namespace
