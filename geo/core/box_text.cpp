#include "geo/core/box_text.hpp"

#include <charconv>
#include <cmath>
#include <string>

#include <fmt/format.h>

namespace geo {
namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

bool parse_number(std::string_view s, double& out) {
    s = trimmed(s);
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return !s.empty() && ec == std::errc() && ptr == s.data() + s.size() && std::isfinite(out);
}

}  // namespace

Result<LonLatBox> parse_lonlat_box(std::string_view text) {
    double v[4] = {};
    std::string_view rest = text;
    for (int i = 0; i < 4; ++i) {
        const auto comma = rest.find(',');
        const bool last = i == 3;
        if ((comma == std::string_view::npos) != last || !parse_number(rest.substr(0, comma), v[i]))
            return fail_fmt("bbox \"{}\": expected four numbers W,S,E,N in degrees, e.g. 0.05,46.7,1.37,47.71", text);
        if (!last) rest.remove_prefix(comma + 1);
    }
    const LonLatBox box{v[0], v[1], v[2], v[3]};
    if (!is_valid_lonlat({box.west_deg, box.south_deg}) || !is_valid_lonlat({box.east_deg, box.north_deg}))
        return fail_fmt("bbox \"{}\": outside WGS 84 (longitudes in [-180, 180], latitudes in [-90, 90])", text);
    if (box.west_deg >= box.east_deg || box.south_deg >= box.north_deg)
        return fail_fmt("bbox \"{}\": expected west < east and south < north (order W,S,E,N)", text);
    return box;
}

}  // namespace geo
