// territoire segments and territoire actors through app::cli::run on the real
// sample (issue 14, acceptance 1): a catalogue with the DATAtourisme feed, the
// communes of 37 and 41, the départements 37, 41, 72 and 36 and one audience
// saved in the catalogue. The actors' producer counts are checked against a
// count made here directly from the feed's JSON files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <nlohmann/json.hpp>

#include "geo/io/audience_presets.hpp"
#include "geo/io/import.hpp"
#include "geo/store/catalogue.hpp"
#include "tests/support/cli_run.hpp"
#include "tests/support/loire_fixture.hpp"
#include "tests/support/marketing_fixture.hpp"
#include "tests/support/sample_catalogue.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class MarketingCommands : public test::LoireCatalogueTest {
protected:
    void SetUp() override {
        test::LoireCatalogueTest::SetUp();
        if (IsSkipped()) return;
        test::import_competitor_departements(catalogue);
        auto cat = geo::Catalogue::open(catalogue.string());
        ASSERT_TRUE(cat) << cat.error().message;
        auto wine = geo::resolve_audience("oenotourisme", nullptr);
        ASSERT_TRUE(wine);
        wine->id = "caves-touraine";
        wine->name_fr = "Caves de Touraine";
        wine->name_en = "Touraine cellars";
        wine->family_weights = {};
        wine->family_weights[static_cast<std::size_t>(geo::Family::gastronomy)] = 1.0;
        ASSERT_TRUE(cat->save_audience(wine->id, geo::audience_to_json(*wine)));
    }
    static json read_json(const fs::path& path) {
        std::ifstream in(path);
        return json::parse(in);
    }
    int run(std::vector<std::string> args, std::string* out = nullptr) {
        args.insert(args.begin() + 1, {"--catalogue", catalogue.string()});
        ::testing::internal::CaptureStdout();
        const int code = test::run_cli(args);
        const std::string printed = ::testing::internal::GetCapturedStdout();
        if (out != nullptr) *out = printed;
        return code;
    }
};

// CSV rows as maps, read with GDAL's CSV driver (quoted cells with commas).
std::vector<std::map<std::string, std::string>> read_csv(const fs::path& path) {
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    EXPECT_TRUE(ds) << path;
    std::vector<std::map<std::string, std::string>> rows;
    if (!ds) return rows;
    OGRLayer* layer = ds->GetLayer(0);
    for (auto& feature : *layer) {
        std::map<std::string, std::string> row;
        for (int i = 0; i < feature->GetFieldCount(); ++i)
            row[feature->GetFieldDefnRef(i)->GetNameRef()] = feature->GetFieldAsString(i);
        rows.push_back(std::move(row));
    }
    return rows;
}

TEST_F(MarketingCommands, SegmentsRankPresetsAndSavedAudiencesAsCsvAndJson) {
    const std::vector<std::string> base = {"segments", "--territory", "departement:37", "--against",
                                           "departement:41,departement:72,departement:36"};
    std::string out;
    ASSERT_EQ(run(base, &out), 0) << out;
    EXPECT_NE(out.find("Indre-et-Loire (departement:37) — 7 segments"), std::string::npos) << out;
    EXPECT_NE(out.find(" × l'adéquation des concurrents, "), std::string::npos) << out;
    EXPECT_NE(out.find(" × the competitors' fit, "), std::string::npos) << out;

    const fs::path csv = dir / "s.csv", doc = dir / "s.json";
    auto with_output = [&](const fs::path& p) {
        auto a = base;
        a.insert(a.end(), {"-o", p.string()});
        return a;
    };
    ASSERT_EQ(run(with_output(csv)), 0);
    ASSERT_EQ(run(with_output(doc), &out), 0);
    const auto rows = read_csv(csv);
    const json all = read_json(doc);
    ASSERT_EQ(rows.size(), 7U);
    ASSERT_EQ(all["segments"].size(), 7U);
    EXPECT_EQ(all["provenance"]["audiences"].size(), 7U);
    EXPECT_EQ(all["competitors"], json({"Loir-et-Cher", "Sarthe", "Indre"}));
    int saved = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const json& s = all["segments"][i];
        EXPECT_EQ(rows[i].at("rank"), std::to_string(i + 1));
        EXPECT_EQ(rows[i].at("audience"), s["audience"].get<std::string>());
        EXPECT_NEAR(std::stod(rows[i].at("score")), s["score"].get<double>(), 1e-4);
        EXPECT_NEAR(std::stod(rows[i].at("fit_ratio")), s["fit_ratio"].get<double>(), 1e-4);
        EXPECT_EQ(rows[i].at("text_fr"), s["text_fr"].get<std::string>());
        EXPECT_NE(out.find(s["text_fr"].get<std::string>()), std::string::npos);  // printed as written
        if (i > 0) {
            EXPECT_GE(all["segments"][i - 1]["score"].get<double>(), s["score"].get<double>());
        }
        if (s["origin"] == "catalogue") {
            ++saved;
            EXPECT_EQ(s["audience"], "caves-touraine");
        }
    }
    EXPECT_EQ(saved, 1);

    EXPECT_EQ(run({"segments", "--territory", "departement:99", "--against", "departement:41"}), 2);
    EXPECT_EQ(run({"segments", "--territory", "departement:37", "--against", "departement:41", "-o",
                   (dir / "s.geojson").string()}),
              2);
}

// Producer → items inside `perimeter`, straight from the feed's JSON files:
// the first isLocatedAt with schema:geo, latitude and longitude as strings,
// hasBeenCreatedBy.schema:legalName.
std::map<std::string, std::int64_t> producers_from_feed(const geo::MultiPolygon& perimeter) {
    std::map<std::string, std::int64_t> out;
    auto first = [](const json& v) -> const json& { return v.is_array() ? v.at(0) : v; };
    for (const fs::path& file : test::datatourisme_object_files()) {
        std::ifstream in(file);
        const json o = json::parse(in);
        const json* geo = nullptr;
        for (const json& place : o.at("isLocatedAt"))
            if (geo == nullptr && place.contains("schema:geo")) geo = &first(place["schema:geo"]);
        EXPECT_NE(geo, nullptr) << file;
        if (geo == nullptr) continue;
        const geo::LonLat p{std::stod(geo->at("schema:longitude").get<std::string>()),
                            std::stod(geo->at("schema:latitude").get<std::string>())};
        if (!test::inside_even_odd(perimeter, p)) continue;
        std::string producer;
        if (o.contains("hasBeenCreatedBy")) producer = first(o["hasBeenCreatedBy"]).value("schema:legalName", "");
        ++out[producer];
    }
    return out;
}

geo::MultiPolygon perimeter_from_geojson(const json& doc) {
    geo::MultiPolygon out;
    const json& g = doc.at("features").at(0).at("geometry");
    const json polygons = g.at("type") == "Polygon" ? json::array({g.at("coordinates")}) : g.at("coordinates");
    for (const json& polygon : polygons) {
        geo::Polygon poly;
        for (const json& ring : polygon) {
            geo::Ring r;
            for (const json& xy : ring) r.push_back({xy.at(0).get<double>(), xy.at(1).get<double>()});
            poly.rings.push_back(std::move(r));
        }
        out.polygons.push_back(std::move(poly));
    }
    return out;
}

TEST_F(MarketingCommands, ActorsCsvListsTheFeedsProducersWithTheirCounts) {
    const fs::path perimeter = dir / "p.geojson", csv = dir / "actors.csv";
    ASSERT_EQ(run({"perimeter", "--audience", "oenotourisme", "-o", perimeter.string()}), 0);
    std::string out;
    ASSERT_EQ(run({"actors", "--audience", "oenotourisme", "-o", csv.string()}, &out), 0);
    EXPECT_NE(out.find("Producteurs / Producers"), std::string::npos) << out;

    const auto expected = producers_from_feed(perimeter_from_geojson(read_json(perimeter)));
    ASSERT_GE(expected.size(), 5U);
    std::map<std::string, std::int64_t> listed;
    std::map<std::string, int> kinds;
    std::set<std::string> departements;
    for (const auto& row : read_csv(csv)) {
        ++kinds[row.at("kind")];
        if (row.at("kind") == "producer") listed[row.at("name")] = std::stoll(row.at("item_count"));
        if (row.at("kind") == "territory" && row.at("level") == "departement") departements.insert(row.at("code"));
        if (row.at("kind") == "labelled_operators") {
            EXPECT_FALSE(row.at("label").empty());
            EXPECT_FALSE(row.at("items").empty());
        }
    }
    EXPECT_EQ(listed, expected);
    EXPECT_EQ(listed.count("ADT41"), 1U);
    EXPECT_GT(kinds["labelled_operators"], 0);
    EXPECT_GT(kinds["territory"], 10);                                   // communes crossed, départements, the PNR
    EXPECT_EQ(departements.count("37") + departements.count("41"), 2U);  // the wine perimeter spans both

    EXPECT_EQ(run({"actors", "--audience", "nobody"}), 1);
    EXPECT_EQ(run({"actors", "--audience", "oenotourisme", "-o", (dir / "a.json").string()}), 2);
}

}  // namespace
