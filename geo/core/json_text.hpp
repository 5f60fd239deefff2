#pragma once
// JSON text that comes from outside (feeds, audience files, GDAL fields,
// catalogues): parsed with a nesting limit, and values shown in messages cut
// to a bounded length, so that a hostile file (40,000 nested arrays, a 10 MB
// string) yields a short message instead of a crash or a 10 MB line.
// Pure functions; thread-safe; nothing here recurses over the input's depth.
#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "geo/core/error.hpp"

namespace geo {

// Deepest nesting of arrays and objects accepted in any JSON input.
inline constexpr int kMaxJsonDepth = 64;
// Longest excerpt of a bad value quoted in a message, in bytes.
inline constexpr std::size_t kMaxExcerptBytes = 80;

// The deepest nesting of [ and { in `text` (strings skipped), stopping as soon
// as it exceeds `limit` (then returns limit + 1). Linear, no allocation.
int json_depth(std::string_view text, int limit = kMaxJsonDepth);

// Parses `text`. Fails with "<where>: nesting deeper than 64 levels" or
// "<where>: not valid JSON (…, at byte N)" (also for a number beyond a double,
// "1e999", which nlohmann reports as out_of_range: never thrown from here).
Result<nlohmann::json> parse_json(std::string_view text, const std::string& where, int max_depth = kMaxJsonDepth);

// At most `max_bytes` of v's compact JSON text, ending in "…" when cut.
// Iterative: stops writing as soon as the budget is spent.
std::string json_excerpt(const nlohmann::json& v, std::size_t max_bytes = kMaxExcerptBytes);

// `s` cut to at most `max_bytes` (on a UTF-8 character boundary), "…" when cut.
std::string text_excerpt(std::string_view s, std::size_t max_bytes = kMaxExcerptBytes);

}  // namespace geo
