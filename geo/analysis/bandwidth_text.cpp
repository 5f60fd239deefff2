// The names of the bandwidth selectors and the text of --bandwidth.
#include "geo/analysis/bandwidth.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace geo {

std::string_view bandwidth_selector_id(BandwidthSelector s) {
    switch (s) {
        case BandwidthSelector::plugin:
            return "plugin";
        case BandwidthSelector::scott:
            return "scott";
        case BandwidthSelector::adaptive:
            return "adaptive";
        case BandwidthSelector::diagonal:
            return "diagonal";
        case BandwidthSelector::fixed:
            return "fixed";
    }
    return "plugin";
}

Result<BandwidthChoice> bandwidth_choice_from_text(std::string_view text) {
    for (BandwidthSelector s : {BandwidthSelector::plugin, BandwidthSelector::diagonal, BandwidthSelector::scott,
                                BandwidthSelector::adaptive})
        if (text == bandwidth_selector_id(s)) return BandwidthChoice{s, 0.0};
    std::string_view number = text;
    if (number.size() > 1 && number.back() == 'm') number.remove_suffix(1);
    double v = 0.0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), v);
    if (ec != std::errc() || end != number.data() + number.size() || !std::isfinite(v) || v <= 0.0)
        return fail_fmt("bandwidth \"{}\": expected plugin, diagonal, scott, adaptive or a positive number of metres",
                        text);
    return BandwidthChoice{BandwidthSelector::fixed, v};
}

std::string bandwidth_choice_text(const BandwidthChoice& choice) {
    if (choice.selector == BandwidthSelector::fixed) return fmt::format("{:g}", choice.fixed_m);
    return std::string(bandwidth_selector_id(choice.selector));
}

}  // namespace geo
