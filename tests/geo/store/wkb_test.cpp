// The catalogue's WKB codec: round trip, and damaged blobs refused with a
// message (never an exception or an allocation sized by a damaged count).
#include "geo/store/wkb.hpp"

#include <cstring>

#include <gtest/gtest.h>

namespace {

geo::MultiPolygon square() {
    geo::Polygon p;
    p.rings.push_back({{0.0, 47.0}, {1.0, 47.0}, {1.0, 48.0}, {0.0, 48.0}, {0.0, 47.0}});
    geo::MultiPolygon mp;
    mp.polygons.push_back(p);
    return mp;
}

}  // namespace

TEST(Wkb, RoundTrip) {
    const auto blob = geo::store::multipolygon_to_wkb(square());
    auto back = geo::store::multipolygon_from_wkb(blob.data(), blob.size());
    ASSERT_TRUE(back) << back.error().message;
    ASSERT_EQ(back->polygons.size(), 1u);
    EXPECT_EQ(back->polygons[0].rings[0].size(), 5u);
}

TEST(Wkb, DamagedCountsAndTruncationAreRefused) {
    auto blob = geo::store::multipolygon_to_wkb(square());
    // Point count of the first ring: after byte order, type, polygon count,
    // then the polygon's byte order, type and ring count (1+4+4+1+4+4 bytes).
    const std::size_t at = 18;
    const std::uint32_t huge = 0xFFFFFFF0u;
    std::memcpy(blob.data() + at, &huge, sizeof huge);
    auto bad = geo::store::multipolygon_from_wkb(blob.data(), blob.size());
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("longer than"), std::string::npos) << bad.error().message;

    const auto good = geo::store::multipolygon_to_wkb(square());
    for (std::size_t size = 0; size < good.size(); ++size)
        EXPECT_FALSE(geo::store::multipolygon_from_wkb(good.data(), size)) << size << " bytes";
}
