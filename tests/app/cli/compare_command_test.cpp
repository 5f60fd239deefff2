// territoire compare through app::cli::run on the real sample catalogue
// (DATAtourisme items, départements and communes of 37 and 41).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <nlohmann/json.hpp>

#include "geo/io/rfc7946_check.hpp"
#include "tests/support/cli_run.hpp"
#include "tests/support/sample_catalogue.hpp"
#include "tests/support/test_support.hpp"

namespace {

namespace fs = std::filesystem;

class CompareCommand : public ::testing::Test {
protected:
    void SetUp() override {
        REQUIRE_SHARED_DATA();
        m_out = test::temp_dir();
        m_catalogue = test::cached_sample_catalogue(false);
    }
    static nlohmann::json read_json(const fs::path& path) {
        std::ifstream in(path);
        return nlohmann::json::parse(in);
    }

    fs::path m_out;
    std::string m_catalogue;
};

TEST_F(CompareCommand, IndreEtLoireAgainstLoirEtCherAsGeoJsonCsvAndJson) {
    const auto geojson = m_out / "b.geojson";
    ::testing::internal::CaptureStdout();
    const int code = test::run_cli({"compare", "--catalogue", m_catalogue, "--audience", "patrimoine", "--territory",
                                    "departement:37", "--against", "departement:41", "-o", geojson.string()});
    const std::string out = ::testing::internal::GetCapturedStdout();
    ASSERT_EQ(code, 0);
    EXPECT_NE(out.find("Forces / Strengths:"), std::string::npos) << out;
    EXPECT_NE(out.find(" × la moyenne des concurrents  |  "), std::string::npos) << out;
    EXPECT_EQ(geo::check_rfc7946(geojson.string(), {.require_bbox = true}), std::vector<std::string>{});
    const auto doc = read_json(geojson);
    ASSERT_EQ(doc["features"].size(), 2U);
    EXPECT_EQ(doc["features"][0]["properties"]["role"], "ours");
    EXPECT_EQ(doc["features"][1]["properties"]["code"], "41");
    EXPECT_TRUE(doc["features"][0]["properties"].contains("heritage_density_per_100km2"));
    const auto& provenance = doc["territoire"];
    EXPECT_EQ(provenance["audience"]["id"], "patrimoine");
    ASSERT_EQ(provenance["sources"].size(), 1U);
    EXPECT_EQ(provenance["sources"][0]["licence"], "Licence Ouverte 2.0 (Etalab)");
    EXPECT_FALSE(provenance["created_at"].get<std::string>().empty());
    EXPECT_FALSE(provenance["sentences"]["strengths"].empty());

    const auto csv = m_out / "b.csv";
    ::testing::internal::CaptureStdout();
    ASSERT_EQ(test::run_cli({"compare", "--catalogue", m_catalogue, "--audience", "patrimoine", "--territory",
                             "Indre-et-Loire", "--against", "Loir-et-Cher", "-o", csv.string()}),
              0);
    ::testing::internal::GetCapturedStdout();
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(csv.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(ds);
    EXPECT_EQ(ds->GetLayer(0)->GetFeatureCount(), 2 * geo::kFamilyCount);

    const auto json = m_out / "b.json";
    ::testing::internal::CaptureStdout();
    ASSERT_EQ(test::run_cli({"compare", "--catalogue", m_catalogue, "--audience", "patrimoine", "--territory",
                             "departement:37", "--against", "departement:41", "-o", json.string()}),
              0);
    ::testing::internal::GetCapturedStdout();
    const auto all = read_json(json);
    ASSERT_FALSE(all["strengths"].empty());
    const std::string first = all["strengths"][0]["fr"];
    EXPECT_NE(out.find(first), std::string::npos);  // the sentences printed are those written
    EXPECT_EQ(all["territories"].size(), 2U);
    EXPECT_EQ(all["provenance"]["parameters"]["territory"], "departement:37");
}

TEST_F(CompareCommand, SeveralCompetitorsIncludingAnOfferDestination) {
    const auto geojson = m_out / "b.geojson";
    ::testing::internal::CaptureStdout();
    ASSERT_EQ(test::run_cli({"compare", "--catalogue", m_catalogue, "--audience", "oenotourisme", "--territory",
                             "departement:37", "--against", "departement:41,producer:ADT41", "-o", geojson.string()}),
              0);
    ::testing::internal::GetCapturedStdout();
    EXPECT_EQ(geo::check_rfc7946(geojson.string()), std::vector<std::string>{});
    const auto doc = read_json(geojson);
    ASSERT_EQ(doc["features"].size(), 3U);
    EXPECT_EQ(doc["features"][2]["properties"]["level"], "competitor");
}

TEST_F(CompareCommand, BadArgumentsExitTwoAndWriteNothing) {
    const auto out = m_out / "b.geojson";
    struct Case {
        std::vector<std::string> args;
        int code;
        const char* message;
    };
    const std::vector<Case> cases = {
        {{"--audience", "patrimoine", "--territory", "departement:99", "--against", "departement:41"},
         2,
         "departement:37 Indre-et-Loire"},
        // An audience that resolves to nothing: exit 1, as in every command (cli_error.hpp).
        {{"--audience", "nobody", "--territory", "departement:37", "--against", "departement:41"},
         1,
         "unknown audience"},
        {{"--audience", "patrimoine", "--territory", "departement:37", "--against", "Atlantide"}, 2, "Atlantide"},
    };
    for (const Case& c : cases) {
        std::vector<std::string> args = {"compare", "--catalogue", m_catalogue};
        args.insert(args.end(), c.args.begin(), c.args.end());
        args.insert(args.end(), {"-o", out.string()});
        ::testing::internal::CaptureStderr();
        EXPECT_EQ(test::run_cli(args), c.code);
        const std::string err = ::testing::internal::GetCapturedStderr();
        EXPECT_NE(err.find(c.message), std::string::npos) << err;
        EXPECT_FALSE(fs::exists(out));
    }
    ::testing::internal::CaptureStderr();
    EXPECT_EQ(test::run_cli({"compare", "--catalogue", m_catalogue, "--audience", "patrimoine", "--territory",
                             "departement:37", "--against", "departement:41", "-o", (m_out / "b.shp").string()}),
              2);
    EXPECT_NE(::testing::internal::GetCapturedStderr().find("b.shp"), std::string::npos);
    ::testing::internal::CaptureStderr();
    EXPECT_EQ(test::run_cli({"compare", "--catalogue", (m_out / "none.sqlite").string(), "--audience", "patrimoine",
                             "--territory", "departement:37", "--against", "departement:41", "-o", out.string()}),
              1);
    EXPECT_NE(::testing::internal::GetCapturedStderr().find("none.sqlite"), std::string::npos);
}

}  // namespace
