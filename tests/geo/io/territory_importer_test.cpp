#include "geo/io/territory_importer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "tests/support/test_support.hpp"

namespace {

const geo::Territory* find_code(const geo::ParsedTerritories& parsed, const std::string& code) {
    const auto it = std::find_if(parsed.territories.begin(), parsed.territories.end(),
                                 [&](const geo::Territory& t) { return t.code == code; });
    return it == parsed.territories.end() ? nullptr : &*it;
}

std::string data(const std::string& relative) {
    return (test::shared_data() / relative).string();
}

}  // namespace

TEST(TerritoryImporter, CommunesOfIndreEtLoire) {
    REQUIRE_SHARED_DATA();
    auto parsed =
        geo::parse_territories(data("admin/departements/37-indre-et-loire/communes-37-indre-et-loire.geojson"),
                               geo::TerritoryLevel::commune, {});
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->territories.size(), 272u);
    EXPECT_EQ(parsed->report.read, 272);
    EXPECT_TRUE(parsed->report.skipped.empty());
    EXPECT_EQ(parsed->source.key, "territories:communes-37-indre-et-loire.geojson");
    EXPECT_EQ(parsed->source.kind, "territories");
    const geo::Territory* tours = find_code(*parsed, "37261");
    ASSERT_NE(tours, nullptr);
    EXPECT_EQ(tours->name, "Tours");
    EXPECT_EQ(tours->level, geo::TerritoryLevel::commune);
    const geo::LonLatBox box = tours->geometry.bounds();
    EXPECT_TRUE(box.contains({0.6889, 47.3941}));       // Tours cathedral
    EXPECT_FALSE(box.contains({1.517218, 47.616126}));  // Chambord
}

TEST(TerritoryImporter, CommunesOfLoirEtCher) {
    REQUIRE_SHARED_DATA();
    auto parsed = geo::parse_territories(data("admin/departements/41-loir-et-cher/communes-41-loir-et-cher.geojson"),
                                         geo::TerritoryLevel::commune, {});
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->territories.size(), 272u);
    const geo::Territory* chambord = find_code(*parsed, "41034");
    ASSERT_NE(chambord, nullptr);
    EXPECT_EQ(chambord->name, "Chambord");
}

TEST(TerritoryImporter, Departements) {
    REQUIRE_SHARED_DATA();
    auto parsed = geo::parse_territories(data("admin/france/departements-version-simplifiee.geojson"),
                                         geo::TerritoryLevel::departement, {});
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->territories.size(), 96u);
    const geo::Territory* indre_et_loire = find_code(*parsed, "37");
    ASSERT_NE(indre_et_loire, nullptr);
    EXPECT_EQ(indre_et_loire->name, "Indre-et-Loire");
    // MultiPolygons keep all their parts (Corse-du-Sud has islands).
    const auto multi = std::count_if(parsed->territories.begin(), parsed->territories.end(),
                                     [](const geo::Territory& t) { return t.geometry.polygons.size() > 1; });
    EXPECT_GE(multi, 10);
}

TEST(TerritoryImporter, RegionalNaturalParks) {
    REQUIRE_SHARED_DATA();
    auto parsed = geo::parse_territories(data("perimeters/PNR.geojson"), geo::TerritoryLevel::reference, {});
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->territories.size(), 56u);
    const geo::Territory* lat = find_code(*parsed, "FR8000032");
    ASSERT_NE(lat, nullptr);
    EXPECT_EQ(lat->name, "Loire-Anjou-Touraine");
    const geo::LonLatBox box = lat->geometry.bounds();
    EXPECT_TRUE(box.contains({0.2424, 47.1667}));  // Chinon
}

TEST(TerritoryImporter, ExplicitFieldsMustExist) {
    REQUIRE_SHARED_DATA();
    geo::TerritoryImportOptions options;
    options.name_field = "NOM_COMMUNE";
    auto parsed = geo::parse_territories(data("perimeters/PNR.geojson"), geo::TerritoryLevel::reference, options);
    ASSERT_FALSE(parsed);
    EXPECT_NE(parsed.error().message.find("PNR.geojson"), std::string::npos);
    EXPECT_NE(parsed.error().message.find("NOM_COMMUNE"), std::string::npos);
    EXPECT_NE(parsed.error().message.find("DRGP_L_LIB"), std::string::npos);  // lists the fields
}

TEST(TerritoryImporter, ReprojectsLambert93) {
    REQUIRE_SHARED_DATA();
    // Write the département of Indre-et-Loire in Lambert-93 with GDAL, read it back.
    const auto dir = test::temp_dir();
    const std::string l93 = (dir / "dep37-l93.gpkg").string();
    const std::string src = data("admin/departements/37-indre-et-loire/departement-37-indre-et-loire.geojson");
    const std::string cmd = "ogr2ogr -f GPKG -t_srs EPSG:2154 '" + l93 + "' '" + src + "' 2>/dev/null";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    auto original = geo::parse_territories(src, geo::TerritoryLevel::departement, {});
    auto reprojected = geo::parse_territories(l93, geo::TerritoryLevel::departement, {});
    ASSERT_TRUE(original) << original.error().message;
    ASSERT_TRUE(reprojected) << reprojected.error().message;
    ASSERT_EQ(reprojected->territories.size(), 1u);
    const auto& a = original->territories[0].geometry.polygons[0].rings[0];
    const auto& b = reprojected->territories[0].geometry.polygons[0].rings[0];
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); i += 25) {
        EXPECT_NEAR(a[i].lon_deg, b[i].lon_deg, 1e-6);
        EXPECT_NEAR(a[i].lat_deg, b[i].lat_deg, 1e-6);
    }
}

TEST(TerritoryImporter, SelfIntersectingPolygonIsRepairedOthersSkipped) {
    const auto path = (test::test_data() / "bad" / "self_intersecting.geojson").string();
    auto parsed = geo::parse_territories(path, geo::TerritoryLevel::reference, {});
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->report.read, 3);
    ASSERT_EQ(parsed->territories.size(), 1u);
    EXPECT_EQ(parsed->territories[0].name, "Bowtie");
    EXPECT_EQ(parsed->territories[0].geometry.polygons.size(), 2u);  // the two lobes
    ASSERT_EQ(parsed->report.warnings.size(), 1u);
    EXPECT_NE(parsed->report.warnings[0].message.find("self_intersecting.geojson:self_intersecting:FID 0"),
              std::string::npos);
    EXPECT_NE(parsed->report.warnings[0].message.find("made valid"), std::string::npos);
    ASSERT_EQ(parsed->report.skipped.size(), 2u);
    EXPECT_EQ(parsed->report.skipped[0].record, "self_intersecting.geojson:self_intersecting:FID 1");
    EXPECT_NE(parsed->report.skipped[0].reason.message.find("Line String"), std::string::npos);
    EXPECT_NE(parsed->report.skipped[1].reason.message.find("no geometry"), std::string::npos);
}

TEST(TerritoryImporter, UnusableInputsNameTheFile) {
    for (const char* name : {"empty.geojson", "empty_collection.geojson", "truncated.geojson", "unknown_crs.geojson",
                             "does_not_exist.geojson"}) {
        const auto path = (test::test_data() / "bad" / name).string();
        auto parsed = geo::parse_territories(path, geo::TerritoryLevel::commune, {});
        ASSERT_FALSE(parsed) << name;
        EXPECT_NE(parsed.error().message.find(name), std::string::npos) << parsed.error().message;
        if (std::string(name) == "empty_collection.geojson") {
            EXPECT_NE(parsed.error().message.find("no features"), std::string::npos);
        }
    }
}

namespace {

// Issue 16: a self-crossing star of 1,001 vertices (249,249 crossings) took
// over 120 s and 1.8 GB to repair; it is now skipped at once, naming the
// record, while a bow tie is still repaired.
TEST(TerritoryImporter, RepairHasABudget) {
    const auto path = test::temp_dir() / "stars.geojson";
    std::ofstream out(path);
    out << R"({"type":"FeatureCollection","features":[)";
    auto feature = [&](const char* code, int n, int k, double lon) {
        out << R"({"type":"Feature","properties":{"code":")" << code << R"(","nom":")" << code
            << R"("},"geometry":{"type":"Polygon","coordinates":[[)";
        for (int i = 0; i <= n; ++i) {
            const double a = 2 * 3.141592653589793 * (i % n) * k / n;
            out << (i ? "," : "") << "[" << lon + 0.1 * std::cos(a) << "," << 47.3 + 0.1 * std::sin(a) << "]";
        }
        out << "]]}}";
    };
    feature("STAR", 1001, 500, 0.7);
    out << ",";
    feature("TIE", 5, 2, 1.2);  // a pentagram: 5 crossings, repaired
    out << "]}";
    out.close();
    auto parsed = geo::parse_territories(path.string(), geo::TerritoryLevel::commune, {});
    ASSERT_TRUE(parsed) << parsed.error().message;
    ASSERT_EQ(parsed->report.skipped.size(), 1u);
    EXPECT_NE(parsed->report.skipped[0].reason.message.find("more than 2000 self-crossings"), std::string::npos)
        << parsed->report.skipped[0].reason.message;
    ASSERT_EQ(parsed->territories.size(), 1u);
    EXPECT_EQ(parsed->territories[0].code, "TIE");
}

}  // namespace
