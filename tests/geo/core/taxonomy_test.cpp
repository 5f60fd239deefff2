#include "geo/core/taxonomy.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/test_support.hpp"

namespace {

const geo::Taxonomy& taxonomy() {
    return test::default_taxonomy();
}

using Tags = std::map<std::string, std::string>;
geo::OsmTagLookup lookup(const Tags& tags) {
    return [&tags](const char* key) -> const char* {
        auto it = tags.find(key);
        return it == tags.end() ? nullptr : it->second.c_str();
    };
}

std::string osm_subtype(const Tags& tags) {
    auto cls = taxonomy().classify_osm(lookup(tags));
    return cls ? std::string(geo::family_id(cls->family)) + "/" + cls->subtype : "none";
}

std::string dt_subtype(const std::vector<std::string>& types, const std::vector<std::string>& themes = {}) {
    auto cls = taxonomy().classify_datatourisme(types, themes);
    return cls ? std::string(geo::family_id(cls->family)) + "/" + cls->subtype : "none";
}

}  // namespace

TEST(Taxonomy, LoadsDefaultWithAllFamilies) {
    const auto& tax = taxonomy();
    std::set<geo::Family> families;
    for (const auto& s : tax.subtypes()) families.insert(s.family);
    EXPECT_EQ(families.size(), static_cast<size_t>(geo::kFamilyCount));
    ASSERT_NE(tax.subtype("castle"), nullptr);
    EXPECT_EQ(tax.subtype("castle")->name_fr, "Château");
    EXPECT_EQ(tax.subtype("castle")->family, geo::Family::heritage);
    EXPECT_EQ(tax.subtype("nope"), nullptr);
}

TEST(Taxonomy, DatatourismePriorities) {
    EXPECT_EQ(dt_subtype({"schema:Park", "Castle", "CulturalSite", "ParkAndGarden", "PlaceOfInterest",
                          "PointOfInterest", "RemarkableBuilding"}),
              "heritage/castle");
    EXPECT_EQ(dt_subtype({"Practice", "Producer", "Tasting", "TastingProvider", "WineCellar", "PlaceOfInterest",
                          "PointOfInterest", "Product", "schema:Product"}),
              "gastronomy/wine_cellar");
    EXPECT_EQ(dt_subtype({"Accommodation", "FoodEstablishment", "Hotel", "HotelRestaurant", "Restaurant",
                          "schema:Hotel", "schema:LodgingBusiness"}),
              "accommodation/hotel");
    EXPECT_EQ(dt_subtype({"Accommodation", "Camping", "CampingAndCaravanning"}), "accommodation/campsite");
    EXPECT_EQ(dt_subtype({"NaturalHeritage", "schema:Landform", "PlaceOfInterest"}), "nature/natural_site");
    EXPECT_EQ(dt_subtype({"SportsAndLeisurePlace", "ThemePark", "schema:AmusementPark"}), "family_leisure/theme_park");
    EXPECT_EQ(dt_subtype({"SportsAndLeisurePlace", "ZooAnimalPark"}), "family_leisure/zoo");
    EXPECT_EQ(dt_subtype({"FreePractice", "Practice", "SportsAndLeisurePlace"}), "outdoor/activity");
    EXPECT_EQ(dt_subtype({"EquipmentRental", "Rental", "SportsAndLeisurePlace"}), "outdoor/equipment_rental");
    EXPECT_EQ(dt_subtype({"CulturalEvent", "EntertainmentAndEvent", "Exhibition", "schema:Event"}),
              "events_culture/exhibition");
    EXPECT_EQ(dt_subtype({"EntertainmentAndEvent", "schema:Event"}), "events_culture/event");
    EXPECT_EQ(dt_subtype({"LocalTouristOffice", "TouristInformationCenter"}), "services/tourist_office");
    EXPECT_EQ(dt_subtype({"Tour", "WalkingTour", "olo:OrderedList"}), "outdoor/hiking_route");
    EXPECT_EQ(dt_subtype({"Tour", "CyclingTour"}), "outdoor/cycling_route");
    EXPECT_EQ(dt_subtype({"FoodEstablishment", "Restaurant", "schema:Restaurant"}), "gastronomy/restaurant");
    EXPECT_EQ(dt_subtype({"CulturalSite", "Museum", "schema:Museum"}), "heritage/museum");
    EXPECT_EQ(dt_subtype({"Church", "CulturalSite", "Museum", "ReligiousSite"}), "heritage/church");
    EXPECT_EQ(dt_subtype({"Abbey", "Church", "CulturalSite", "ReligiousSite"}), "heritage/abbey");
    EXPECT_EQ(dt_subtype({"CulturalSite", "ReligiousSite"}), "heritage/religious_site");
    // Full URIs are accepted too.
    EXPECT_EQ(dt_subtype({"https://www.datatourisme.gouv.fr/ontology/core#Castle"}), "heritage/castle");
    EXPECT_EQ(dt_subtype({"http://schema.org/Hotel"}), "accommodation/hotel");
    // Generic classes are fallbacks only; nothing known gives nullopt.
    EXPECT_EQ(dt_subtype({"PointOfInterest"}), "services/point_of_interest");
    EXPECT_EQ(dt_subtype({"Spaceport", "olo:OrderedList"}), "none");
    EXPECT_EQ(dt_subtype({}), "none");
}

TEST(Taxonomy, DatatourismeThemesRefineGenericSubtypes) {
    EXPECT_EQ(dt_subtype({"SportsAndLeisurePlace"}, {"kb:HotAirBalloon"}), "outdoor/air_sports");
    EXPECT_EQ(dt_subtype({"SportsAndLeisurePlace"}, {"kb:Riding"}), "outdoor/horse_riding");
    EXPECT_EQ(dt_subtype({"SportsAndLeisurePlace"}, {"kb:EscapeGame"}), "family_leisure/escape_game");
    EXPECT_EQ(dt_subtype({"TastingProvider"}, {"kb:Wine"}), "gastronomy/wine_cellar");
    EXPECT_EQ(dt_subtype({"TastingProvider"}, {"kb:Sculpture"}), "events_culture/craft_workshop");
    EXPECT_EQ(dt_subtype({"SportsAndLeisurePlace"}, {}), "family_leisure/leisure_place");
    // A specific class is never overridden by a theme.
    EXPECT_EQ(dt_subtype({"SportsAndLeisurePlace", "ThemePark"}, {"kb:HotAirBalloon"}), "family_leisure/theme_park");
}

// The demo catalogue (data/demo/items.geojson) only uses known subtypes and labels.
TEST(Taxonomy, KnowsEveryDemoSubtypeAndLabel) {
    std::ifstream in(std::filesystem::path(TERRITOIRE_SOURCE_DATA_DIR) / "demo/items.geojson");
    ASSERT_TRUE(in.good());
    auto demo = nlohmann::json::parse(in);
    for (const auto& feature : demo["features"]) {
        const auto& p = feature["properties"];
        EXPECT_NE(taxonomy().subtype(p["subtype"].get<std::string>()), nullptr) << p["subtype"];
        for (const auto& label : p["labels"]) EXPECT_NE(taxonomy().label(label.get<std::string>()), nullptr) << label;
    }
}

TEST(Taxonomy, DatatourismeSecondarySubtypes) {
    auto subs = taxonomy().datatourisme_subtypes({"schema:Park", "Castle", "CulturalSite", "ParkAndGarden",
                                                  "PlaceOfInterest", "PointOfInterest", "RemarkableBuilding"},
                                                 geo::Family::heritage);
    EXPECT_EQ(subs, (std::vector<std::string>{"castle", "garden", "remarkable_building"}));
}

// Every class and every label-like review id of the real sample is known.
TEST(Taxonomy, CoversEveryClassOfTheSample) {
    REQUIRE_SHARED_DATA();
    const auto feed = test::shared_data() / "poi/datatourisme-touraine-2020";
    std::ifstream in(feed / "index.json");
    auto index = nlohmann::json::parse(in);
    std::set<std::string> unknown_types, unknown_labels;
    std::map<std::string, int> families;
    for (const auto& entry : index) {
        std::ifstream obj_in(feed / "objects" / entry["file"].get<std::string>());
        auto obj = nlohmann::json::parse(obj_in);
        auto types = obj["@type"].get<std::vector<std::string>>();
        for (const auto& t : types)
            if (!taxonomy().is_known_datatourisme_type(t)) unknown_types.insert(t);
        auto cls = taxonomy().classify_datatourisme(types);
        ASSERT_TRUE(cls.has_value()) << entry["file"];
        ++families[std::string(geo::family_id(cls->family))];
        auto has = [&](const char* t) { return std::find(types.begin(), types.end(), t) != types.end(); };
        // SOURCES.md's buckets: every event is an event, every accommodation an accommodation.
        if (has("EntertainmentAndEvent")) {
            EXPECT_EQ(cls->family, geo::Family::events_culture) << entry["file"];
        }
        if (has("Accommodation")) {
            EXPECT_EQ(cls->family, geo::Family::accommodation) << entry["file"];
        }
        if (has("WineCellar")) {
            EXPECT_EQ(cls->subtype, "wine_cellar") << entry["file"];
        }
        for (const auto& review : obj.value("hasReview", nlohmann::json::array())) {
            auto id = review["hasReviewValue"]["@id"].get<std::string>();
            if (id.find("LabelRating_") != std::string::npos && !taxonomy().label_from_datatourisme(id))
                unknown_labels.insert(id);
        }
    }
    EXPECT_TRUE(unknown_types.empty()) << *unknown_types.begin();
    EXPECT_TRUE(unknown_labels.empty()) << *unknown_labels.begin();
    for (const auto& [family, count] : families) std::cout << family << ": " << count << "\n";
    // SOURCES.md buckets: 250 accommodation, 59 events (+ 1 cabaret), 158 food + 172 tastings.
    EXPECT_EQ(families["accommodation"], 250);
    EXPECT_EQ(families["events_culture"], 60);
    EXPECT_GT(families["heritage"], 200);
    EXPECT_GT(families["gastronomy"], 300);
    EXPECT_GT(families["outdoor"], 150);
    EXPECT_GT(families["nature"], 5);
    EXPECT_GT(families["family_leisure"], 50);
    EXPECT_GT(families["services"], 50);
}

TEST(Taxonomy, OsmRules) {
    const std::vector<std::pair<Tags, std::string>> cases = {
        {{{"historic", "castle"}, {"name", "Château de Tours"}}, "heritage/castle"},
        {{{"tourism", "museum"}, {"historic", "castle"}}, "heritage/museum"},
        {{{"tourism", "hotel"}, {"stars", "3"}}, "accommodation/hotel"},
        {{{"tourism", "hotel"}, {"historic", "castle"}}, "accommodation/hotel"},
        {{{"tourism", "information"}, {"information", "office"}}, "services/tourist_office"},
        {{{"tourism", "information"}, {"information", "board"}}, "none"},
        {{{"tourism", "information"}, {"information", "guidepost"}, {"historic", "yes"}}, "heritage/heritage_site"},
        {{{"amenity", "restaurant"}}, "gastronomy/restaurant"},
        {{{"amenity", "fast_food"}}, "gastronomy/fast_food"},
        {{{"amenity", "pub"}}, "gastronomy/bar"},
        {{{"craft", "winery"}}, "gastronomy/wine_cellar"},
        {{{"shop", "wine"}}, "gastronomy/wine_shop"},
        {{{"shop", "bakery"}}, "none"},
        {{{"amenity", "place_of_worship"}}, "none"},
        {{{"amenity", "place_of_worship"}, {"heritage", "2"}}, "heritage/religious_site"},
        {{{"historic", "wayside_cross"}}, "none"},
        {{{"historic", "memorial"}, {"memorial", "plaque"}}, "none"},
        {{{"historic", "memorial"}, {"memorial", "statue"}}, "heritage/memorial"},
        {{{"historic", "no"}}, "none"},
        {{{"historic", "yes"}}, "heritage/heritage_site"},
        {{{"leisure", "nature_reserve"}}, "nature/nature_reserve"},
        {{{"boundary", "protected_area"}}, "nature/nature_reserve"},
        {{{"natural", "cave_entrance"}}, "nature/cave"},
        {{{"tourism", "viewpoint"}}, "nature/viewpoint"},
        {{{"tourism", "theme_park"}}, "family_leisure/theme_park"},
        {{{"tourism", "camp_site"}}, "accommodation/campsite"},
        {{{"tourism", "alpine_hut"}}, "accommodation/mountain_hut"},
        {{{"aerialway", "chair_lift"}}, "outdoor/aerialway"},
        {{{"aerialway", "pylon"}}, "none"},
        {{{"route", "hiking"}}, "outdoor/hiking_route"},
        {{{"amenity", "bicycle_rental"}}, "services/bike_rental"},
        {{{"shop", "bicycle"}, {"service:bicycle:rental", "yes"}}, "services/bike_rental"},
        {{{"amenity", "boat_rental"}}, "outdoor/equipment_rental"},
        {{{"railway", "station"}, {"name", "Tours"}}, "services/train_station"},
        {{{"railway", "station"}, {"station", "subway"}}, "none"},
        {{{"historic", "church"}}, "heritage/church"},
        {{{"leisure", "garden"}, {"garden:type", "botanical"}}, "nature/botanical_garden"},
        {{{"leisure", "garden"}}, "none"},  // private gardens are no offer
        {{{"landuse", "forest"}, {"name", "Forêt d'Amboise"}}, "nature/forest"},
        {{{"landuse", "forest"}}, "none"},
        {{{"shop", "bicycle"}}, "services/bike_shop"},  // cycle tourism: repairs, Accueil Vélo
        {{{"tourism", "artwork"}}, "events_culture/artwork"},
        {{{"amenity", "bicycle_parking"}}, "none"},
        {{{"amenity", "bench"}}, "none"},
        {{{"highway", "residential"}, {"name", "Rue Nationale"}}, "none"},
        {{{"building", "yes"}}, "none"},
    };
    for (const auto& [tags, expected] : cases) EXPECT_EQ(osm_subtype(tags), expected) << ::testing::PrintToString(tags);
    EXPECT_EQ(osm_subtype({}), "none");
    EXPECT_FALSE(taxonomy().classify_osm(geo::OsmTagLookup{}).has_value());
}

TEST(Taxonomy, Labels) {
    const auto& tax = taxonomy();
    EXPECT_EQ(tax.label_from_datatourisme("kb:LabelRating_VignoblesDecouvertes"), "vignobles_decouvertes");
    EXPECT_EQ(tax.label_from_datatourisme("kb:LabelRating_BienvenueaLaFerme"), "bienvenue_ferme");
    EXPECT_EQ(tax.label_from_datatourisme("kb:LabelRating_TourismeHandicapPictogrammeMoteur"), "tourisme_handicap");
    EXPECT_EQ(tax.label_from_datatourisme("kb:LabelRating_OutstandingGarden"), "jardin_remarquable");
    EXPECT_EQ(tax.label_from_datatourisme("https://www.datatourisme.gouv.fr/ontology/core#LabelRating_AccueilVelo"),
              "accueil_velo");
    EXPECT_FALSE(tax.label_from_datatourisme("kb:COVID19ProtocolsCommitted").has_value());
    EXPECT_FALSE(tax.label_from_datatourisme("kb:ScaleRating_3etoiles").has_value());

    for (const char* id : {"monument_historique", "unesco", "vignobles_decouvertes", "qualite_tourisme", "accueil_velo",
                           "gites_de_france", "clevacances", "clef_verte", "tourisme_handicap", "plus_beaux_villages",
                           "michelin", "jardin_remarquable", "maisons_illustres", "villes_art_histoire",
                           "station_verte", "logis", "bienvenue_ferme", "petites_cites_caractere"})
        EXPECT_NE(tax.label(id), nullptr) << id;
    ASSERT_NE(tax.label("Vignobles & Découvertes"), nullptr);
    EXPECT_EQ(tax.label("Vignobles & Découvertes")->id, "vignobles_decouvertes");
    ASSERT_NE(tax.label("UNESCO World Heritage"), nullptr);
    EXPECT_EQ(tax.label("UNESCO World Heritage")->id, "unesco");
    EXPECT_EQ(tax.label("nothing"), nullptr);

    Tags mh{{"historic", "castle"}, {"heritage", "2"}, {"heritage:operator", "mhs"}, {"ref:mhs", "PA00097792"}};
    EXPECT_EQ(tax.labels_from_osm(lookup(mh)), (std::vector<std::string>{"monument_historique"}));
    Tags whc{{"heritage", "1"}, {"ref:whc", "933"}};
    EXPECT_EQ(tax.labels_from_osm(lookup(whc)), (std::vector<std::string>{"unesco"}));
    Tags star{{"amenity", "restaurant"}, {"award:michelin", "1"}};
    EXPECT_EQ(tax.labels_from_osm(lookup(star)), (std::vector<std::string>{"michelin"}));
    Tags none{{"amenity", "restaurant"}, {"award:michelin", "no"}};
    EXPECT_TRUE(tax.labels_from_osm(lookup(none)).empty());
}

TEST(Taxonomy, ClassifyValue) {
    const auto& tax = taxonomy();
    auto fam = tax.classify_value(" Patrimoine ");
    ASSERT_TRUE(fam);
    EXPECT_EQ(fam->family, geo::Family::heritage);
    EXPECT_EQ(fam->subtype, "");
    ASSERT_TRUE(tax.classify_value("gastronomy"));
    EXPECT_EQ(tax.classify_value("gastronomy")->family, geo::Family::gastronomy);
    ASSERT_TRUE(tax.classify_value("HÉBERGEMENT"));
    EXPECT_EQ(tax.classify_value("HÉBERGEMENT")->family, geo::Family::accommodation);
    ASSERT_TRUE(tax.classify_value("Family leisure"));
    EXPECT_EQ(tax.classify_value("Family leisure")->family, geo::Family::family_leisure);
    auto castle = tax.classify_value("Château");
    ASSERT_TRUE(castle);
    EXPECT_EQ(castle->subtype, "castle");
    ASSERT_TRUE(tax.classify_value("wine_cellar"));
    EXPECT_EQ(tax.classify_value("wine_cellar")->family, geo::Family::gastronomy);
    ASSERT_TRUE(tax.classify_value("musée"));
    EXPECT_EQ(tax.classify_value("musée")->subtype, "museum");
    ASSERT_TRUE(tax.classify_value("WineCellar"));
    EXPECT_EQ(tax.classify_value("WineCellar")->subtype, "wine_cellar");
    EXPECT_FALSE(tax.classify_value("spaceport").has_value());
    EXPECT_FALSE(tax.classify_value("").has_value());
}

TEST(Taxonomy, LoadErrorsNameFileAndEntry) {
    auto dir = test::temp_dir();
    auto write = [&](const std::string& name, const std::string& text) {
        auto p = dir / name;
        std::ofstream(p) << text;
        return p.string();
    };
    auto missing = geo::Taxonomy::load((dir / "absent.json").string());
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("absent.json"), std::string::npos);

    auto broken = geo::Taxonomy::load(write("broken.json", "{\"families\": ["));
    ASSERT_FALSE(broken);
    EXPECT_NE(broken.error().message.find("broken.json: not valid JSON"), std::string::npos) << broken.error().message;

    // A subtype naming an unknown family.
    std::ifstream in(std::filesystem::path(TERRITOIRE_SOURCE_DATA_DIR) / "taxonomy.json");
    auto doc = nlohmann::json::parse(in);
    doc["subtypes"][3]["family"] = "heritag";
    auto bad_family = geo::Taxonomy::load(write("bad_family.json", doc.dump()));
    ASSERT_FALSE(bad_family);
    EXPECT_NE(bad_family.error().message.find("subtypes[3]: unknown family \"heritag\""), std::string::npos)
        << bad_family.error().message;

    std::ifstream in2(std::filesystem::path(TERRITOIRE_SOURCE_DATA_DIR) / "taxonomy.json");
    auto doc2 = nlohmann::json::parse(in2);
    doc2["osm_rules"][5]["subtype"] = "palace_of_wonders";
    auto bad_rule = geo::Taxonomy::load(write("bad_rule.json", doc2.dump()));
    ASSERT_FALSE(bad_rule);
    EXPECT_NE(bad_rule.error().message.find("osm_rules[5]: unknown subtype \"palace_of_wonders\""), std::string::npos)
        << bad_rule.error().message;
}
