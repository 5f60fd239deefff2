#pragma once
// Text from files that are not guaranteed to be UTF-8 (CSV and DBF written by
// spreadsheet tools in Windows-1252, the usual case for French data).
// Pure functions, thread-safe.
// Failures: none; invalid input bytes are recoded (cp1252) or replaced.
#include <string>
#include <string_view>

namespace geo {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view text);

// Reads `text` as Windows-1252 (a superset of ISO-8859-1 for printable
// characters) and returns it in UTF-8. Undefined CP1252 bytes become U+FFFD.
std::string cp1252_to_utf8(std::string_view text);

// `text` itself when valid UTF-8, else its Windows-1252 reading; `recoded`
// tells which happened.
std::string to_utf8(std::string_view text, bool& recoded);

}  // namespace geo
