// Theme names from the DATAtourisme sample (../shared/data): every hasTheme
// the feed names (rdfs:label fr / en) is held by the catalogue after an
// import, with the feed's own names — checked against the JSON files read
// directly here.
#include <filesystem>
#include <fstream>
#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "geo/store/catalogue.hpp"
#include "tests/support/loire_fixture.hpp"
#include "tests/support/test_support.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string first_string(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_array() && !v.empty() && v[0].is_string()) return v[0].get<std::string>();
    return {};
}

// id → (fr, en), from every object's hasTheme, the first naming object kept.
std::map<std::string, std::pair<std::string, std::string>> themes_in_feed() {
    std::map<std::string, std::pair<std::string, std::string>> out;
    const fs::path objects = test::shared_data() / "poi" / "datatourisme-touraine-2020" / "objects";
    for (const auto& e : fs::recursive_directory_iterator(objects)) {
        if (!e.is_regular_file() || e.path().extension() != ".json") continue;
        std::ifstream in(e.path());
        const json doc = json::parse(in, nullptr, false);
        if (!doc.is_object() || !doc.contains("hasTheme")) continue;
        const json& themes = doc["hasTheme"];
        for (const json& t : themes.is_array() ? themes : json::array({themes})) {
            if (!t.is_object() || !t.contains("@id") || !t.contains("rdfs:label")) continue;
            const json& label = t["rdfs:label"];
            const std::string fr = label.contains("fr") ? first_string(label["fr"]) : "";
            const std::string en = label.contains("en") ? first_string(label["en"]) : "";
            if (!fr.empty() || !en.empty()) out.emplace(t["@id"].get<std::string>(), std::make_pair(fr, en));
        }
    }
    return out;
}

}  // namespace

using DatatourismeThemeNames = test::LoireCatalogueTest;

TEST_F(DatatourismeThemeNames, TheCatalogueHoldsTheNamesTheFeedGives) {
    auto cat = geo::Catalogue::open(catalogue.string(), geo::Catalogue::Mode::read_only);
    ASSERT_TRUE(cat) << cat.error().message;
    auto held = cat->theme_names();
    ASSERT_TRUE(held) << held.error().message;
    const auto feed = themes_in_feed();
    ASSERT_GT(feed.size(), 100u) << "the sample names some 150 themes";
    ASSERT_EQ(held->size(), feed.size());
    for (const geo::ThemeName& t : *held) {
        const auto it = feed.find(t.id);
        ASSERT_NE(it, feed.end()) << t.id << " is not named in the feed";
        EXPECT_EQ(t.name_fr, it->second.first) << t.id;
        EXPECT_EQ(t.name_en, it->second.second) << t.id;
    }
    const geo::ThemeNames names(*held);
    EXPECT_EQ(names.display("kb:Renaissance", true), feed.at("kb:Renaissance").first);
    EXPECT_EQ(names.display("kb:NearARiverOrStream", false), feed.at("kb:NearARiverOrStream").second);
}
