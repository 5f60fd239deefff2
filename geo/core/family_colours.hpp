#pragma once
// The house colours of the offer families and of the destination perimeter,
// shared by the screen map (app/gui/render/palette.hpp) and the documents
// drawn without a window (the destination report's SVG and PDF maps).
// Families use the Okabe-Ito palette (distinguishable with the common forms
// of colour blindness); black is replaced by a dark grey so it reads as a
// colour on a light map. Plain constants: thread-safe, cannot fail.
#include <array>
#include <cstdint>

#include "geo/core/offer.hpp"

namespace geo {

struct Rgb8 {
    std::uint8_t r = 0, g = 0, b = 0;
    friend bool operator==(const Rgb8&, const Rgb8&) = default;
};

inline constexpr std::array<Rgb8, kFamilyCount> kFamilyRgb = {{
    {213, 94, 0},     // heritage: vermillion
    {0, 158, 115},    // nature: bluish green
    {204, 121, 167},  // gastronomy & wine: reddish purple
    {0, 114, 178},    // outdoor & mountain: blue
    {230, 159, 0},    // family leisure: orange
    {240, 228, 66},   // events & culture: yellow
    {86, 180, 233},   // accommodation: sky blue
    {90, 90, 90},     // services & information: dark grey
}};

inline constexpr Rgb8 family_rgb(Family f) {
    return kFamilyRgb[static_cast<std::size_t>(f)];
}

inline constexpr Rgb8 kPerimeterRgb{94, 60, 153};  // indigo, not a family hue

}  // namespace geo
