#pragma once
// Opening months as written in source files, turned into a MonthMask
// (bit 0 = January … bit 11 = December, 0 = unknown / all year).
// Pure functions, thread-safe.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"

namespace geo {

// Month of year 1..12 from a number ("4"), an English or French name or
// abbreviation ("Apr", "april", "avril", "août"); nullopt when not a month.
std::optional<int> month_from_text(std::string_view text);

// A list of months or month ranges: {"4", "5"}, {"4-10"}, {"Nov-Feb"} (a range
// may wrap over the new year). Fails naming the first value that is not a month.
Result<MonthMask> parse_month_list(const std::vector<std::string>& values);

// Months of an OpenStreetMap opening_hours value when its rules start with
// month selectors ("Apr-Oct 10:00-18:00; Nov-Mar Sa,Su 14:00-17:00",
// "Jun 15-Sep 15"). Rules ending in "off"/"closed" are ignored. Returns 0
// (unknown, open all year) when any open rule has no month selector or the
// value cannot be read.
MonthMask months_from_opening_hours(std::string_view opening_hours);

}  // namespace geo
