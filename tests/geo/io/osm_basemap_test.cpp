// The OSM vector basemap of the real Tours extract: roads by class, the
// railway and tram to the station, parks and built-up areas; the zoom bands thin and simplify; the cache is written
// once, read back while the extract is unchanged and rebuilt when it changes.
#include "geo/io/osm_basemap.hpp"

#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <fstream>

#include "tests/support/test_support.hpp"

namespace geo {
namespace {

namespace fs = std::filesystem;

fs::path tours_pbf() {
    return test::shared_data() / "poi/osm/tours.osm.pbf";
}

std::array<std::size_t, kBasemapClassCount> class_counts(const BasemapBand& band) {
    std::array<std::size_t, kBasemapClassCount> n{};
    for (const auto& l : band.lines) ++n[static_cast<int>(l.cls)];
    for (const auto& a : band.areas) ++n[static_cast<int>(a.cls)];
    return n;
}

std::size_t points_in(const BasemapBand& band) {
    std::size_t n = 0;
    for (const auto& l : band.lines) n += l.points.size();
    for (const auto& a : band.areas)
        for (const auto& p : a.polygons.polygons)
            for (const auto& r : p.rings) n += r.size();
    return n;
}

TEST(OsmBasemap, ToursExtractHasRoadsRailwaysParksAndBuiltUpAreas) {
    REQUIRE_SHARED_DATA();
    auto full = read_osm_basemap(tours_pbf().string());
    ASSERT_TRUE(full) << full.error().message;
    ASSERT_EQ(full->bands.size(), 1u);
    const auto n = class_counts(full->bands[0]);
    // The station district: no motorway, no tertiary, no water nor place node
    // in this small extract (see SOURCES.md); the Loire is north of it.
    for (BasemapClass c : {BasemapClass::primary, BasemapClass::secondary, BasemapClass::minor, BasemapClass::railway,
                           BasemapClass::park, BasemapClass::built_up})
        EXPECT_GT(n[static_cast<int>(c)], 0u) << basemap_class_name(c);
    // Central Tours, around the station (0.69 E, 47.39 N).
    EXPECT_TRUE(full->bounds.contains({0.694, 47.390})) << full->bounds.west_deg << " " << full->bounds.east_deg;
    EXPECT_LT(full->bounds.east_deg - full->bounds.west_deg, 0.3);
    for (const Place& p : full->places) {
        EXPECT_FALSE(p.name.empty());
        EXPECT_GE(p.rank, 1);
        EXPECT_LE(p.rank, kPlaceRankMax);
    }
}

TEST(OsmBasemap, BandsThinAndSimplifyTowardsTheSmallZooms) {
    REQUIRE_SHARED_DATA();
    auto full = read_osm_basemap(tours_pbf().string());
    ASSERT_TRUE(full) << full.error().message;
    const OsmBasemap banded = band_osm_basemap(*full);
    ASSERT_EQ(banded.bands.size(), 3u);
    EXPECT_EQ(banded.band_at(8.0), &banded.bands[0]);
    EXPECT_EQ(banded.band_at(12.0), &banded.bands[1]);
    EXPECT_EQ(banded.band_at(16.0), &banded.bands[2]);
    EXPECT_EQ(points_in(banded.bands[2]), points_in(full->bands[0]));  // full detail close in
    EXPECT_LT(points_in(banded.bands[1]), points_in(banded.bands[2]));
    EXPECT_LT(points_in(banded.bands[0]), points_in(banded.bands[1]));
    const auto far = class_counts(banded.bands[0]);
    EXPECT_EQ(far[static_cast<int>(BasemapClass::tertiary)], 0u);  // minor roads only closer in
    EXPECT_EQ(far[static_cast<int>(BasemapClass::secondary)], 0u);
    EXPECT_EQ(far[static_cast<int>(BasemapClass::minor)], 0u);
    EXPECT_EQ(class_counts(banded.bands[1])[static_cast<int>(BasemapClass::minor)], 0u);
    EXPECT_GT(class_counts(banded.bands[2])[static_cast<int>(BasemapClass::minor)], 0u);
    EXPECT_GT(far[static_cast<int>(BasemapClass::primary)], 0u);
}

TEST(OsmBasemap, CacheIsWrittenOnceThenReadUntilTheExtractChanges) {
    REQUIRE_SHARED_DATA();
    const fs::path dir = test::temp_dir();
    const fs::path pbf = dir / "tours.osm.pbf";
    fs::copy_file(tours_pbf(), pbf);
    const fs::path cache_dir = dir / "cache";
    std::string note;
    auto first = load_osm_basemap(pbf.string(), cache_dir.string(), &note);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(note.rfind("written to ", 0), 0u) << note;
    auto cache = osm_basemap_cache_path(pbf.string(), cache_dir.string());
    ASSERT_TRUE(cache);
    ASSERT_TRUE(fs::exists(*cache));
    EXPECT_LT(fs::file_size(*cache), 4 * fs::file_size(pbf));

    note.clear();
    auto second = load_osm_basemap(pbf.string(), cache_dir.string(), &note);
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_EQ(note.rfind("read from ", 0), 0u) << note;
    ASSERT_EQ(second->bands.size(), first->bands.size());
    for (std::size_t i = 0; i < first->bands.size(); ++i) {
        EXPECT_EQ(points_in(second->bands[i]), points_in(first->bands[i]));
        EXPECT_EQ(second->bands[i].lines.size(), first->bands[i].lines.size());
    }
    EXPECT_EQ(second->places.size(), first->places.size());

    // A damaged cache is rebuilt, not trusted.
    std::ofstream(*cache, std::ios::binary | std::ios::trunc) << "TERRBM01 garbage";
    note.clear();
    auto third = load_osm_basemap(pbf.string(), cache_dir.string(), &note);
    ASSERT_TRUE(third) << third.error().message;
    EXPECT_NE(note.find("rebuilt"), std::string::npos) << note;

    // A newer extract (other mtime) has another cache file.
    fs::last_write_time(pbf, fs::last_write_time(pbf) + std::chrono::seconds(10));
    auto other = osm_basemap_cache_path(pbf.string(), cache_dir.string());
    ASSERT_TRUE(other);
    EXPECT_NE(*other, *cache);
}

TEST(OsmBasemap, DecodeRefusesForeignAndTruncatedBytes) {
    OsmBasemap b;
    b.bands.push_back({0, 99, {{BasemapClass::primary, {{0.7, 47.4}, {0.71, 47.41}}}}, {}});
    const std::string bytes = encode_osm_basemap(b, 10, 20);
    EXPECT_TRUE(decode_osm_basemap(bytes, 10, 20));
    EXPECT_FALSE(decode_osm_basemap(bytes, 11, 20));  // other extract
    EXPECT_FALSE(decode_osm_basemap(bytes.substr(0, bytes.size() - 3), 10, 20));
    EXPECT_FALSE(decode_osm_basemap("PNG....", 10, 20));
}

TEST(OsmBasemap, BadExtractsGetAClearMessage) {
    const fs::path dir = test::temp_dir();
    auto missing = read_osm_basemap((dir / "none.osm.pbf").string());
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("none.osm.pbf: no such file"), std::string::npos);
    std::ofstream(dir / "bad.osm.pbf") << "this is not a pbf";
    auto bad = read_osm_basemap((dir / "bad.osm.pbf").string());
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("bad.osm.pbf: cannot read the OpenStreetMap extract"), std::string::npos)
        << bad.error().message;
}

}  // namespace
}  // namespace geo
