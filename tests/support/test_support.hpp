#pragma once
// Helpers shared by the test suites: where the real data lives, temporary
// folders, file checksums.
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "geo/core/offer.hpp"
#include "geo/core/taxonomy.hpp"

namespace test {

// ../shared/data. When absent, GTEST_SKIP() unless CI=true (then FAIL).
std::filesystem::path shared_data();
// tests/data (the bad-input corpus and small fixtures).
std::filesystem::path test_data();
// A fresh, empty temporary folder unique to the running test.
std::filesystem::path temp_dir();
// data/taxonomy.json, loaded once (throws std::runtime_error when unreadable).
const geo::Taxonomy& default_taxonomy();
// FNV-1a 64 checksum of a file's bytes ("" when missing).
std::string file_checksum(const std::filesystem::path& path);

// The polygons of a GDAL vector file (first layer) as territories, with code
// and name from the given fields and id = FID + 1; empty when unreadable.
std::vector<geo::Territory> read_territories(const std::filesystem::path& path, const std::string& code_field,
                                             const std::string& name_field, geo::TerritoryLevel level);
// The 272 communes of Indre-et-Loire (shared data), fields code / nom.
std::filesystem::path communes37_path();
std::vector<geo::Territory> communes37();

// The demo's offer items (data/demo/items.geojson) imported, as the GUI and
// the CLI do, into a fresh catalogue `dir`/demo.sqlite; returns its path.
std::filesystem::path demo_catalogue(const std::filesystem::path& dir);

// Six offer items in Touraine with accents, quotes, commas, a newline and
// lists, for exporter round trips. Ids 1…6; item 3 lies in Tours (37261).
std::vector<geo::OfferItem> sample_items();

}  // namespace test

// Skips the test, or fails it under CI=true, where every test must run.
#define SKIP_OR_FAIL_IN_CI(message)                                                                              \
    do {                                                                                                         \
        if (const char* ci = std::getenv("CI"); ci && std::string(ci) == "true") FAIL() << "in CI: " << message; \
        GTEST_SKIP() << message;                                                                                 \
    } while (0)

#define REQUIRE_SHARED_DATA()                                                   \
    do {                                                                        \
        if (!std::filesystem::exists(test::shared_data()))                      \
            SKIP_OR_FAIL_IN_CI("shared data missing: " << test::shared_data()); \
    } while (0)
