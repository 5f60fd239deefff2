#include "tests/support/loire_fixture.hpp"

#include "geo/analysis/audience_perimeter.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "geo/analysis/offer_inside.hpp"
#include "geo/core/taxonomy.hpp"
#include "geo/io/audience_presets.hpp"
#include "geo/io/datatourisme_importer.hpp"
#include "geo/io/import.hpp"
#include "geo/io/territory_importer.hpp"
#include "geo/store/catalogue.hpp"
#include "tests/support/test_support.hpp"

namespace test {
namespace {

namespace fs = std::filesystem;

fs::path feed_dir() {
    return shared_data() / "poi" / "datatourisme-touraine-2020";
}

struct TerritoryFile {
    fs::path path;
    geo::TerritoryLevel level;
};

std::vector<TerritoryFile> territory_files() {
    const fs::path admin = shared_data() / "admin" / "departements";
    std::vector<TerritoryFile> out;
    for (const std::string d : {"37-indre-et-loire", "41-loir-et-cher"}) {
        out.push_back({admin / d / ("communes-" + d + ".geojson"), geo::TerritoryLevel::commune});
        out.push_back({admin / d / ("departement-" + d + ".geojson"), geo::TerritoryLevel::departement});
    }
    out.push_back({shared_data() / "perimeters" / "PNR.geojson", geo::TerritoryLevel::reference});
    return out;
}

const geo::Taxonomy& taxonomy() {
    static const geo::Taxonomy t = [] {
        auto loaded = geo::Taxonomy::load_default();
        if (!loaded) ADD_FAILURE() << loaded.error().message;
        return loaded ? std::move(*loaded) : geo::Taxonomy{};
    }();
    return t;
}

}  // namespace

const std::vector<geo::OfferItem>& loire_items() {
    static const std::vector<geo::OfferItem> items = [] {
        auto parsed = geo::parse_datatourisme(feed_dir().string(), taxonomy());
        if (!parsed) {
            ADD_FAILURE() << parsed.error().message;
            return std::vector<geo::OfferItem>{};
        }
        return std::move(parsed->items);
    }();
    return items;
}

const std::vector<geo::Territory>& loire_territories() {
    static const std::vector<geo::Territory> territories = [] {
        std::vector<geo::Territory> out;
        for (const auto& f : territory_files()) {
            auto parsed = geo::parse_territories(f.path.string(), f.level, {});
            if (!parsed) {
                ADD_FAILURE() << parsed.error().message;
                continue;
            }
            std::int64_t id = static_cast<std::int64_t>(out.size());
            for (auto& t : parsed->territories) {
                t.id = ++id;  // distinct ids, as in a catalogue
                out.push_back(std::move(t));
            }
        }
        return out;
    }();
    return territories;
}

const std::vector<double>& loire_weights(const std::string& audience_id) {
    static std::map<std::string, std::vector<double>> cache;
    if (auto it = cache.find(audience_id); it != cache.end()) return it->second;
    auto audience = geo::resolve_audience(audience_id, nullptr);
    if (!audience) ADD_FAILURE() << audience.error().message;
    return cache[audience_id] = audience ? geo::perimeter_weights(*audience, loire_items()) : std::vector<double>{};
}

const geo::PerimeterResult& loire_perimeter(const std::string& audience_id) {
    static std::map<std::string, geo::PerimeterResult> cache;
    if (auto it = cache.find(audience_id); it != cache.end()) return it->second;
    auto audience = geo::resolve_audience(audience_id, nullptr);
    if (!audience) ADD_FAILURE() << audience.error().message;
    auto use_case =
        geo::AudiencePerimeter::create(std::make_shared<const std::vector<geo::OfferItem>>(loire_items()), nullptr);
    if (!use_case) ADD_FAILURE() << use_case.error().message;
    auto run = audience && use_case ? use_case->run(*audience, {}, false)
                                    : geo::Result<geo::AudiencePerimeterRun>(geo::fail("no use case"));
    if (!run) ADD_FAILURE() << run.error().message;
    return cache[audience_id] = run ? std::move(run->result) : geo::PerimeterResult{};
}

void make_loire_catalogue(const fs::path& path) {
    auto catalogue = geo::Catalogue::open(path.string());
    ASSERT_TRUE(catalogue) << catalogue.error().message;
    auto items = geo::import_source(*catalogue, feed_dir().string(), {}, taxonomy());
    ASSERT_TRUE(items) << items.error().message;
    for (const auto& f : territory_files()) {
        auto t = geo::import_territories(*catalogue, f.path.string(), f.level, {});
        ASSERT_TRUE(t) << t.error().message;
    }
}

const std::vector<Landmark>& loire_chateaux() {
    static const std::vector<Landmark> landmarks = [] {
        const std::pair<const char*, const char*> kObjects[] = {
            {"Chambord", "4/4c/15-4c9a94a5-520f-331d-8a8e-0e19a9b22a5f.json"},
            {"Chenonceau", "f/fb/15-fb1b405f-e06c-381e-88ea-f04256ccf56c.json"},
            {"Amboise", "6/67/15-67beea70-f453-3f34-851e-b7273df2ae4e.json"},
            {"Blois", "9/9a/15-9a322fdf-bac2-3547-ad01-3a8b9cd10ff7.json"},
            {"Villandry", "2/26/15-2679335a-b7fa-31fc-b41f-7ee6548aff62.json"},
            {"Azay-le-Rideau", "3/31/15-31e38136-be89-3b1d-be82-144e9a31b4cc.json"},
            {"Cheverny", "9/90/15-905e2e45-4076-3e7a-8f66-8738921bd05e.json"}};
        std::vector<Landmark> out;
        for (const auto& [name, object] : kObjects) {
            std::ifstream in(feed_dir() / "objects" / object);
            const auto j = nlohmann::json::parse(in, nullptr, false);
            const std::string id = j.is_object() ? j.value("@id", "") : "";
            for (const auto& item : loire_items())
                if (item.source_id == id) out.push_back({name, item.position});
        }
        return out;
    }();
    return landmarks;
}

void LoireCatalogueTest::SetUp() {
    REQUIRE_SHARED_DATA();
    dir = temp_dir();
    catalogue = dir / "loire.sqlite";
    make_loire_catalogue(catalogue);
}

}  // namespace test
