#include "geo/io/gdal_importer.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <nlohmann/json.hpp>

#include "geo/core/data_dir.hpp"
#include "tests/geo/io/import_fixtures.hpp"
#include "tests/support/test_support.hpp"

namespace {

using test::taxonomy;

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

std::string bad(const std::string& name) {
    return (test::test_data() / "bad" / name).string();
}
std::string fixture(const std::string& name) {
    return (test::test_data() / "import" / name).string();
}

struct Place {
    const char* name;
    const char* family;
    geo::LonLat position;
};
// Chambord, Chenonceau, Villandry (WGS 84).
const Place kPlaces[] = {{"Château de Chambord", "heritage", {1.517218, 47.616126}},
                         {"Château de Chenonceau", "heritage", {1.070300, 47.324900}},
                         {"Jardins de Villandry", "heritage", {0.514600, 47.340300}}};

// Writes kPlaces with GDAL as points (and Villandry also as a small square
// polygon) in the CRS `epsg` (0: no CRS, coordinates in Lambert-93).
void write_places(const std::string& path, const char* driver_name, int epsg) {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
    ASSERT_NE(driver, nullptr);
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_TRUE(ds);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference l93;
    l93.importFromEPSG(2154);
    l93.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference target;
    if (epsg != 0) {
        target.importFromEPSG(epsg);
        target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    }
    std::unique_ptr<OGRCoordinateTransformation> ct(
        OGRCreateCoordinateTransformation(&wgs84, epsg != 0 ? &target : &l93));
    ASSERT_TRUE(ct);
    OGRLayer* layer = ds->CreateLayer("places", epsg != 0 ? &target : nullptr, wkbUnknown, nullptr);
    ASSERT_NE(layer, nullptr);
    OGRFieldDefn name("name", OFTString);
    OGRFieldDefn family("family", OFTString);
    ASSERT_EQ(layer->CreateField(&name), OGRERR_NONE);
    ASSERT_EQ(layer->CreateField(&family), OGRERR_NONE);
    for (const Place& place : kPlaces) {
        OGRFeature feature(layer->GetLayerDefn());
        feature.SetField("name", place.name);
        feature.SetField("family", place.family);
        double x = place.position.lon_deg;
        double y = place.position.lat_deg;
        ASSERT_TRUE(ct->Transform(1, &x, &y));
        OGRPoint point(x, y);
        feature.SetGeometry(&point);
        ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
    }
}

}  // namespace

TEST(GdalImporter, DemoItemsImportCompletely) {
    const std::string path = geo::data_dir() + "/demo/items.geojson";
    auto parsed = geo::parse_gdal_items(path, {}, taxonomy());
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->source.key, "file:items.geojson");
    EXPECT_EQ(parsed->source.kind, "gdal");
    EXPECT_EQ(parsed->report.read, 179);
    EXPECT_EQ(parsed->items.size(), 179u);
    EXPECT_TRUE(parsed->report.skipped.empty());
    // Families and labels of the demo are all in the taxonomy. (Some demo
    // subtypes, e.g. "troglodyte", are not taxonomy subtypes yet: they are
    // reported as unknown types and dropped, the item keeps its family.)
    for (const auto& unknown : parsed->report.unknown_types) EXPECT_TRUE(unknown.starts_with("subtype ")) << unknown;
    const geo::OfferItem* chambord = test::item_named(*parsed, "Château de Chambord");
    ASSERT_NE(chambord, nullptr);
    EXPECT_EQ(chambord->source_id, "demo-chambord");
    EXPECT_EQ(chambord->family, geo::Family::heritage);
    EXPECT_TRUE(contains(chambord->subtypes, "castle"));
    EXPECT_TRUE(contains(chambord->labels, "unesco"));
    EXPECT_TRUE(contains(chambord->labels, "monument_historique"));
    EXPECT_TRUE(contains(chambord->themes, "Renaissance"));
    EXPECT_EQ(chambord->opening_months, geo::kAllMonths);
    EXPECT_EQ(chambord->commune_insee, "41034");
    EXPECT_EQ(chambord->producer, "Office de tourisme Blois Chambord");
    EXPECT_NEAR(chambord->position.lon_deg, 1.5172, 1e-9);
    EXPECT_NEAR(chambord->position.lat_deg, 47.6161, 1e-9);
    EXPECT_EQ(chambord->extra_json, "{}");
    // Every family of the demo is present.
    for (geo::Family f : geo::kAllFamilies)
        EXPECT_TRUE(std::any_of(parsed->items.begin(), parsed->items.end(), [f](const geo::OfferItem& i) {
            return i.family == f;
        })) << geo::family_id(f);
}

TEST(GdalImporter, CsvWithLonLatColumnsAndFrenchHeaders) {
    auto parsed = geo::parse_gdal_items(fixture("items.csv"), {}, taxonomy());
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->report.read, 4);
    ASSERT_EQ(parsed->items.size(), 3u);
    const auto* chambord = test::item_named(*parsed, "Château de Chambord");
    ASSERT_NE(chambord, nullptr);
    EXPECT_EQ(chambord->family, geo::Family::heritage);      // "Patrimoine"
    EXPECT_DOUBLE_EQ(chambord->position.lon_deg, 1.517218);  // decimal comma
    EXPECT_DOUBLE_EQ(chambord->position.lat_deg, 47.616126);
    EXPECT_TRUE(contains(chambord->labels, "monument_historique"));
    EXPECT_TRUE(contains(chambord->labels, "unesco"));
    EXPECT_EQ(chambord->opening_months, geo::kAllMonths);
    EXPECT_EQ(chambord->source_id, "fid:1");
    EXPECT_EQ(nlohmann::json::parse(chambord->extra_json).value("Téléphone", ""), "02 54 50 40 00");

    const auto* vouvray = test::item_named(*parsed, "Cave des Producteurs de Vouvray");
    ASSERT_NE(vouvray, nullptr);
    EXPECT_EQ(vouvray->family, geo::Family::gastronomy);  // subtype wine_cellar
    EXPECT_EQ(vouvray->subtypes, std::vector<std::string>{"wine_cellar"});
    EXPECT_TRUE(contains(vouvray->labels, "vignobles_decouvertes"));
    EXPECT_EQ(vouvray->opening_months, 0b0000'0011'1111'1000);  // April..October

    const auto* camping = test::item_named(*parsed, "Camping de l'Île d'Or");
    ASSERT_NE(camping, nullptr);
    EXPECT_EQ(camping->family, geo::Family::accommodation);
    EXPECT_EQ(camping->opening_months, 0b0000'0001'1111'1000);  // April..September

    ASSERT_EQ(parsed->report.skipped.size(), 1u);
    EXPECT_EQ(parsed->report.skipped[0].record, "items.csv:items:FID 4");
    EXPECT_EQ(parsed->report.skipped[0].reason.message, "unknown family \"spaceport\"");
    EXPECT_TRUE(contains(parsed->report.unknown_types, "spaceport"));
    // Decimal commas are read as decimals, and the report says so (issue 16).
    ASSERT_EQ(parsed->report.warnings.size(), 1u);
    EXPECT_EQ(parsed->report.warnings[0].message,
              "items.csv:items: 4 positions have a decimal comma and were read as decimals, first "
              "items.csv:items:FID 1 (\"1,517218\", \"47,616126\" read as 1.517218, 47.616126)");
}

TEST(GdalImporter, Lambert93GeoPackageIsReprojectedToWgs84) {
    const auto path = (test::temp_dir() / "places-l93.gpkg").string();
    write_places(path, "GPKG", 2154);
    auto parsed = geo::parse_gdal_items(path, {}, taxonomy());
    ASSERT_TRUE(parsed) << parsed.error().message;
    ASSERT_EQ(parsed->items.size(), 3u);
    for (const Place& place : kPlaces) {
        const auto* item = test::item_named(*parsed, place.name);
        ASSERT_NE(item, nullptr) << place.name;
        EXPECT_NEAR(item->position.lon_deg, place.position.lon_deg, 1e-6) << place.name;
        EXPECT_NEAR(item->position.lat_deg, place.position.lat_deg, 1e-6) << place.name;
    }
    EXPECT_TRUE(parsed->report.warnings.empty());
}

TEST(GdalImporter, ShapefileInWebMercatorIsReprojected) {
    const auto path = (test::temp_dir() / "places.shp").string();
    write_places(path, "ESRI Shapefile", 3857);
    auto parsed = geo::parse_gdal_items(path, {}, taxonomy());
    ASSERT_TRUE(parsed) << parsed.error().message;
    ASSERT_EQ(parsed->items.size(), 3u);
    for (const Place& place : kPlaces) {
        const auto* item = test::item_named(*parsed, place.name);
        ASSERT_NE(item, nullptr);
        EXPECT_NEAR(item->position.lon_deg, place.position.lon_deg, 1e-6);
        EXPECT_NEAR(item->position.lat_deg, place.position.lat_deg, 1e-6);
    }
}

TEST(GdalImporter, ShapefileWithoutCrsAndProjectedCoordinatesIsRefused) {
    const auto path = (test::temp_dir() / "no_prj.shp").string();
    write_places(path, "ESRI Shapefile", 0);  // Lambert-93 numbers, no .prj
    auto parsed = geo::parse_gdal_items(path, {}, taxonomy());
    ASSERT_FALSE(parsed);
    EXPECT_NE(parsed.error().message.find("no_prj.shp:no_prj"), std::string::npos) << parsed.error().message;
    EXPECT_NE(parsed.error().message.find("unknown CRS"), std::string::npos);
}

TEST(GdalImporter, KmlPointsAndPolygons) {
    auto parsed = geo::parse_gdal_items(fixture("pois.kml"), {}, taxonomy());
    ASSERT_TRUE(parsed) << parsed.error().message;
    ASSERT_EQ(parsed->items.size(), 2u);
    const auto* villandry = test::item_named(*parsed, "Château de Villandry");
    ASSERT_NE(villandry, nullptr);
    EXPECT_EQ(villandry->family, geo::Family::heritage);
    EXPECT_TRUE(contains(villandry->subtypes, "garden"));
    EXPECT_NEAR(villandry->position.lon_deg, 0.5146, 1e-9);
    EXPECT_EQ(villandry->extra_json, "{}");  // no KML display fields
    const auto* forest = test::item_named(*parsed, "Forêt de Chinon");
    ASSERT_NE(forest, nullptr);
    EXPECT_EQ(forest->family, geo::Family::nature);
    // A point on the polygon's surface.
    EXPECT_GT(forest->position.lon_deg, 0.25);
    EXPECT_LT(forest->position.lon_deg, 0.35);
    EXPECT_GT(forest->position.lat_deg, 47.19);
    EXPECT_LT(forest->position.lat_deg, 47.25);
}

TEST(GdalImporter, OwnExportReimportsWithoutLoss) {
    auto parsed = geo::parse_gdal_items(fixture("export_roundtrip.geojson"), {}, taxonomy());
    ASSERT_TRUE(parsed) << parsed.error().message;
    ASSERT_EQ(parsed->items.size(), 2u);
    const auto& chambord = parsed->items[0];
    EXPECT_EQ(chambord.source_id, "datatourisme:15-4c9a94a5");
    EXPECT_EQ(chambord.subtypes, (std::vector<std::string>{"castle", "garden"}));
    EXPECT_EQ(chambord.labels, (std::vector<std::string>{"monument_historique", "unesco"}));
    EXPECT_EQ(chambord.themes, (std::vector<std::string>{"kb:Renaissance", "kb:InTheForest"}));
    EXPECT_EQ(chambord.opening_months, geo::kAllMonths);
    EXPECT_EQ(chambord.producer, "ADT41");
    EXPECT_EQ(chambord.commune_insee, "41034");
    const auto extra = nlohmann::json::parse(chambord.extra_json);
    EXPECT_EQ(extra, nlohmann::json({{"website", "https://www.chambord.org"}}));
    const auto& hotel = parsed->items[1];
    EXPECT_EQ(hotel.source_id, "osm:n1827517924");
    EXPECT_EQ(hotel.family, geo::Family::accommodation);
    EXPECT_EQ(hotel.opening_months, 0);
    EXPECT_TRUE(hotel.labels.empty());
    EXPECT_EQ(nlohmann::json::parse(hotel.extra_json), nlohmann::json({{"stars", "2"}}));
}

TEST(GdalImporter, OptionsNameFieldsAndFixedFamily) {
    geo::GdalImportOptions options;
    options.family = "gastronomy";
    options.name_field = "Nom";
    options.id_field = "Téléphone";
    options.source_key = "offices";
    auto parsed = geo::parse_gdal_items(fixture("items.csv"), options, taxonomy());
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->items.size(), 4u);  // the fixed family ignores the Catégorie column
    EXPECT_EQ(parsed->source.key, "offices");
    for (const auto& item : parsed->items) EXPECT_EQ(item.family, geo::Family::gastronomy);
    EXPECT_EQ(parsed->items[0].source_id, "02 54 50 40 00");
    EXPECT_EQ(parsed->items[1].source_id, "fid:2");  // empty id: the feature id

    options = {};
    options.family = "spaceport";
    auto unknown = geo::parse_gdal_items(fixture("items.csv"), options, taxonomy());
    ASSERT_FALSE(unknown);
    EXPECT_NE(unknown.error().message.find("spaceport"), std::string::npos);

    options = {};
    options.name_field = "titre";
    auto missing = geo::parse_gdal_items(fixture("items.csv"), options, taxonomy());
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("items.csv:items: no field \"titre\""), std::string::npos)
        << missing.error().message;

    options = {};
    options.layer = "nope";
    auto layer = geo::parse_gdal_items(fixture("items.csv"), options, taxonomy());
    ASSERT_FALSE(layer);
    EXPECT_NE(layer.error().message.find("no layer \"nope\" (layers: items)"), std::string::npos)
        << layer.error().message;

    auto no_family = geo::parse_gdal_items(bad("self_intersecting.geojson"), {}, taxonomy());
    ASSERT_FALSE(no_family);  // a territory file: no family field
    EXPECT_NE(no_family.error().message.find("no family field"), std::string::npos) << no_family.error().message;
}

TEST(GdalImporter, SkippedRecordsNameFileLayerAndFeature) {
    auto parsed = geo::parse_gdal_items(bad("mixed_records.geojson"), {}, taxonomy());
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->report.read, 5);
    ASSERT_EQ(parsed->items.size(), 1u);
    EXPECT_EQ(parsed->items[0].source_id, "a");
    const auto& skipped = parsed->report.skipped;
    ASSERT_EQ(skipped.size(), 4u);
    EXPECT_EQ(skipped[0].record, "mixed_records.geojson:mixed_records:FID 1");
    EXPECT_EQ(skipped[0].reason.message, "latitude 147.61 outside [-90, 90]");
    EXPECT_EQ(skipped[1].reason.message, "no geometry (null)");
    EXPECT_EQ(skipped[2].reason.message, "no name (field \"name\" is empty)");
    EXPECT_EQ(skipped[3].reason.message, "unknown family \"spaceport\"");
}

TEST(GdalImporter, BadCorpus) {
    struct Case {
        const char* file;
        bool usable;         // parse succeeds (with skipped records)
        const char* expect;  // in the error, or in the first skipped record
    };
    const Case cases[] = {
        {"empty.geojson", false, "empty.geojson: the file is empty"},
        {"empty_collection.geojson", false, "empty_collection.geojson: no features"},
        {"truncated.geojson", false, "truncated.geojson: not a vector file GDAL can read"},
        {"unknown_crs.geojson", false, "unknown_crs.geojson: unknown CRS"},
        {"unknown_crs.csv", false, "unknown_crs.csv:unknown_crs: unknown CRS"},
        {"missing_file.geojson", false, "missing_file.geojson: no such file"},
        {"latitude_out_of_range.geojson", true, "FID 1: latitude 147.61 outside [-90, 90]"},
        {"nan_coordinates.geojson", true, "FID 0: empty geometry"},
        {"null_geometry.geojson", true, "FID 0: no geometry (null)"},
        {"bad_numbers.csv", true, "bad_numbers.csv:bad_numbers:FID 1: coordinates (nan, 47.6)"},
    };
    for (const Case& c : cases) {
        auto parsed = geo::parse_gdal_items(bad(c.file), {}, taxonomy());
        ASSERT_EQ(static_cast<bool>(parsed), c.usable) << c.file;
        if (!c.usable) {
            EXPECT_NE(parsed.error().message.find(c.expect), std::string::npos)
                << c.file << ": " << parsed.error().message;
            continue;
        }
        EXPECT_TRUE(parsed->items.empty()) << c.file;
        ASSERT_FALSE(parsed->report.skipped.empty()) << c.file;
        const auto& first = parsed->report.skipped.front();
        const std::string line = first.record + ": " + first.reason.message;
        EXPECT_NE(line.find(c.expect), std::string::npos) << line;
        EXPECT_NE(line.find(c.file), std::string::npos) << line;
    }
    auto numbers = geo::parse_gdal_items(bad("bad_numbers.csv"), {}, taxonomy());
    ASSERT_TRUE(numbers);
    ASSERT_EQ(numbers->report.skipped.size(), 2u);
    EXPECT_EQ(numbers->report.skipped[1].reason.message, "longitude \"abc\" is not a number");
}

TEST(GdalImporter, NonUtf8CsvIsReadAsWindows1252) {
    auto parsed = geo::parse_gdal_items(bad("latin1.csv"), {}, taxonomy());
    ASSERT_TRUE(parsed) << parsed.error().message;
    ASSERT_EQ(parsed->items.size(), 2u);
    EXPECT_EQ(parsed->items[0].name, "Château de Chambord");
    EXPECT_NEAR(parsed->items[1].position.lon_deg, 0.7988, 1e-12);
    ASSERT_EQ(parsed->report.warnings.size(), 2u);  // decimal commas, then the encoding
    EXPECT_NE(parsed->report.warnings[0].message.find("decimal comma"), std::string::npos)
        << parsed->report.warnings[0].message;
    EXPECT_NE(parsed->report.warnings[1].message.find("latin1.csv:latin1:FID 1"), std::string::npos)
        << parsed->report.warnings[1].message;
    EXPECT_NE(parsed->report.warnings[1].message.find("Windows-1252"), std::string::npos);
}
