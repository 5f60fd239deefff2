// The one provenance block: generator string, only the sources used, their
// licences and import dates, the audience as the perimeter writes it.
#include "geo/io/provenance.hpp"

#include <gtest/gtest.h>

#include "geo/io/audience_presets.hpp"

namespace {

geo::OfferItem item(const std::string& source, geo::Family family) {
    geo::OfferItem i;
    i.source = source;
    i.family = family;
    i.name = source + " item";
    i.position = {0.7, 47.4};
    return i;
}

std::vector<geo::SourceInfo> sources() {
    return {{"datatourisme", "datatourisme", "/data/flux", "Licence Ouverte 2.0 (Etalab)", "DATAtourisme",
             "2026-12-01T10:00:00Z"},
            {"osm", "osm", "/data/tours.osm.pbf", "ODbL 1.0", "© OpenStreetMap contributors", "2026-12-02T09:00:00Z"},
            {"file:unused.gpkg", "gdal", "/data/unused.gpkg", "", "", "2026-12-02T09:30:00Z"}};
}

}  // namespace

TEST(Provenance, GeneratorNamesVersionAndTool) {
    EXPECT_EQ(geo::provenance_generator("export"), std::string("Territoire ") + TERRITOIRE_VERSION + " (export)");
}

TEST(Provenance, ListsOnlyTheSourcesUsedWithLicenceAndDate) {
    const std::vector<geo::OfferItem> items = {item("osm", geo::Family::heritage),
                                               item("datatourisme", geo::Family::accommodation)};
    // Every item counts: both sources, in the catalogue's order.
    auto all = geo::base_provenance("export", "/home/alice/clients/cat.sqlite", sources(), geo::used_sources(items),
                                    geo::ProvenancePaths::name);
    EXPECT_EQ(all["catalogue"], "cat.sqlite");
    EXPECT_EQ(all["generator"], geo::provenance_generator("export"));
    EXPECT_FALSE(all["created_at"].get<std::string>().empty());
    ASSERT_EQ(all["sources"].size(), 2u);
    EXPECT_EQ(all["sources"][0]["key"], "datatourisme");
    EXPECT_EQ(all["sources"][0]["imported_at"], "2026-12-01T10:00:00Z");
    EXPECT_EQ(all["sources"][1]["licence"], "ODbL 1.0");

    // Only the items with a positive weight count.
    auto weighted = geo::base_provenance("perimeter", "cat.sqlite", sources(), geo::used_sources(items, {1.0, 0.0}),
                                         geo::ProvenancePaths::full);
    ASSERT_EQ(weighted["sources"].size(), 1u);
    EXPECT_EQ(weighted["sources"][0]["key"], "osm");
    EXPECT_EQ(weighted["sources"][0]["attribution"], "© OpenStreetMap contributors");
    EXPECT_TRUE(weighted["catalogue"].get<std::string>().starts_with("/"));
}

TEST(Provenance, AKeyTheCatalogueDoesNotDescribeIsKeptWithEmptyFields) {
    auto j = geo::base_provenance("export", "cat.sqlite", sources(), {"file:gone.csv"}, geo::ProvenancePaths::name);
    ASSERT_EQ(j["sources"].size(), 1u);
    EXPECT_EQ(j["sources"][0]["key"], "file:gone.csv");
    EXPECT_EQ(j["sources"][0]["licence"], "");
}

TEST(Provenance, AnalysisCarriesTheAudienceAndParameters) {
    auto audience = geo::resolve_audience("oenotourisme", nullptr);
    ASSERT_TRUE(audience) << audience.error().message;
    const std::vector<geo::OfferItem> items = {item("osm", geo::Family::gastronomy),
                                               item("datatourisme", geo::Family::services)};
    auto j = geo::analysis_provenance("gaps", "cat.sqlite", sources(), *audience, {{"level", 0.8}}, items, {1.0, 0.0},
                                      geo::ProvenancePaths::name);
    EXPECT_EQ(j["audience"]["id"], "oenotourisme");
    EXPECT_TRUE(j["audience"].contains("family_weights"));
    EXPECT_EQ(j["parameters"]["level"], 0.8);
    ASSERT_EQ(j["sources"].size(), 1u);
    EXPECT_EQ(j["sources"][0]["key"], "osm");
}
