#include "app/cli/view_options.hpp"

#include <charconv>
#include <vector>

namespace app::cli {
namespace {

bool parse_double(std::string_view s, double& out) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

geo::Result<geo::LonLatBox> parse_bbox(const std::string& text) {
    std::vector<double> v;
    std::string_view rest = text;
    while (true) {
        const auto comma = rest.find(',');
        double d = 0;
        if (!parse_double(rest.substr(0, comma), d))
            return geo::fail("--bbox \"" + text + "\": expected four numbers W,S,E,N in degrees");
        v.push_back(d);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    if (v.size() != 4) return geo::fail("--bbox \"" + text + "\": expected four numbers W,S,E,N, got " +
                                        std::to_string(v.size()));
    const geo::LonLatBox box{v[0], v[1], v[2], v[3]};
    if (!geo::is_valid_lonlat({box.west_deg, box.south_deg}) ||
        !geo::is_valid_lonlat({box.east_deg, box.north_deg}) || box.west_deg >= box.east_deg ||
        box.south_deg >= box.north_deg)
        return geo::fail("--bbox \"" + text +
                         "\": expected W < E within [-180, 180] and S < N within [-90, 90]");
    return box;
}

geo::Result<std::pair<int, int>> parse_size(const std::string& text) {
    const auto x = text.find('x');
    int w = 0, h = 0;
    if (x != std::string::npos) {
        const auto r1 = std::from_chars(text.data(), text.data() + x, w);
        const auto r2 = std::from_chars(text.data() + x + 1, text.data() + text.size(), h);
        if (r1.ec == std::errc() && r1.ptr == text.data() + x && r2.ec == std::errc() &&
            r2.ptr == text.data() + text.size() && w >= 16 && h >= 16 && w <= 8192 && h <= 8192)
            return std::pair{w, h};
    }
    return geo::fail("--size \"" + text + "\": expected WIDTHxHEIGHT in pixels, each 16..8192 (e.g. 1600x900)");
}

}  // namespace app::cli
