#pragma once
// How each kind of geometry looks on the map: territory levels, perimeter
// levels, context layers. Shared by the mesh builders and the legend.
// Plain functions of their arguments: thread-safe, no GL.
// Failures: none (constant tables; a territory level out of range gets an empty style).
#include <cstddef>

#include "app/gui/render/palette.hpp"
#include "app/gui/render/polygon_mesh.hpp"
#include "geo/core/offer.hpp"
#include "geo/io/context_layer.hpp"

namespace app::gui {

struct AreaStyle {
    Rgba8 fill{0, 0, 0, 0};  // alpha 0: outline only
    Rgba8 outline;
    LineStyle line;
};

inline AreaStyle territory_style(geo::TerritoryLevel level) {
    switch (level) {
        case geo::TerritoryLevel::commune:
            return {{0, 0, 0, 0}, {120, 120, 120, 200}, {0.8f}};
        case geo::TerritoryLevel::epci:
            return {{0, 0, 0, 0}, {95, 95, 95, 220}, {1.2f}};
        case geo::TerritoryLevel::departement:
            return {{0, 0, 0, 0}, {60, 60, 60, 235}, {1.8f}};
        case geo::TerritoryLevel::region:
            return {{0, 0, 0, 0}, {40, 40, 40, 240}, {2.4f}};
        case geo::TerritoryLevel::destination:
            return {with_alpha(kPerimeterColour, 20), kPerimeterColour, {2.5f}};
        case geo::TerritoryLevel::competitor:
            return {{178, 24, 43, 14}, {178, 24, 43, 230}, {2.0f, 8.0f, 5.0f}};
        case geo::TerritoryLevel::reference:
            return {{27, 120, 55, 22}, {27, 120, 55, 220}, {1.8f, 3.0f, 3.0f}};
    }
    return {};
}

// A perimeter level: nested fills add up, so each level is a little more
// opaque than the one around it; the main level (the one chosen) has a bold
// solid outline, the levels around it a thin dashed one.
inline AreaStyle perimeter_style(bool main) {
    return {with_alpha(kPerimeterColour, 42),
            with_alpha(kPerimeterColour, main ? 255 : 200),
            {main ? 2.5f : 1.5f, main ? 0.0f : 6.0f, main ? 0.0f : 4.0f}};
}

// A context layer by its theme (geo::context_theme_for): water in blue,
// roads warm, boundaries as dashed grey outlines, green areas.
inline AreaStyle context_polygon_style(geo::ContextTheme theme = geo::ContextTheme::generic) {
    switch (theme) {
        case geo::ContextTheme::water:
            return {{190, 218, 235, 255}, {120, 172, 214, 255}, {0.8f}};
        case geo::ContextTheme::boundaries:
            return {kContextFill, {120, 116, 128, 230}, {1.2f, 6.0f, 3.0f}};  // land lighter than the sea
        case geo::ContextTheme::green:
            return {{205, 230, 190, 200}, {140, 180, 120, 255}, {0.8f}};
        case geo::ContextTheme::roads:
        case geo::ContextTheme::generic:
            break;
    }
    return {kContextFill, kContextOutline, {0.8f}};
}
inline Rgba8 context_line_colour(geo::ContextTheme theme = geo::ContextTheme::generic) {
    switch (theme) {
        case geo::ContextTheme::roads:
            return {214, 140, 70, 255};
        case geo::ContextTheme::boundaries:
            return {120, 116, 128, 230};
        case geo::ContextTheme::green:
            return {110, 160, 90, 255};
        case geo::ContextTheme::water:
        case geo::ContextTheme::generic:
            break;
    }
    return kContextLine;  // rivers: the first context layers were Natural Earth's
}
inline LineStyle context_line_style(geo::ContextTheme theme = geo::ContextTheme::generic) {
    return theme == geo::ContextTheme::boundaries ? LineStyle{1.2f, 6.0f, 3.0f} : LineStyle{1.3f};
}

}  // namespace app::gui
