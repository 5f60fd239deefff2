#include "geo/analysis/audience.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "geo/core/taxonomy.hpp"
#include "geo/io/audience_presets.hpp"
#include "tests/support/test_support.hpp"

TEST(Audience, PresetsLoadWithTheRequiredIds) {
    auto presets = geo::load_audience_presets();
    ASSERT_TRUE(presets) << presets.error().message;
    ASSERT_GE(presets->size(), 6u);
    for (const char* id : {"patrimoine", "familles-nature", "oenotourisme", "velo", "outdoor", "seniors-culture"}) {
        auto a = geo::resolve_audience(id, nullptr);
        ASSERT_TRUE(a) << id << ": " << a.error().message;
        EXPECT_EQ(a->id, id);
        EXPECT_FALSE(a->name_fr.empty());
        EXPECT_FALSE(a->name_en.empty());
    }
    EXPECT_EQ(geo::resolve_audience("Amateurs de patrimoine", nullptr)->id, "patrimoine");
    EXPECT_EQ(geo::resolve_audience("heritage lovers", nullptr)->id, "patrimoine");
    auto unknown = geo::resolve_audience("surfeurs", nullptr);
    ASSERT_FALSE(unknown);
    EXPECT_NE(unknown.error().message.find("patrimoine"), std::string::npos);
}

TEST(Audience, ItemWeightMultipliesFamilyLabelsThemesAndSeason) {
    auto a = geo::resolve_audience("oenotourisme", nullptr);
    ASSERT_TRUE(a);
    geo::OfferItem cellar;
    cellar.family = geo::Family::gastronomy;
    cellar.subtypes = {"wine_cellar", "producer"};  // the largest named subtype weight
    EXPECT_DOUBLE_EQ(geo::item_weight(*a, cellar), 1.0);
    cellar.labels = {"vignobles_decouvertes"};
    cellar.themes = {"kb:Wine"};
    EXPECT_DOUBLE_EQ(geo::item_weight(*a, cellar), 1.5 * 1.5);
    geo::OfferItem campsite;
    campsite.family = geo::Family::outdoor;
    EXPECT_DOUBLE_EQ(geo::item_weight(*a, campsite), 0.0);

    // Subtypes, not the coarse family, say what attracts wine lovers.
    geo::OfferItem restaurant;
    restaurant.family = geo::Family::gastronomy;
    restaurant.subtypes = {"restaurant"};
    EXPECT_DOUBLE_EQ(geo::item_weight(*a, restaurant), 0.2);
    EXPECT_EQ(geo::item_role(*a, restaurant), geo::OfferRole::support);
    EXPECT_EQ(geo::item_role(*a, cellar), geo::OfferRole::attraction);
    EXPECT_EQ(geo::perimeter_weights(*a, {cellar, restaurant}), (std::vector<double>{1.5 * 1.5, 0.0}));
    geo::Audience shaping = *a;
    shaping.support_shapes_perimeter = true;
    EXPECT_EQ(geo::perimeter_weights(shaping, {restaurant}), (std::vector<double>{0.2}));

    geo::Audience summer = *a;
    summer.season = 0b000111000000;          // July–September
    cellar.opening_months = 0b000001000000;  // July only
    EXPECT_NEAR(geo::item_weight(summer, cellar), 1.5 * 1.5 / 3.0, 1e-12);
    EXPECT_DOUBLE_EQ(geo::season_factor(0, summer.season), 1.0);
    EXPECT_DOUBLE_EQ(geo::season_factor(0b1, summer.season), 0.0);
}

TEST(Audience, JsonRoundTripAndValidation) {
    auto a = geo::resolve_audience("familles-nature", nullptr);
    ASSERT_TRUE(a);
    auto back = geo::audience_from_json(geo::audience_to_json(*a), "memory");
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->family_weights, a->family_weights);
    EXPECT_EQ(back->season, a->season);
    EXPECT_EQ(back->label_multipliers, a->label_multipliers);
    EXPECT_EQ(*back, *a);  // subtype weights and roles too
    EXPECT_TRUE(geo::modified_weights(*back, *a).empty());
    back->subtype_weights["zoo"] = 0.1;
    back->family_weights[0] = 0.5;
    EXPECT_EQ(geo::modified_weights(*back, *a), (std::vector<std::string>{"heritage", "zoo"}));

    // An audience file of the first format (no subtypes, no roles) still loads
    // with the default roles: accommodation is support.
    auto old =
        geo::audience_from_json(R"({"id":"old","family_weights":{"heritage":1,"accommodation":0.5}})", "old.json");
    ASSERT_TRUE(old) << old.error().message;
    geo::OfferItem hotel;
    hotel.family = geo::Family::accommodation;
    EXPECT_DOUBLE_EQ(geo::item_weight(*old, hotel), 0.5);
    EXPECT_EQ(geo::perimeter_weights(*old, {hotel}), (std::vector<double>{0.0}));

    auto bad = geo::audience_from_json(R"({"id":"x","family_weights":{"heritage":1.7}})", "aud.json");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message, "aud.json: audience x: family_weights.heritage = 1.7, expected a number in [0, 1]");
    EXPECT_FALSE(geo::audience_from_json(R"({"id":"x","family_weights":{"castles":1}})", "a"));
    EXPECT_FALSE(geo::audience_from_json(R"({"id":"x","family_weights":{},"season_months":[13]})", "a"));
    EXPECT_FALSE(geo::audience_from_json(R"({"id":"x","family_weights":{},"label_multipliers":{"unesco":-1}})", "a"));
    EXPECT_FALSE(geo::audience_from_json("{\"id\":", "a"));

    const auto path = test::temp_dir() / "mine.json";
    std::ofstream(path) << R"({"id":"mine","name_fr":"Ma cible","family_weights":{"nature":1}})";
    auto mine = geo::resolve_audience(path.string(), nullptr);
    ASSERT_TRUE(mine) << mine.error().message;
    EXPECT_EQ(mine->id, "mine");
    EXPECT_DOUBLE_EQ(mine->family_weight(geo::Family::nature), 1.0);
}

TEST(Audience, ThemesAreNormalised) {
    EXPECT_EQ(geo::normalise_theme("kb:BicycleTouring"), "bicycletouring");
    EXPECT_EQ(geo::normalise_theme("Loire à Vélo"), "loireàvélo");
}

// Every subtype, attraction and support id of the presets exists in the taxonomy.
TEST(Audience, PresetIdsExistInTheTaxonomy) {
    auto taxonomy = geo::Taxonomy::load_default();
    ASSERT_TRUE(taxonomy) << taxonomy.error().message;
    auto presets = geo::load_audience_presets();
    ASSERT_TRUE(presets) << presets.error().message;
    for (const geo::Audience& a : *presets) {
        auto known = [&](const std::string& id) {
            return geo::family_from_id(id).has_value() || taxonomy->subtype(id) != nullptr;
        };
        for (const auto& [id, w] : a.subtype_weights) EXPECT_TRUE(known(id)) << a.id << ": " << id;
        for (const auto& id : a.attractions) EXPECT_TRUE(known(id)) << a.id << ": " << id;
        for (const auto& id : a.support) EXPECT_TRUE(known(id)) << a.id << ": " << id;
    }
}

TEST(Audience, HostileJsonGivesShortMessages) {
    // Nested 40,000 levels deep: refused by the parser, no recursion.
    const std::string deep = std::string(40'000, '[') + std::string(40'000, ']');
    auto a = geo::audience_from_json(R"({"id":"x","family_weights":{"heritage":)" + deep + "}}", "deep.json");
    ASSERT_FALSE(a);
    EXPECT_EQ(a.error().message, "deep.json: nesting deeper than 64 levels");
    // A 10 MB bad weight: the message quotes at most 80 bytes of it.
    auto b = geo::audience_from_json(
        R"({"id":"x","family_weights":{"heritage":")" + std::string(10'000'000, '9') + "\"}}", "big.json");
    ASSERT_FALSE(b);
    EXPECT_LT(b.error().message.size(), 250u) << b.error().message.substr(0, 300);
    EXPECT_NE(b.error().message.find("family_weights.heritage"), std::string::npos);
}
