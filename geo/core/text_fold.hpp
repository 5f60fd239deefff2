#pragma once
// One text fold for search and matching, the same everywhere: lower case,
// French (and other Latin-1 / Latin Extended-A) accents removed, ligatures
// spelt out, and hyphens, apostrophes (' and ’) and runs of spaces made one
// space, so that "Azay le Rideau", "AZAY-LE-RIDEAU" and "Azay-le-Rideau"
// fold alike, and "Île-Bouchard" folds to "ile bouchard".
//   "Château d’Amboise" → "chateau d amboise"   "Œuvre" → "oeuvre"
// Other characters (digits, other scripts) are kept as they are; invalid
// UTF-8 bytes are kept too (never thrown away silently into a match).
// Pure; thread-safe.
#include <string>
#include <string_view>

namespace geo {

std::string fold_text(std::string_view utf8);

}  // namespace geo
