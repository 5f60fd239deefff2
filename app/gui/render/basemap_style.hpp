#pragma once
// How an OpenStreetMap basemap looks, class by class (a light, quiet
// background under the offer: pale areas, white roads with a grey casing,
// warmer and wider as the class rises, dashed grey railways, blue water).
// Shared by the GL meshes, the printed map (app/print) and the legends.
// Plain constexpr functions: thread-safe, no GL.
// Failures: none (constant tables); a class without an area or line style gets transparent colours.
#include "app/gui/render/palette.hpp"
#include "app/gui/render/polygon_mesh.hpp"
#include "geo/io/osm_basemap.hpp"

namespace app::gui {

struct BasemapLineStyle {
    Rgba8 colour;
    LineStyle line;
    Rgba8 casing{0, 0, 0, 0};  // alpha 0: none; drawn under, 1.6 px wider
};

inline constexpr Rgba8 basemap_area_colour(geo::BasemapClass c) {
    switch (c) {
        case geo::BasemapClass::water:
            return {170, 211, 223, 255};
        case geo::BasemapClass::forest:
            return {178, 212, 164, 255};
        case geo::BasemapClass::park:
            return {205, 235, 190, 255};
        case geo::BasemapClass::built_up:
            return {226, 222, 216, 255};
        default:
            return {0, 0, 0, 0};
    }
}

inline constexpr BasemapLineStyle basemap_line_style(geo::BasemapClass c) {
    constexpr Rgba8 grey_casing{165, 160, 152, 255};
    switch (c) {
        case geo::BasemapClass::motorway:
            return {{232, 146, 162, 255}, {4.5f}, {176, 92, 110, 255}};
        case geo::BasemapClass::trunk:
            return {{249, 178, 156, 255}, {4.0f}, {182, 110, 90, 255}};
        case geo::BasemapClass::primary:
            return {{252, 214, 164, 255}, {3.6f}, {172, 128, 72, 255}};
        case geo::BasemapClass::secondary:
            return {{247, 250, 191, 255}, {3.0f}, {150, 150, 100, 255}};
        case geo::BasemapClass::tertiary:
            return {{255, 255, 255, 255}, {2.6f}, grey_casing};
        case geo::BasemapClass::minor:
            return {{255, 255, 255, 255}, {1.8f}, grey_casing};
        case geo::BasemapClass::railway:
            return {{112, 112, 112, 255}, {1.6f, 7.0f, 3.0f}};
        case geo::BasemapClass::river:
            return {{120, 172, 214, 255}, {2.2f}};
        default:
            return {{0, 0, 0, 0}, {1.0f}};
    }
}

// Drawing order of the line classes, bottom first.
inline constexpr geo::BasemapClass kBasemapLineOrder[] = {
    geo::BasemapClass::river,     geo::BasemapClass::railway, geo::BasemapClass::minor, geo::BasemapClass::tertiary,
    geo::BasemapClass::secondary, geo::BasemapClass::primary, geo::BasemapClass::trunk, geo::BasemapClass::motorway};
inline constexpr geo::BasemapClass kBasemapAreaOrder[] = {geo::BasemapClass::built_up, geo::BasemapClass::forest,
                                                          geo::BasemapClass::park, geo::BasemapClass::water};

}  // namespace app::gui
