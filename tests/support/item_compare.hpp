#pragma once
// Two lists of offer items hold the same records, field by field (every
// field but the catalogue row id), in the same order. Header-only; gtest
// assertions, stopping at the first item that differs.
#include <gtest/gtest.h>

#include <vector>

#include "geo/core/offer.hpp"

namespace test {

inline void expect_same_items(const std::vector<geo::OfferItem>& a, const std::vector<geo::OfferItem>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        SCOPED_TRACE(a[i].source + "/" + a[i].source_id);
        EXPECT_EQ(a[i].source, b[i].source);
        EXPECT_EQ(a[i].source_id, b[i].source_id);
        EXPECT_EQ(a[i].name, b[i].name);
        EXPECT_EQ(a[i].family, b[i].family);
        EXPECT_EQ(a[i].subtypes, b[i].subtypes);
        EXPECT_EQ(a[i].labels, b[i].labels);
        EXPECT_EQ(a[i].themes, b[i].themes);
        EXPECT_EQ(a[i].opening_months, b[i].opening_months);
        EXPECT_EQ(a[i].producer, b[i].producer);
        EXPECT_EQ(a[i].commune_insee, b[i].commune_insee);
        EXPECT_EQ(a[i].extra_json, b[i].extra_json);
        EXPECT_EQ(a[i].min_price_eur, b[i].min_price_eur);
        EXPECT_EQ(a[i].position, b[i].position);
        if (::testing::Test::HasFailure()) return;
    }
}

}  // namespace test
