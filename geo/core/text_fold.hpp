#pragma once
// One text fold for search and matching, the same everywhere: lower case,
// French (and other Latin-1 / Latin Extended-A) accents removed, ligatures
// spelt out, and hyphens, apostrophes (' and ’) and runs of spaces made one
// space, so that "Azay le Rideau", "AZAY-LE-RIDEAU" and "Azay-le-Rideau"
// fold alike, and "Île-Bouchard" folds to "ile bouchard".
//   "Château d’Amboise" → "chateau d amboise"   "Œuvre" → "oeuvre"
// Other characters (digits, other scripts) are kept as they are; invalid
// UTF-8 bytes are kept too (never thrown away silently into a match).
// Beside it, the ASCII case helpers for keywords, file extensions, codes
// and identifiers (bytes >= 0x80 are compared as they are), so that no
// file writes its own.
// Pure; thread-safe. No failure mode.
#include <string>
#include <string_view>

namespace geo {

std::string fold_text(std::string_view utf8);

std::string ascii_lower(std::string_view text);
std::string ascii_upper(std::string_view text);
bool ascii_iequals(std::string_view a, std::string_view b);
bool ascii_istarts_with(std::string_view text, std::string_view prefix);
bool ascii_iends_with(std::string_view text, std::string_view suffix);
// The extension of a path's file name, lower case, with its dot: ".geojson";
// empty when there is none.
std::string lower_extension(std::string_view path);

}  // namespace geo
