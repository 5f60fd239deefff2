// What a vector file holds before it is imported (issue 11.4: the import
// dialog offers the file's fields), on the real commune polygons and the demo
// items.
#include "geo/io/source_fields.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "geo/core/data_dir.hpp"
#include "tests/support/test_support.hpp"

namespace {

const std::string kCommunes = "admin/departements/37-indre-et-loire/communes-37-indre-et-loire.geojson";

TEST(SourceFields, CommunePolygonsOfferTheirNameAndCodeFields) {
    REQUIRE_SHARED_DATA();
    auto layers = geo::read_source_fields((test::shared_data() / kCommunes).string());
    ASSERT_TRUE(layers) << layers.error().message;
    ASSERT_EQ(layers->size(), 1u);
    const geo::SourceLayerFields& l = layers->front();
    EXPECT_EQ(l.geometry, "polygon");
    EXPECT_EQ(l.features, 272) << "Indre-et-Loire's communes (SOURCES.md)";
    EXPECT_NE(std::find(l.fields.begin(), l.fields.end(), "nom"), l.fields.end());
    EXPECT_EQ(l.territory_name, "nom");
    EXPECT_EQ(l.territory_code, "code");
    EXPECT_EQ(l.item_family, "") << "polygons of communes carry no family: the dialog asks for one";
}

TEST(SourceFields, DemoItemsShowTheFieldsTheImporterUses) {
    auto layers = geo::read_source_fields((std::filesystem::path(geo::data_dir()) / "demo/items.geojson").string());
    ASSERT_TRUE(layers) << layers.error().message;
    const geo::SourceLayerFields& l = layers->front();
    EXPECT_EQ(l.geometry, "point");
    EXPECT_EQ(l.item_name, "name");
    EXPECT_EQ(l.item_id, "id");
    EXPECT_EQ(l.item_family, "family");
}

TEST(SourceFields, UnreadableFilesAreNamed) {
    const auto dir = test::temp_dir();
    auto missing = geo::read_source_fields((dir / "gone.gpkg").string());
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("gone.gpkg: no such file"), std::string::npos) << missing.error().message;
    std::ofstream(dir / "notes.txt") << "not a map\n";
    auto text = geo::read_source_fields((dir / "notes.txt").string());
    ASSERT_FALSE(text);
    EXPECT_NE(text.error().message.find("notes.txt"), std::string::npos) << text.error().message;
}

}  // namespace
