// territoire search on a catalogue of the real sample (DATAtourisme items,
// communes of 37 and 41, départements, PNR) with the demo's places.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <tuple>

#include <nlohmann/json.hpp>

#include "geo/core/data_dir.hpp"
#include "tests/support/cli_run.hpp"
#include "tests/support/loire_fixture.hpp"
#include "tests/support/test_support.hpp"

namespace {

class SearchCommand : public ::testing::Test {
protected:
    void SetUp() override {
        REQUIRE_SHARED_DATA();
        m_catalogue = (test::temp_dir() / "sample.sqlite").string();
        test::make_loire_catalogue(m_catalogue);
    }
    // The JSON hits of `territoire search QUERY`, and its exit code.
    nlohmann::json search(const std::string& query, int& code, bool places = true) {
        std::vector<std::string> args = {"search", "--catalogue", m_catalogue, "--json", query};
        if (places) args.insert(args.begin() + 1, {"--places", geo::data_dir() + "/demo/places.geojson"});
        ::testing::internal::CaptureStdout();
        code = test::run_cli(args);
        const std::string out = ::testing::internal::GetCapturedStdout();
        return nlohmann::json::parse(out, nullptr, false);
    }
    std::string m_catalogue;
};

TEST_F(SearchCommand, TownNamesAndInseeCodesBringTheCommuneFirst) {
    for (const auto& [query, code, name] :
         std::vector<std::tuple<std::string, std::string, std::string>>{{"Chinon", "37072", "Chinon"},
                                                                        {"chinon", "37072", "Chinon"},
                                                                        {"Amboise", "37003", "Amboise"},
                                                                        {"37261", "37261", "Tours"},
                                                                        {"VENDOME", "41269", "Vendôme"}}) {
        int exit_code = -1;
        const auto hits = search(query, exit_code);
        EXPECT_EQ(exit_code, 0) << query;
        ASSERT_TRUE(hits.is_array() && !hits.empty()) << query << ": " << hits.dump();
        EXPECT_EQ(hits[0]["kind"], "commune") << query;
        EXPECT_EQ(hits[0]["code"], code) << query;
        EXPECT_EQ(hits[0]["name"], name) << query;
        EXPECT_EQ(hits[0]["match"], "exact") << query;
        EXPECT_EQ(hits[0]["bbox"].size(), 4u) << query;
    }
}

TEST_F(SearchCommand, WithoutPlacesTheCommuneStandsInItsBoxAndPlacesAreMissing) {
    int exit_code = -1;
    const auto chinon = search("Chinon", exit_code, false);
    ASSERT_EQ(exit_code, 0);
    ASSERT_FALSE(chinon.empty());
    const auto& box = chinon[0]["bbox"];
    EXPECT_DOUBLE_EQ(chinon[0]["lon"].get<double>(), (box[0].get<double>() + box[2].get<double>()) / 2);
    const auto saumur = search("Saumur", exit_code, false);  // 49: neither loaded nor a place
    for (const auto& h : saumur) EXPECT_NE(h["kind"], "place");
    const auto with_places = search("Saumur", exit_code);
    ASSERT_FALSE(with_places.empty());
    EXPECT_EQ(with_places[0]["kind"], "place");
    EXPECT_EQ(with_places[0]["code"], "49328");
}

TEST_F(SearchCommand, TextOutputAndErrors) {
    ::testing::internal::CaptureStdout();
    EXPECT_EQ(test::run_cli({"search", "--catalogue", m_catalogue, "zzzz-nowhere"}), 0);
    EXPECT_NE(::testing::internal::GetCapturedStdout().find("No match for \"zzzz-nowhere\""), std::string::npos);
    ::testing::internal::CaptureStdout();
    EXPECT_EQ(test::run_cli({"search", "--catalogue", m_catalogue, "--limit", "2", "tours"}), 0);
    const std::string out = ::testing::internal::GetCapturedStdout();
    EXPECT_EQ(out.rfind("commune", 0), 0u) << out;
    EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 2) << out;
    // A bad place file is named; no query is bad usage.
    const auto bad = std::filesystem::path(m_catalogue).parent_path() / "bad.geojson";
    std::ofstream(bad)
        << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"X","rank":"high"},"geometry":{"type":"Point","coordinates":[0.7,47.4]}}]})";
    ::testing::internal::CaptureStderr();
    EXPECT_EQ(test::run_cli({"search", "--catalogue", m_catalogue, "--places", bad.string(), "x"}), 1);
    const std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_NE(err.find("territoire search: bad.geojson:bad:FID 0: rank \"high\""), std::string::npos) << err;
    ::testing::internal::CaptureStderr();
    EXPECT_EQ(test::run_cli({"search", "--catalogue", m_catalogue}), 2);
    ::testing::internal::GetCapturedStderr();
}

}  // namespace
