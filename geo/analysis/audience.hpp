#pragma once
// Audiences (cibles): a market segment with a weight per family (0–1), label
// and theme multipliers, a season (months) and a priority rank. The weight of
// an offer item for an audience is
//   family weight × Π label multipliers × Π theme multipliers × season factor
// where the season factor is the share of the audience's season months in
// which the item is open (1 when either is unknown / all year).
// Pure functions; Audience is a plain value, safe to copy between threads.
#include <array>
#include <map>
#include <string>
#include <vector>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"

namespace geo {

struct Audience {
    std::string id;  // short id, e.g. "patrimoine"
    std::string name_fr;
    std::string name_en;
    std::string description_fr;
    std::string description_en;
    int priority = 0;  // 1 = the office's first market
    std::array<double, kFamilyCount> family_weights{};  // by Family index, each in [0, 1]
    std::map<std::string, double> label_multipliers;    // label id → factor > 0
    std::map<std::string, double> theme_multipliers;    // normalised theme → factor > 0
    MonthMask season = 0;                               // 0: all year

    [[nodiscard]] double family_weight(Family f) const {
        return family_weights[static_cast<size_t>(f)];
    }
};

// "kb:BicycleTouring" → "bicycletouring": lower case, prefix and
// non-alphanumerics dropped, so DATAtourisme, OSM and free themes compare.
std::string normalise_theme(const std::string& theme);

// Season factor in [0, 1] (see the header comment).
double season_factor(MonthMask item_open, MonthMask audience_season);

// Weight of one item for an audience (≥ 0; 0 means the item does not count).
double item_weight(const Audience& audience, const OfferItem& item);
std::vector<double> item_weights(const Audience& audience, const std::vector<OfferItem>& items);

// Parses one audience object (the format of data/audiences.json entries).
// `origin` names the file or record in error messages. Validates ranges:
// weights in [0, 1], multipliers finite and > 0, months 1–12, unknown
// families and labels-as-numbers rejected.
Result<Audience> audience_from_json(const std::string& json_text, const std::string& origin);
std::string audience_to_json(const Audience& audience);

}  // namespace geo
