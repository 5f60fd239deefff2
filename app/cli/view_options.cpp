#include "app/cli/view_options.hpp"

#include <charconv>

#include "geo/core/box_text.hpp"

namespace app::cli {
geo::Result<geo::LonLatBox> parse_bbox(const std::string& text) {
    auto box = geo::parse_lonlat_box(text);
    if (!box) return geo::fail("--" + box.error().message);
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
