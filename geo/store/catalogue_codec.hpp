#pragma once
// Internal to geo/store: how catalogue columns encode lists.
// Threads: pure functions, safe on any thread.
// Failures: none reported. Encoding replaces invalid UTF-8 with U+FFFD;
//   decoding gives an empty list for malformed text or nesting deeper than
//   kMaxJsonDepth (geo/core/json_text.hpp) and skips non-string entries.
//   Nothing is thrown (JSON is parsed with exceptions off).
#include <string>
#include <string_view>
#include <vector>

namespace geo::store {

// ["a","b"] as compact JSON text; parsing accepts any JSON array of strings
// (non-string entries are ignored, malformed text gives an empty list).
std::string encode_string_list(const std::vector<std::string>& values);
std::vector<std::string> decode_string_list(std::string_view json_text);

}  // namespace geo::store
