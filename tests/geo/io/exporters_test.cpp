// Exporters: items and the 272 communes of Indre-et-Loire written to GeoJSON,
// GeoPackage, CSV and KML, then re-read with GDAL: same counts, names
// (accents and punctuation included), positions within 1e-7 deg, RFC 7946
// conformance, and no partial file when an export fails.
#include "geo/io/exporters.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogrsf_frmts.h>

#include "geo/io/geojson_writer.hpp"
#include "geo/io/rfc7946_check.hpp"
#include "tests/support/test_support.hpp"

namespace {

namespace fs = std::filesystem;
constexpr double kTolerance_deg = 1e-7;

using test::communes37;
using test::communes37_path;
using test::sample_items;

GDALDatasetUniquePtr open_vector(const fs::path& path, const char* const* open_options = nullptr) {
    GDALAllRegister();
    return GDALDatasetUniquePtr(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, open_options, nullptr));
}

std::string joined(const std::vector<std::string>& messages) {
    std::string out;
    for (const auto& m : messages) out += m + "\n";
    return out;
}

// Checks count, names and positions of re-read items against the originals.
void expect_items_round_trip(const fs::path& path, const std::vector<geo::OfferItem>& items,
                             const char* const* open_options = nullptr) {
    auto ds = open_vector(path, open_options);
    ASSERT_TRUE(ds) << path;
    OGRLayer* layer = ds->GetLayer(0);
    ASSERT_EQ(layer->GetFeatureCount(), static_cast<GIntBig>(items.size())) << path;
    std::size_t i = 0;
    for (auto& feature : *layer) {
        ASSERT_LT(i, items.size());
        EXPECT_EQ(std::string(feature->GetFieldAsString("name")), items[i].name) << path;
        const auto* point = feature->GetGeometryRef() ? feature->GetGeometryRef()->toPoint() : nullptr;
        ASSERT_NE(point, nullptr) << path << " feature " << i;
        EXPECT_NEAR(point->getX(), items[i].position.lon_deg, kTolerance_deg) << path;
        EXPECT_NEAR(point->getY(), items[i].position.lat_deg, kTolerance_deg) << path;
        ++i;
    }
}

// Symmetric difference area between the re-read communes and the source, per code.
void expect_communes_round_trip(const fs::path& path, const char* const* open_options = nullptr) {
    auto source = open_vector(communes37_path());
    auto written = open_vector(path, open_options);
    ASSERT_TRUE(source && written) << path;
    std::map<std::string, std::unique_ptr<OGRGeometry>> by_code;
    for (auto& feature : *source->GetLayer(0))
        by_code[feature->GetFieldAsString("code")].reset(feature->GetGeometryRef()->clone());
    OGRLayer* layer = written->GetLayer(0);
    ASSERT_EQ(layer->GetFeatureCount(), 272) << path;
    int tours = 0;
    for (auto& feature : *layer) {
        const std::string code = feature->GetFieldAsString("code");
        ASSERT_TRUE(by_code.count(code)) << code;
        const OGRGeometry* g = feature->GetGeometryRef();
        ASSERT_NE(g, nullptr) << code;
        std::unique_ptr<OGRGeometry> diff(by_code[code]->SymDifference(g));
        ASSERT_NE(diff, nullptr) << code;
        EXPECT_LT(OGR_G_Area(OGRGeometry::ToHandle(diff.get())), 1e-12) << code;
        if (code == "37261") {
            EXPECT_STREQ(feature->GetFieldAsString("name"), "Tours");
            ++tours;
        }
    }
    EXPECT_EQ(tours, 1);
}

TEST(ExportFormat, FromExtension) {
    EXPECT_EQ(geo::export_format_for("a/b.GeoJSON").value(), geo::ExportFormat::geojson);
    EXPECT_EQ(geo::export_format_for("b.json").value(), geo::ExportFormat::geojson);
    EXPECT_EQ(geo::export_format_for("b.gpkg").value(), geo::ExportFormat::gpkg);
    EXPECT_EQ(geo::export_format_for("b.CSV").value(), geo::ExportFormat::csv);
    EXPECT_EQ(geo::export_format_for("b.kml").value(), geo::ExportFormat::kml);
    auto shp = geo::export_format_for("out/b.shp");
    ASSERT_FALSE(shp);
    EXPECT_EQ(shp.error().message,
              "out/b.shp: unknown export format \".shp\"; expected .geojson, .json, .gpkg, .csv or .kml");
    EXPECT_FALSE(geo::export_format_for("noext"));
}

TEST(ExportItems, GeoJsonRoundTripAndRfc7946) {
    const auto items = sample_items();
    const auto path = test::temp_dir() / "items.geojson";
    geo::ExportOptions options;
    options.metadata = {{"audience", "patrimoine"}, {"sources", {{{"key", "datatourisme"}}}}};
    auto written = geo::export_items(items, path.string(), options);
    ASSERT_TRUE(written) << written.error().message;
    EXPECT_EQ(*written, static_cast<std::int64_t>(items.size()));
    expect_items_round_trip(path, items);
    const auto violations = geo::check_rfc7946(path.string(), {.require_bbox = true});
    EXPECT_TRUE(violations.empty()) << joined(violations);

    std::ifstream in(path);
    const auto doc = nlohmann::json::parse(in);
    EXPECT_EQ(doc["name"], "items");
    EXPECT_FALSE(doc.contains("crs"));
    EXPECT_EQ(doc["territoire"]["audience"], "patrimoine");
    EXPECT_EQ(doc["bbox"], nlohmann::json({0.0, -1e-7, 1.0703295, 47.4153}));
    const auto& chenonceau = doc["features"][0]["properties"];
    EXPECT_EQ(chenonceau["subtypes"], nlohmann::json({"castle", "park_garden"}));
    EXPECT_EQ(chenonceau["opening_months"].size(), 12u);
    EXPECT_EQ(chenonceau["family"], "heritage");
    EXPECT_EQ(chenonceau["family_fr"], "Patrimoine");
    EXPECT_EQ(chenonceau["commune_insee"], "37070");
    EXPECT_EQ(doc["features"][1]["properties"]["opening_months"], nlohmann::json({5, 6, 7, 8, 9, 10, 11}));
    // 0.798123456 is rounded to 7 decimals.
    EXPECT_EQ(doc["features"][1]["geometry"]["coordinates"][0].get<double>(), 0.7981235);
}

TEST(ExportTerritories, Communes37GeoJsonRoundTripAndRfc7946) {
    REQUIRE_SHARED_DATA();
    const auto communes = communes37();
    ASSERT_EQ(communes.size(), 272u);
    const auto path = test::temp_dir() / "communes-37.geojson";
    auto written = geo::export_territories(communes, path.string());
    ASSERT_TRUE(written) << written.error().message;
    EXPECT_EQ(*written, 272);
    const auto violations = geo::check_rfc7946(path.string(), {.require_bbox = true});
    EXPECT_TRUE(violations.empty()) << joined(violations);
    expect_communes_round_trip(path);
    std::ifstream in(path);
    const auto doc = nlohmann::json::parse(in);
    EXPECT_EQ(doc["bbox"], nlohmann::json({0.05297, 46.73662, 1.36554, 47.70969}));
}

TEST(ExportItems, GeoPackage) {
    const auto items = sample_items();
    const auto path = test::temp_dir() / "items.gpkg";
    geo::ExportOptions options;
    options.metadata = {{"audience", "patrimoine"}};
    auto written = geo::export_items(items, path.string(), options);
    ASSERT_TRUE(written) << written.error().message;
    expect_items_round_trip(path, items);
    auto ds = open_vector(path);
    ASSERT_TRUE(ds);
    OGRLayer* layer = ds->GetLayerByName("items");
    ASSERT_NE(layer, nullptr);
    ASSERT_NE(layer->GetSpatialRef(), nullptr);
    EXPECT_STREQ(layer->GetSpatialRef()->GetAuthorityCode(nullptr), "4326");
    EXPECT_EQ(wkbFlatten(layer->GetGeomType()), wkbPoint);
    const char* provenance = layer->GetMetadataItem("TERRITOIRE_PROVENANCE");
    ASSERT_NE(provenance, nullptr);
    EXPECT_EQ(nlohmann::json::parse(provenance)["audience"], "patrimoine");
    OGRFeatureUniquePtr first(layer->GetFeature(1));
    ASSERT_TRUE(first);
    EXPECT_EQ(first->GetFieldAsInteger64("id"), 1);
    EXPECT_STREQ(first->GetFieldAsString("subtypes"), "castle;park_garden");
    EXPECT_STREQ(first->GetFieldAsString("opening_months"), "1;2;3;4;5;6;7;8;9;10;11;12");
    EXPECT_STREQ(first->GetFieldAsString("family_fr"), "Patrimoine");
}

TEST(ExportTerritories, Communes37GeoPackage) {
    REQUIRE_SHARED_DATA();
    const auto path = test::temp_dir() / "communes-37.gpkg";
    auto written = geo::export_territories(communes37(), path.string());
    ASSERT_TRUE(written) << written.error().message;
    EXPECT_EQ(*written, 272);
    expect_communes_round_trip(path);
    auto ds = open_vector(path);
    ASSERT_NE(ds->GetLayerByName("territories"), nullptr);
    EXPECT_EQ(wkbFlatten(ds->GetLayerByName("territories")->GetGeomType()), wkbMultiPolygon);
}

TEST(ExportItems, Csv) {
    const auto items = sample_items();
    const auto path = test::temp_dir() / "items.csv";
    auto written = geo::export_items(items, path.string());
    ASSERT_TRUE(written) << written.error().message;
    const char* const csv_options[] = {"X_POSSIBLE_NAMES=lon", "Y_POSSIBLE_NAMES=lat", nullptr};
    expect_items_round_trip(path, items, csv_options);
    std::ifstream in(path, std::ios::binary);
    std::string header;
    std::getline(in, header);
    EXPECT_EQ(header,
              "lon,lat,id,source,source_id,name,family,family_fr,subtypes,labels,themes,"
              "opening_months,producer,commune_insee\r");
    std::string second;
    std::getline(in, second);
    EXPECT_EQ(second,
              "1.0703295,47.3248943,1,datatourisme,PCU371,Château de Chenonceau,heritage,"
              "Patrimoine,castle;park_garden,monument_historique;jardin_remarquable,"
              "kb:Renaissance,1;2;3;4;5;6;7;8;9;10;11;12,Office de Tourisme Amboise Val de "
              "Loire,37070\r");
    std::string third;
    std::getline(in, third);
    EXPECT_NE(third.find(",\"Cave \"\"Les Perruches\"\", Vouvray – dégustation\","), std::string::npos) << third;
}

TEST(ExportTerritories, Communes37Csv) {
    REQUIRE_SHARED_DATA();
    const auto path = test::temp_dir() / "communes-37.csv";
    auto written = geo::export_territories(communes37(), path.string());
    ASSERT_TRUE(written) << written.error().message;
    const char* const csv_options[] = {"GEOM_POSSIBLE_NAMES=wkt", "KEEP_GEOM_COLUMNS=NO", nullptr};
    expect_communes_round_trip(path, csv_options);
}

TEST(ExportItems, Kml) {
    const auto items = sample_items();
    const auto path = test::temp_dir() / "items.kml";
    auto written = geo::export_items(items, path.string());
    ASSERT_TRUE(written) << written.error().message;
    expect_items_round_trip(path, items);
    auto ds = open_vector(path);
    ASSERT_TRUE(ds);
    OGRFeatureUniquePtr first(ds->GetLayer(0)->GetNextFeature());
    ASSERT_TRUE(first);
    EXPECT_NE(std::string(first->GetFieldAsString("description")).find("Patrimoine (castle, park_garden)"),
              std::string::npos)
        << first->GetFieldAsString("description");
}

TEST(ExportTerritories, Communes37Kml) {
    REQUIRE_SHARED_DATA();
    const auto path = test::temp_dir() / "communes-37.kml";
    auto written = geo::export_territories(communes37(), path.string());
    ASSERT_TRUE(written) << written.error().message;
    expect_communes_round_trip(path);
}

TEST(ExportItems, EmptyListGivesAnEmptyValidCollection) {
    const auto path = test::temp_dir() / "none.geojson";
    auto written = geo::export_items({}, path.string());
    ASSERT_TRUE(written) << written.error().message;
    EXPECT_EQ(*written, 0);
    EXPECT_TRUE(geo::check_rfc7946(path.string()).empty());
    auto ds = open_vector(path);
    ASSERT_TRUE(ds);
    EXPECT_EQ(ds->GetLayer(0)->GetFeatureCount(), 0);
}

TEST(ExportItems, UnknownExtensionAndMissingFolderAreClearErrors) {
    const auto dir = test::temp_dir();
    auto shp = geo::export_items(sample_items(), (dir / "items.shp").string());
    ASSERT_FALSE(shp);
    EXPECT_NE(shp.error().message.find("unknown export format \".shp\""), std::string::npos);
    const auto missing = dir / "no-such-folder" / "items.geojson";
    for (const char* ext : {".geojson", ".gpkg", ".csv", ".kml"}) {
        auto out = missing;
        out.replace_extension(ext);
        auto result = geo::export_items(sample_items(), out.string());
        ASSERT_FALSE(result) << ext;
        EXPECT_NE(result.error().message.find("no-such-folder does not exist"), std::string::npos)
            << result.error().message;
    }
    EXPECT_TRUE(fs::is_empty(dir));
}

TEST(ExportItems, BadPositionLeavesTheDestinationUntouched) {
    auto items = sample_items();
    items[2].position.lat_deg = 147.61;
    const auto dir = test::temp_dir();
    for (const char* name : {"out.geojson", "out.gpkg", "out.csv", "out.kml"}) {
        const auto path = dir / name;
        std::ofstream(path) << "previous export";
        const auto before = test::file_checksum(path);
        auto result = geo::export_items(items, path.string());
        ASSERT_FALSE(result) << name;
        EXPECT_NE(result.error().message.find("item 3 \"Musée des Beaux-Arts"), std::string::npos)
            << result.error().message;
        EXPECT_NE(result.error().message.find("(0.6940321, 147.61) outside WGS 84"), std::string::npos)
            << result.error().message;
        EXPECT_EQ(test::file_checksum(path), before) << name;
    }
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++files;
    EXPECT_EQ(files, 4u) << "no temporary file left behind";
}

TEST(ExportTerritories, OrientationIsFixedAndDegenerateRingsDropped) {
    geo::Territory t;
    t.name = "Carré à l'envers";
    t.level = geo::TerritoryLevel::destination;
    geo::Polygon clockwise_with_ccw_hole;
    clockwise_with_ccw_hole.rings = {{{0.68, 47.38}, {0.68, 47.40}, {0.70, 47.40}, {0.70, 47.38}},          // open, CW
                                     {{0.685, 47.385}, {0.695, 47.385}, {0.695, 47.395}, {0.685, 47.395}},  // CCW hole
                                     {{0.69, 47.39}, {0.69000001, 47.39}, {0.69, 47.39}, {0.69, 47.39}}};   // collapses
    t.geometry.polygons.push_back(clockwise_with_ccw_hole);
    geo::Territory empty;
    empty.name = "Sans géométrie";
    const auto path = test::temp_dir() / "oriented.geojson";
    auto written = geo::export_territories({t, empty}, path.string());
    ASSERT_TRUE(written) << written.error().message;
    EXPECT_EQ(*written, 2);
    const auto violations = geo::check_rfc7946(path.string(), {.require_bbox = true});
    EXPECT_TRUE(violations.empty()) << joined(violations);
    std::ifstream in(path);
    const auto doc = nlohmann::json::parse(in);
    const auto& rings = doc["features"][0]["geometry"]["coordinates"];
    ASSERT_EQ(rings.size(), 2u);
    EXPECT_EQ(rings[0].size(), 5u);
    EXPECT_EQ(rings[0].front(), rings[0].back());
    EXPECT_TRUE(doc["features"][1]["geometry"].is_null());
    EXPECT_EQ(doc["features"][1]["properties"]["name"], "Sans géométrie");
}

}  // namespace
