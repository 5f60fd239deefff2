#pragma once
// How the panels name a loaded territory: its spec as the Comparaison tab
// keeps it ("departement:37", what `territoire compare` accepts) and its
// label for the user ("Indre-et-Loire (Département 37)", in the language).
// Main thread (reads language()); no failure mode.
#include <string>
#include <vector>

#include "geo/core/offer.hpp"

namespace app::gui {

std::string territory_spec(const geo::Territory& t);
std::string territory_label(const geo::Territory& t);
// The label of the territory whose spec is `spec`, or `spec` as typed
// (producer:…, offer:…) when none of `territories` has it.
std::string territory_label(const std::vector<geo::Territory>& territories, const std::string& spec);

}  // namespace app::gui
