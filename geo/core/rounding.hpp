#pragma once
// Rounding a value for output (JSON, CSV, project files, slider values), so
// that what is written reads as the number meant: 0.98, not
// 0.9800000190734863 (a float widened to double) or 6149.200000000001 (a
// multiplication by a rounded step).
// round_to_decimals(v, d): the double nearest to v rounded half away from
//   zero at d decimals (d in [0, 15]), found by one division by the exact
//   power of ten, so its shortest decimal form has at most d decimals.
//   Non-finite values come back unchanged; values too large to carry d
//   decimals (|v| · 10^d ≥ 2^53) come back unchanged too.
// rounded_json_object(map, d): a JSON object of the map's values, each
//   rounded so (audience and project weights, multipliers).
// Threads: pure. Failures: none (d outside [0, 15] is clamped).
#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace geo {

// Decimals of weights, multipliers, levels and opacities in audience and
// project files: a slider's float widened to double reads 0.98, not
// 0.9800000190734863.
inline constexpr int kWrittenWeightDecimals = 4;

double round_to_decimals(double v, int decimals);
nlohmann::json rounded_json_object(const std::map<std::string, double>& values, int decimals);

}  // namespace geo
