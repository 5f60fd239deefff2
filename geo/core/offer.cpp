#include "geo/core/offer.hpp"

namespace geo {
namespace {
struct FamilyNames {
    Family family;
    std::string_view id, fr, en;
};
constexpr std::array<FamilyNames, kFamilyCount> kFamilyNames = {{
    {Family::heritage, "heritage", "Patrimoine", "Heritage"},
    {Family::nature, "nature", "Nature et écotourisme", "Nature & ecotourism"},
    {Family::gastronomy, "gastronomy", "Gastronomie et vin", "Gastronomy & wine"},
    {Family::outdoor, "outdoor", "Plein air et montagne", "Outdoor & mountain"},
    {Family::family_leisure, "family_leisure", "Loisirs en famille", "Family leisure"},
    {Family::events_culture, "events_culture", "Événements et culture", "Events & culture"},
    {Family::accommodation, "accommodation", "Hébergement", "Accommodation"},
    {Family::services, "services", "Services et information", "Services & information"},
}};
constexpr std::array<std::string_view, 7> kLevelIds = {"commune",     "epci",       "departement", "region",
                                                       "destination", "competitor", "reference"};
}  // namespace

std::string_view family_id(Family f) {
    return kFamilyNames[static_cast<int>(f)].id;
}
std::string_view family_name_fr(Family f) {
    return kFamilyNames[static_cast<int>(f)].fr;
}
std::string_view family_name_en(Family f) {
    return kFamilyNames[static_cast<int>(f)].en;
}

std::optional<Family> family_from_id(std::string_view id) {
    for (const auto& f : kFamilyNames)
        if (f.id == id) return f.family;
    return std::nullopt;
}

std::string_view territory_level_id(TerritoryLevel level) {
    return kLevelIds[static_cast<int>(level)];
}

std::optional<TerritoryLevel> territory_level_from_id(std::string_view id) {
    for (size_t i = 0; i < kLevelIds.size(); ++i)
        if (kLevelIds[i] == id) return static_cast<TerritoryLevel>(i);
    return std::nullopt;
}

}  // namespace geo
