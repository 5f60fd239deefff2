// territoire export / validate through app::cli::run on a catalogue built
// from the sample items and the communes of Indre-et-Loire.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <nlohmann/json.hpp>

#include "app/cli/commands.hpp"
#include "geo/io/rfc7946_check.hpp"
#include "geo/store/catalogue.hpp"
#include "tests/support/test_support.hpp"

namespace {

namespace fs = std::filesystem;

int run(std::vector<std::string> args) {
    args.insert(args.begin(), "territoire");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    return app::cli::run(static_cast<int>(argv.size()), argv.data());
}

class ExportCommand : public ::testing::Test {
protected:
    void SetUp() override {
        REQUIRE_SHARED_DATA();
        m_dir = test::temp_dir();
        m_catalogue = (m_dir / "catalogue.sqlite").string();
        auto catalogue = geo::Catalogue::open(m_catalogue);
        ASSERT_TRUE(catalogue) << catalogue.error().message;
        geo::ImportReport report;
        const geo::SourceInfo items_source{
            "datatourisme", "datatourisme", "test", "Licence Ouverte 2.0 (Etalab)", "DATAtourisme", ""};
        auto ok = catalogue->upsert_items(items_source, test::sample_items(), report);
        ASSERT_TRUE(ok) << ok.error().message;
        const geo::SourceInfo communes_source{"communes-37-indre-et-loire.geojson",
                                              "territories",
                                              test::communes37_path().string(),
                                              "Licence Ouverte 2.0",
                                              "IGN, ADMIN EXPRESS",
                                              ""};
        ok = catalogue->upsert_territories(communes_source, test::communes37(), report);
        ASSERT_TRUE(ok) << ok.error().message;
    }

    std::int64_t count(const fs::path& path) const {
        GDALAllRegister();
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        return ds ? ds->GetLayer(0)->GetFeatureCount() : -1;
    }

    fs::path m_dir;
    std::string m_catalogue;
};

TEST_F(ExportCommand, AllItemsToGeoJsonWithProvenance) {
    const auto out = m_dir / "items.geojson";
    ASSERT_EQ(run({"export", "--catalogue", m_catalogue, "--items", "-o", out.string()}), 0);
    EXPECT_EQ(count(out), 6);
    EXPECT_TRUE(geo::check_rfc7946(out.string(), {.require_bbox = true}).empty());
    std::ifstream in(out);
    const auto doc = nlohmann::json::parse(in);
    const auto& provenance = doc["territoire"];
    EXPECT_EQ(provenance["kind"], "items");
    ASSERT_EQ(provenance["sources"].size(), 1u);
    EXPECT_EQ(provenance["sources"][0]["licence"], "Licence Ouverte 2.0 (Etalab)");
}

TEST_F(ExportCommand, FamilyFilterByIdOrName) {
    const auto out = m_dir / "items.csv";
    ASSERT_EQ(run({"export", "--catalogue", m_catalogue, "--items", "--family", "heritage", "--family",
                   "Gastronomie et vin", "-o", out.string()}),
              0);
    EXPECT_EQ(count(out), 2);
}

TEST_F(ExportCommand, InsideATerritoryByCodeOrName) {
    for (const char* territory : {"commune:37261", "commune:Tours"}) {
        const auto out = m_dir / "tours.geojson";
        ASSERT_EQ(run({"export", "--catalogue", m_catalogue, "--items", "--territory", territory, "-o", out.string()}),
                  0)
            << territory;
        std::ifstream in(out);
        const auto doc = nlohmann::json::parse(in);
        ASSERT_EQ(doc["features"].size(), 1u) << territory;
        EXPECT_EQ(doc["features"][0]["properties"]["name"], "Musée des Beaux-Arts\nde Tours; « salle » 1");
    }
}

TEST_F(ExportCommand, BboxFilter) {
    const auto out = m_dir / "east.kml";
    ASSERT_EQ(run({"export", "--catalogue", m_catalogue, "--items", "--bbox", "0.9,47,1.2,47.5", "-o", out.string()}),
              0);
    EXPECT_EQ(count(out), 2);  // Chenonceau and Île d'Or
}

TEST_F(ExportCommand, CommunesToGeoPackage) {
    const auto out = m_dir / "communes.gpkg";
    ASSERT_EQ(run({"export", "--catalogue", m_catalogue, "--territories", "--level", "commune", "-o", out.string()}),
              0);
    EXPECT_EQ(count(out), 272);
    const auto tours = m_dir / "tours.geojson";
    ASSERT_EQ(run({"export", "--catalogue", m_catalogue, "--territories", "--territory", "commune:37261", "-o",
                   tours.string()}),
              0);
    EXPECT_EQ(count(tours), 1);
    EXPECT_TRUE(geo::check_rfc7946(tours.string(), {.require_bbox = true}).empty());
}

TEST_F(ExportCommand, BadArgumentsExitWithTwoAndWriteNothing) {
    const auto out = (m_dir / "out.geojson").string();
    const std::vector<std::vector<std::string>> bad = {
        {"--items", "--bbox", "1,2,3", "-o", out},
        {"--items", "--bbox", "1.2,47,0.9,47.5", "-o", out},
        {"--items", "--bbox", "0,95,1,96", "-o", out},
        {"--items", "--bbox", "a,b,c,d", "-o", out},
        {"--items", "--family", "castles", "-o", out},
        {"--items", "--label", "unseco", "-o", out},  // mistyped: would export nothing (issue 16)
        {"--territories", "--level", "county", "-o", out},
        {"--items", "--territory", "commune:99999", "-o", out},
        {"--items", "--territory", "37261", "-o", out},
        {"--territories", "--family", "heritage", "-o", out},
        {"-o", out},
        {"--items", "-o", (m_dir / "out.shp").string()},
        {"--items", "--territories", "-o", out},  // rejected by CLI11
        {"--items"},                              // no -o
    };
    for (auto args : bad) {
        args.insert(args.begin(), {"export", "--catalogue", m_catalogue});
        EXPECT_EQ(run(args), 2) << args[3] << " " << (args.size() > 4 ? args[4] : "");
    }
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(ExportCommand, MissingCatalogueExitsWithOne) {
    const auto out = m_dir / "out.geojson";
    EXPECT_EQ(run({"export", "--catalogue", (m_dir / "none.sqlite").string(), "--items", "-o", out.string()}), 1);
    EXPECT_FALSE(fs::exists(out));
    EXPECT_FALSE(fs::exists(m_dir / "none.sqlite"));
}

TEST(ValidateCommand, ExitCodes) {
    EXPECT_EQ(run({"validate", (test::test_data() / "rfc7946/good.geojson").string()}), 0);
    EXPECT_EQ(run({"validate", (test::test_data() / "rfc7946/bad_all.geojson").string()}), 1);
    EXPECT_EQ(run({"validate", (test::test_data() / "rfc7946/no_such.geojson").string()}), 2);
}

}  // namespace
