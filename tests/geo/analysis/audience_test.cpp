#include "geo/analysis/audience.hpp"

#include <gtest/gtest.h>

#include <fstream>

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
    EXPECT_DOUBLE_EQ(geo::item_weight(*a, cellar), 1.0);
    cellar.labels = {"vignobles_decouvertes"};
    cellar.themes = {"kb:Wine"};
    EXPECT_DOUBLE_EQ(geo::item_weight(*a, cellar), 1.5 * 1.5);
    geo::OfferItem campsite;
    campsite.family = geo::Family::outdoor;
    EXPECT_DOUBLE_EQ(geo::item_weight(*a, campsite), 0.0);

    geo::Audience summer = *a;
    summer.season = 0b000111000000;  // July–September
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
