#pragma once
// Key normalisation shared by the taxonomy loader and its lookups (internal
// to geo/core): DATAtourisme class names, review ids, theme ids and free
// values are compared in these canonical forms. Pure functions, thread-safe.
// Failures: none: every input gives a key (possibly empty).
#include <string>
#include <string_view>

namespace geo::detail {

// "schema:Hotel", "http://schema.org/Hotel", "…/ontology/core#Hotel" → "Hotel".
// Other prefixed names ("olo:OrderedList") are kept whole.
std::string_view datatourisme_class_key(std::string_view type);

// "kb:LabelRating_BienvenueaLaFerme" → "bienvenuealaferme": without the
// "kb:" / URI and "LabelRating_" prefixes, lower-case ASCII letters and digits.
std::string datatourisme_label_key(std::string_view review_id);

// "kb:HotAirBalloon" → "hotairballoon".
std::string datatourisme_theme_key(std::string_view theme_id);

// Trimmed, lower-cased (ASCII and the Latin-1 range of UTF-8: "É" → "é").
std::string fold_case(std::string_view text);

}  // namespace geo::detail
