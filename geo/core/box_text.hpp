#pragma once
// A lon/lat box written "W,S,E,N" in degrees (the order of --bbox options and
// of GeoJSON's bbox member), e.g. "0.05,46.7,1.37,47.71". Spaces around the
// numbers are allowed. Failures name the text and the rule broken: not four
// finite numbers, outside WGS 84 ([-180, 180] × [-90, 90]), or not
// west < east and south < north (boxes across the antimeridian are not
// supported). Pure, thread-safe.
#include <string_view>

#include "geo/core/coords.hpp"
#include "geo/core/error.hpp"

namespace geo {

Result<LonLatBox> parse_lonlat_box(std::string_view text);

}  // namespace geo
