#pragma once
// Colours of the map, shared by the GL layers and the ImGui legend.
// Families and the perimeter take the house colours of
// geo/core/family_colours.hpp. Plain constants: thread-safe, no GL.
// Failures: none; ramp_colour() clamps t to [0, 1] but does not check its preconditions (at least two
//   stops, t not NaN).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <span>

#include "geo/core/family_colours.hpp"
#include "geo/core/offer.hpp"

namespace app::gui {

struct Rgba8 {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    friend bool operator==(const Rgba8&, const Rgba8&) = default;
};

// ImGui's packed colour (IM_COL32 layout: R in the low byte).
inline constexpr std::uint32_t packed(Rgba8 c) {
    return static_cast<std::uint32_t>(c.r) | (static_cast<std::uint32_t>(c.g) << 8) |
           (static_cast<std::uint32_t>(c.b) << 16) | (static_cast<std::uint32_t>(c.a) << 24);
}
inline constexpr Rgba8 with_alpha(Rgba8 c, std::uint8_t a) {
    return {c.r, c.g, c.b, a};
}
// Multiplies r, g, b by `f` in [0, 1]: a darker shade for outlines.
inline constexpr Rgba8 darker(Rgba8 c, float f) {
    return {static_cast<std::uint8_t>(c.r * f), static_cast<std::uint8_t>(c.g * f), static_cast<std::uint8_t>(c.b * f),
            c.a};
}

// geo/core/family_colours.hpp, opaque.
inline constexpr Rgba8 opaque(geo::Rgb8 c) {
    return {c.r, c.g, c.b, 255};
}
inline constexpr std::array<Rgba8, geo::kFamilyCount> kFamilyColours = {{
    opaque(geo::kFamilyRgb[0]),
    opaque(geo::kFamilyRgb[1]),
    opaque(geo::kFamilyRgb[2]),
    opaque(geo::kFamilyRgb[3]),
    opaque(geo::kFamilyRgb[4]),
    opaque(geo::kFamilyRgb[5]),
    opaque(geo::kFamilyRgb[6]),
    opaque(geo::kFamilyRgb[7]),
}};

inline constexpr Rgba8 family_colour(geo::Family f) {
    return kFamilyColours[static_cast<std::size_t>(f)];
}

inline constexpr Rgba8 kMapBackground{236, 241, 244, 255};  // calm light blue-grey
inline constexpr Rgba8 kPerimeterColour = opaque(geo::kPerimeterRgb);
inline constexpr Rgba8 kContextFill{251, 250, 246, 255};
inline constexpr Rgba8 kContextOutline{176, 170, 158, 255};
inline constexpr Rgba8 kContextLine{98, 160, 210, 255};  // rivers
inline constexpr Rgba8 kSelectionRing{20, 20, 20, 255};
inline constexpr Rgba8 kGapZoneOutline{60, 20, 30, 230};  // gap zones, over the score colours

// The colour at t in [0, 1] along `stops` (at least two), linear between them.
inline Rgba8 ramp_colour(std::span<const Rgba8> stops, double t) {
    t = std::clamp(t, 0.0, 1.0) * static_cast<double>(stops.size() - 1);
    const auto i = std::min(static_cast<std::size_t>(t), stops.size() - 2);
    const double f = t - static_cast<double>(i);
    const Rgba8 a = stops[i], b = stops[i + 1];
    const auto mix = [f](std::uint8_t x, std::uint8_t y) {
        return static_cast<std::uint8_t>(std::lround(x + (y - x) * f));
    };
    return {mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b), mix(a.a, b.a)};
}

// Sequential ramp for the density surface (viridis, light end transparent).
inline constexpr std::array<Rgba8, 6> kDensityRamp = {{
    {253, 231, 37, 40},
    {122, 209, 81, 110},
    {34, 168, 132, 150},
    {42, 120, 142, 180},
    {65, 68, 135, 200},
    {68, 1, 84, 220},
}};

}  // namespace app::gui
