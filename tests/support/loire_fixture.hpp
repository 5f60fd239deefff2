#pragma once
// Real-data fixture of the perimeter tests (../shared/data, see SOURCES.md),
// read with the product's own importers: the DATAtourisme Touraine sample as
// offer items (parse_datatourisme, default taxonomy), the communes and
// départements of Indre-et-Loire (37) and Loir-et-Cher (41) and the Parcs
// naturels régionaux (reference territories) (parse_territories); and a
// catalogue filled from them through import_source / import_territories.
// Call only after REQUIRE_SHARED_DATA(). Parsed data is cached per process;
// failures are reported as test failures (ADD_FAILURE) with empty results.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "geo/analysis/perimeter.hpp"
#include "geo/core/offer.hpp"

namespace test {

const std::vector<geo::OfferItem>& loire_items();
const std::vector<geo::Territory>& loire_territories();  // communes, départements, PNR

// loire_items() weighed for an audience preset as its perimeter weighs them
// (geo::perimeter_weights: attractions only; empty, with a test failure, when
// unknown), and its perimeter with default parameters (level 0.8) through the
// audience-perimeter use case; both cached per audience.
const std::vector<double>& loire_weights(const std::string& audience_id);
const geo::PerimeterResult& loire_perimeter(const std::string& audience_id);

// Imports the feed and the territories into the catalogue at `path` (created
// when missing), as `territoire import` does.
void make_loire_catalogue(const std::filesystem::path& path);

// A test with a fresh catalogue of the sample in its own temporary folder
// (skipped without ../shared/data, failed under CI=true).
class LoireCatalogueTest : public ::testing::Test {
protected:
    void SetUp() override;
    std::filesystem::path dir;
    std::filesystem::path catalogue;  // dir / "loire.sqlite"
};

struct Landmark {
    std::string name;
    geo::LonLat position;  // of the sample object named in SOURCES.md, as imported
};
// Chambord, Chenonceau, Amboise, Blois, Villandry, Azay-le-Rideau, Cheverny.
const std::vector<Landmark>& loire_chateaux();

}  // namespace test
