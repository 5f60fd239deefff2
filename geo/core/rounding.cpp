#include "geo/core/rounding.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace geo {

double round_to_decimals(double v, int decimals) {
    static constexpr std::array<double, 16> kPowers = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                       1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    if (!std::isfinite(v)) return v;
    const double scale = kPowers[static_cast<std::size_t>(std::clamp(decimals, 0, 15))];
    const double scaled = v * scale;
    if (std::abs(scaled) >= 9007199254740992.0) return v;  // 2^53: already an integer at this scale
    return std::round(scaled) / scale;
}

nlohmann::json rounded_json_object(const std::map<std::string, double>& values, int decimals) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, v] : values) out[key] = round_to_decimals(v, decimals);
    return out;
}

}  // namespace geo
