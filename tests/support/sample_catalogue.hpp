#pragma once
// The real Loire Valley sample as a catalogue, for analysis tests: the
// DATAtourisme feed through the real importer, and the départements and
// communes of 37 and 41 read with GDAL/OGR (test::read_territories), so that
// point-in-polygon counts can be checked against OGR. Header-only; call from a test body after
// REQUIRE_SHARED_DATA().
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "geo/core/taxonomy.hpp"
#include "geo/io/datatourisme_importer.hpp"
#include "geo/store/catalogue.hpp"
#include "tests/support/test_support.hpp"

namespace test {

inline std::string departement_path(const std::string& folder, const std::string& kind) {
    // kind: "departement" or "communes"; folder: "37-indre-et-loire"
    return (shared_data() / "admin/departements" / folder / (kind + "-" + folder + ".geojson")).string();
}

inline std::vector<geo::OfferItem> datatourisme_items() {
    auto taxonomy = geo::Taxonomy::load_default();
    EXPECT_TRUE(taxonomy) << taxonomy.error().message;
    if (!taxonomy) return {};
    auto parsed = geo::parse_datatourisme((shared_data() / "poi/datatourisme-touraine-2020").string(), *taxonomy);
    EXPECT_TRUE(parsed) << parsed.error().message;
    return parsed ? parsed->items : std::vector<geo::OfferItem>{};
}

// A catalogue at `path` with the DATAtourisme items, the départements 37 and
// 41 and (with_communes) their communes.
inline geo::Catalogue sample_catalogue(const std::string& path, bool with_communes) {
    auto cat = geo::Catalogue::open(path);
    EXPECT_TRUE(cat) << cat.error().message;
    geo::ImportReport report;
    const geo::SourceInfo dt{"datatourisme",
                             "datatourisme",
                             "poi/datatourisme-touraine-2020",
                             geo::kDatatourismeLicence,
                             geo::kDatatourismeAttribution,
                             ""};
    auto up = cat->upsert_items(dt, datatourisme_items(), report);
    EXPECT_TRUE(up) << up.error().message;
    const geo::SourceInfo admin{
        "admin", "territories", "admin/departements", "Licence Ouverte (Etalab)", "IGN Admin Express, INSEE COG 2018",
        ""};
    std::vector<geo::Territory> territories;
    for (const char* folder : {"37-indre-et-loire", "41-loir-et-cher"}) {
        for (auto& t :
             read_territories(departement_path(folder, "departement"), "code", "nom", geo::TerritoryLevel::departement))
            territories.push_back(std::move(t));
        if (with_communes)
            for (auto& t :
                 read_territories(departement_path(folder, "communes"), "code", "nom", geo::TerritoryLevel::commune))
                territories.push_back(std::move(t));
    }
    auto tu = cat->upsert_territories(admin, territories, report);
    EXPECT_TRUE(tu) << tu.error().message;
    return std::move(*cat);
}

// The sample catalogue built once per process, in the temporary folder of the
// first test that asks (ctest runs each test in its own process, possibly in
// parallel, so nothing is shared between processes); returns its path.
inline std::string cached_sample_catalogue(bool with_communes) {
    static std::map<bool, std::string> built;
    if (auto it = built.find(with_communes); it != built.end()) return it->second;
    const auto dir = temp_dir() / (with_communes ? "sample-communes" : "sample");
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "sample.sqlite").string();
    sample_catalogue(path, with_communes);
    return built[with_communes] = path;
}

}  // namespace test
