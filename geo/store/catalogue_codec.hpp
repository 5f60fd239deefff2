#pragma once
// Internal to geo/store: how catalogue columns encode lists and times.
#include <string>
#include <string_view>
#include <vector>

namespace geo::store {

// ["a","b"] as compact JSON text; parsing accepts any JSON array of strings
// (non-string entries are ignored, malformed text gives an empty list).
std::string encode_string_list(const std::vector<std::string>& values);
std::vector<std::string> decode_string_list(std::string_view json_text);

// Current UTC time as ISO 8601, e.g. "2026-11-26T11:02:31Z".
std::string utc_now_iso8601();

}  // namespace geo::store
