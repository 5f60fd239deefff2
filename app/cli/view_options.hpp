#pragma once
// Parsing of the map-view options shared by `territoire gui` and
// `territoire render`: --bbox W,S,E,N (degrees) and --size WIDTHxHEIGHT.
// Failure: the message quotes the bad value and says what was expected
// (parse_bbox: geo::parse_lonlat_box's message, prefixed with "--"); sizes
// outside 16..8192 px are refused. Nothing is thrown.
// Threads: pure functions, safe on any thread.
#include <string>
#include <utility>

#include "geo/core/coords.hpp"
#include "geo/core/error.hpp"

namespace app::cli {

geo::Result<geo::LonLatBox> parse_bbox(const std::string& text);
geo::Result<std::pair<int, int>> parse_size(const std::string& text);

}  // namespace app::cli
