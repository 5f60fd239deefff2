#pragma once
// Audiences (cibles): a market segment with a weight per family (0–1) and per
// subtype (0–1, finer: wine lovers weigh wine_cellar 1.0 and restaurant 0.2
// inside one "gastronomy" family), label and theme multipliers, a season
// (months), a priority rank, and which offer is an attraction or support.
// The weight of an offer item for an audience is
//   base × Π label multipliers × Π theme multipliers × season factor
// where base is the largest subtype weight among the item's subtypes that
// the audience names, else its family weight, and the season factor is the
// share of the audience's season months in which the item is open (1 when
// either is unknown / all year).
// Roles: attractions shape the destination perimeter; support (by default
// the accommodation and services families) is counted inside it and used by
// gaps and benchmark but does not shape it, unless support_shapes_perimeter.
// An item's role: a subtype listed in `attractions`, else a subtype listed in
// `support`, else its family in `attractions`, else its family in `support`,
// else the default role of its family.
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
    int priority = 0;                                   // 1 = the office's first market
    std::array<double, kFamilyCount> family_weights{};  // by Family index, each in [0, 1]
    std::map<std::string, double> label_multipliers;    // label id → factor > 0
    std::map<std::string, double> theme_multipliers;    // normalised theme → factor > 0
    MonthMask season = 0;                               // 0: all year
    std::map<std::string, double> subtype_weights;      // subtype id → weight in [0, 1]
    std::vector<std::string> attractions;               // family or subtype ids that are attractions
    std::vector<std::string> support;                   // family or subtype ids that are support
    bool support_shapes_perimeter = false;

    [[nodiscard]] double family_weight(Family f) const { return family_weights[static_cast<size_t>(f)]; }
    [[nodiscard]] bool operator==(const Audience&) const = default;
};

enum class OfferRole { attraction, support };

// The family's role when the audience says nothing: accommodation and
// services are support, every other family an attraction.
OfferRole default_role(Family f);
OfferRole item_role(const Audience& audience, const OfferItem& item);

// "kb:BicycleTouring" → "bicycletouring": lower case, prefix and
// non-alphanumerics dropped, so DATAtourisme, OSM and free themes compare.
std::string normalise_theme(const std::string& theme);

// Season factor in [0, 1] (see the header comment).
double season_factor(MonthMask item_open, MonthMask audience_season);

// Weight of one item for an audience (≥ 0; 0 means the item does not count).
double item_weight(const Audience& audience, const OfferItem& item);
std::vector<double> item_weights(const Audience& audience, const std::vector<OfferItem>& items);
// The weights that shape the perimeter: item_weight for attractions (and for
// support when support_shapes_perimeter), 0 for support.
std::vector<double> perimeter_weights(const Audience& audience, const std::vector<OfferItem>& items);

// Parses one audience object (the format of data/audiences.json entries).
// `origin` names the file or record in error messages. Validates ranges:
// weights in [0, 1], multipliers finite and > 0, months 1–12, unknown
// families and labels-as-numbers rejected; subtype_weights, attractions,
// support and support_shapes_perimeter are optional (older files load, with
// the default roles).
Result<Audience> audience_from_json(const std::string& json_text, const std::string& origin);
// The ids whose weight differs from `preset` (families and subtypes), for the
// "modified" mark; empty when they are the same audience.
std::vector<std::string> modified_weights(const Audience& audience, const Audience& preset);
std::string audience_to_json(const Audience& audience);

}  // namespace geo
