#pragma once
// Real-data fixture of the perimeter tests (../shared/data, see SOURCES.md):
// the DATAtourisme Touraine sample as offer items, the communes and
// départements of Indre-et-Loire (37) and Loir-et-Cher (41), and the
// Loire-Anjou-Touraine PNR as a reference territory; and a catalogue holding
// them. Call only after REQUIRE_SHARED_DATA(). Results are read once per
// process and cached.
//
// Until the DATAtourisme importer is on main, the items are read minimally
// here: name, position, family from @type (a short rule list that agrees with
// data/taxonomy.json on 1,394 of the 1,399 objects), labels and themes.
#include <filesystem>
#include <string>
#include <vector>

#include "geo/core/offer.hpp"

namespace test {

const std::vector<geo::OfferItem>& loire_items();
const std::vector<geo::Territory>& loire_territories();  // communes, départements, PNR

// Creates (or refills) a catalogue with loire_items() and loire_territories().
void make_loire_catalogue(const std::filesystem::path& path);

struct Landmark {
    std::string name;
    geo::LonLat position;  // read from the sample object named in SOURCES.md
};
// Chambord, Chenonceau, Amboise, Blois, Villandry, Azay-le-Rideau, Cheverny.
const std::vector<Landmark>& loire_chateaux();

}  // namespace test
