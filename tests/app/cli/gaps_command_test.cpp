// territoire gaps through app::cli::run on the real sample catalogue
// (DATAtourisme items, départements and communes of 37 and 41).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <nlohmann/json.hpp>

#include "geo/io/rfc7946_check.hpp"
#include "tests/support/cli_run.hpp"
#include "tests/support/sample_catalogue.hpp"
#include "tests/support/test_support.hpp"

namespace {

namespace fs = std::filesystem;

class GapsCommand : public ::testing::Test {
protected:
    void SetUp() override {
        REQUIRE_SHARED_DATA();
        m_out = test::temp_dir();
        m_catalogue = test::cached_sample_catalogue(true);
    }

    fs::path m_out;
    std::string m_catalogue;
};

TEST_F(GapsCommand, FamillesNatureCellsAndZonesAsGeoJsonAndCsv) {
    const auto geojson = m_out / "gaps.geojson";
    const auto csv = m_out / "zones.csv";
    ::testing::internal::CaptureStdout();
    const int code = test::run_cli({"gaps", "--catalogue", m_catalogue, "--audience", "Familles nature", "-o",
                                    geojson.string(), "--zones-csv", csv.string()});
    const std::string out = ::testing::internal::GetCapturedStdout();
    ASSERT_EQ(code, 0) << out;
    std::printf("%s", out.c_str());
    EXPECT_EQ(geo::check_rfc7946(geojson.string(), {.require_bbox = true}), std::vector<std::string>{});

    std::ifstream in(geojson);
    const auto doc = nlohmann::json::parse(in);
    std::map<std::string, int> kinds;
    int zone_rank = 0;
    for (const auto& f : doc["features"]) {
        const auto& p = f["properties"];
        const std::string kind = p["kind"];
        ++kinds[kind];
        if (kind == "zone") {
            EXPECT_EQ(p["rank"], ++zone_rank);  // zones first, in rank order
            EXPECT_TRUE(p["family"].is_string());
            EXPECT_GT(p["score"].get<double>(), 0.0);
            EXPECT_GT(p["distance_m"].get<double>(), 0.0);
        } else if (kind == "cell") {
            EXPECT_TRUE(p.contains("distance_m_nature"));
            EXPECT_EQ(p["family"].is_null(), p["zone"].is_null());
        }
    }
    EXPECT_GT(kinds["zone"], 0);
    EXPECT_GT(kinds["cell"], 1'000);  // ~5,200 km² at 2 km cells (3.46 km² each)
    EXPECT_EQ(kinds["perimeter"], 1);
    const auto& provenance = doc["territoire"];
    EXPECT_EQ(provenance["audience"]["id"], "familles-nature");
    EXPECT_EQ(provenance["parameters"]["cell_m"], 2000.0);
    EXPECT_EQ(provenance["parameters"]["level"], 0.8);
    EXPECT_EQ(provenance["parameters"]["acceptable_distance_m"]["accommodation"], 10000.0);
    ASSERT_EQ(provenance["sources"].size(), 1U);
    EXPECT_EQ(provenance["sources"][0]["attribution"], "DATAtourisme");

    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(csv.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(ds);
    EXPECT_EQ(ds->GetLayer(0)->GetFeatureCount(), kinds["zone"]);
    OGRFeatureUniquePtr first(ds->GetLayer(0)->GetNextFeature());
    EXPECT_STREQ(first->GetFieldAsString("rank"), "1");
    EXPECT_NE(out.find(std::string("1. ") + first->GetFieldAsString("family_fr")), std::string::npos) << out;
}

TEST_F(GapsCommand, FinerCellsWithoutCellFeatures) {
    const auto geojson = m_out / "gaps.geojson";
    ::testing::internal::CaptureStdout();
    ASSERT_EQ(test::run_cli({"gaps", "--catalogue", m_catalogue, "--audience", "oenotourisme", "--level", "0.5",
                             "--cell-m", "1000", "--no-cells", "-o", geojson.string()}),
              0);
    ::testing::internal::GetCapturedStdout();
    EXPECT_EQ(geo::check_rfc7946(geojson.string()), std::vector<std::string>{});
    std::ifstream in(geojson);
    const auto doc = nlohmann::json::parse(in);
    for (const auto& f : doc["features"]) EXPECT_NE(f["properties"]["kind"], "cell");
    EXPECT_EQ(doc["territoire"]["parameters"]["cell_m"], 1000.0);
}

TEST_F(GapsCommand, BadArgumentsExitNonZeroAndWriteNothing) {
    const auto out = m_out / "gaps.geojson";
    struct Case {
        std::string audience;
        std::vector<std::string> extra;
        std::string message;
        int exit_code = 2;
    };
    // An audience that resolves to nothing exits 1, as in every command (cli_error.hpp).
    for (const Case& c : std::vector<Case>{{"patrimoine", {"--level", "1.5"}, "--level"},
                                           {"patrimoine", {"--cell-m", "1"}, "--cell-m"},
                                           {"patrimoine", {"--min-score", "-1"}, "--min-score"},
                                           {"nobody", {}, "nobody", 1}}) {
        std::vector<std::string> args = {"gaps",     "--catalogue", m_catalogue, "--audience",
                                         c.audience, "-o",          out.string()};
        args.insert(args.end(), c.extra.begin(), c.extra.end());
        ::testing::internal::CaptureStderr();
        EXPECT_EQ(test::run_cli(args), c.exit_code) << c.message;
        const std::string err = ::testing::internal::GetCapturedStderr();
        EXPECT_NE(err.find(c.message), std::string::npos) << err;
        EXPECT_FALSE(fs::exists(out));
    }
    ::testing::internal::CaptureStderr();
    EXPECT_EQ(test::run_cli({"gaps", "--catalogue", m_catalogue, "--audience", "patrimoine", "-o",
                             (m_out / "gaps.shp").string()}),
              2);
    EXPECT_NE(::testing::internal::GetCapturedStderr().find("gaps.shp"), std::string::npos);
}

}  // namespace
