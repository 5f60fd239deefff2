// The import dialog's field choices reach the importer (issue 11.4:
// "importing a polygon file as items fails with advice to use --name-field,
// a CLI option the dialog does not offer").
#include <gtest/gtest.h>

#include "app/gui/views/import_dialog.hpp"
#include "tests/support/test_support.hpp"

namespace app::gui {
namespace {

const char* kCommunes = "admin/departements/37-indre-et-loire/communes-37-indre-et-loire.geojson";

TEST(ImportRun, AFamilyChosenInTheDialogImportsPolygonsAsItems) {
    REQUIRE_SHARED_DATA();
    const auto dir = test::temp_dir();
    const std::string file = (test::shared_data() / kCommunes).string();
    const std::string catalogue = (dir / "cat.sqlite").string();
    const ImportOutcome without = run_import(ImportKind::items, file, catalogue, geo::TerritoryLevel::commune, {});
    EXPECT_NE(without.error.find("family"), std::string::npos) << without.error;
    ImportFieldChoice choice;
    choice.family = "heritage";
    choice.id_field = "code";
    const ImportOutcome with = run_import(ImportKind::items, file, catalogue, geo::TerritoryLevel::commune, {}, choice);
    ASSERT_TRUE(with.error.empty()) << with.error;
    EXPECT_EQ(with.report.imported, 272);
    // Territories with a chosen name field.
    ImportFieldChoice names;
    names.name_field = "code";  // the codes as names: visibly what was asked
    const ImportOutcome territories =
        run_import(ImportKind::territories, file, catalogue, geo::TerritoryLevel::commune, {}, names);
    ASSERT_TRUE(territories.error.empty()) << territories.error;
    EXPECT_EQ(territories.report.imported, 272);
    ImportFieldChoice wrong;
    wrong.name_field = "libelle_absent";
    const ImportOutcome refused =
        run_import(ImportKind::territories, file, catalogue, geo::TerritoryLevel::commune, {}, wrong);
    EXPECT_NE(refused.error.find("libelle_absent"), std::string::npos) << refused.error;
}

}  // namespace
}  // namespace app::gui
