#pragma once
// Fast text building blocks shared by the exporters (GeoJSON, CSV, WKT):
// coordinates in degrees with at most 7 decimals, JSON string literals and
// RFC 4180 CSV fields, all appended to a caller-owned std::string so that a
// writer can reuse one buffer for millions of values (no iostream).
// Units: degrees (WGS 84). Pure functions, thread-safe.
#include <string>
#include <string_view>

namespace geo {

// Decimals written for a coordinate: 1e-7 deg is about 1 cm on the ground.
inline constexpr int kExportDecimals = 7;

// deg rounded to kExportDecimals decimals, half away from zero. The result is
// the double nearest to that decimal, so that re-reading the text gives it back.
double round_degrees(double deg);

// Appends deg rounded to kExportDecimals decimals in its shortest form:
// "47.3941", "-0.5", "1". Precondition: finite, |deg| < 1e11.
void append_degrees(std::string& out, double deg);

// Appends an integer in decimal.
void append_integer(std::string& out, long long value);

// Appends s as a JSON string literal, quotes included: escapes '"', '\\' and
// control characters; invalid UTF-8 bytes become U+FFFD so the output is
// always valid UTF-8 JSON.
void append_json_string(std::string& out, std::string_view s);

// s with every invalid UTF-8 sequence replaced by U+FFFD.
std::string valid_utf8(std::string_view s);

// Appends s as one RFC 4180 field: quoted (inner quotes doubled) when it holds
// a comma, a quote, CR or LF; invalid UTF-8 becomes U+FFFD.
void append_csv_field(std::string& out, std::string_view s);

}  // namespace geo
