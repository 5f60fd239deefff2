#include "app/gui/render/map_meshes.hpp"

#include "app/gui/render/map_style.hpp"

namespace app::gui {
namespace {

Mercator centre_of(const geo::LonLatBox& box) {
    if (box.empty()) return {};
    const Mercator lo = mercator_from_lonlat({box.west_deg, box.south_deg});
    const Mercator hi = mercator_from_lonlat({box.east_deg, box.north_deg});
    return {(lo.x_m + hi.x_m) / 2.0, (lo.y_m + hi.y_m) / 2.0};
}

}  // namespace

TerritoryMesh build_territory_mesh(const std::vector<geo::Territory>& territories) {
    geo::LonLatBox box;
    for (const auto& t : territories) box.extend(t.geometry.bounds());
    MeshBuilder builder(centre_of(box));
    TerritoryMesh out;
    // Finer levels first, so that département and region outlines cover them.
    for (int level = static_cast<int>(geo::TerritoryLevel::reference); level >= 0; --level) {
        for (const auto& t : territories) {
            if (static_cast<int>(t.level) != level) continue;
            const AreaStyle style = territory_style(t.level);
            if (style.fill.a > 0)
                if (auto ok = builder.add_fill(t.geometry, style.fill); !ok)
                    out.errors.push_back("territory " + t.name + ": " + ok.error().message);
        }
    }
    static constexpr geo::TerritoryLevel kOutlineOrder[] = {
        geo::TerritoryLevel::commune,     geo::TerritoryLevel::epci,
        geo::TerritoryLevel::departement, geo::TerritoryLevel::region,
        geo::TerritoryLevel::reference,   geo::TerritoryLevel::competitor,
        geo::TerritoryLevel::destination};
    for (const auto level : kOutlineOrder) {
        const AreaStyle style = territory_style(level);
        for (const auto& t : territories) {
            if (t.level != level) continue;
            builder.add_outline(t.geometry, style.outline, style.line);
            if (auto at = label_point(t.geometry)) out.labels.push_back({*at, t.name, t.level});
        }
    }
    out.mesh = builder.take();
    return out;
}

PolygonMesh build_perimeter_mesh(const std::vector<PerimeterLevel>& levels) {
    geo::LonLatBox box;
    for (const auto& l : levels) box.extend(l.geometry.bounds());
    MeshBuilder builder(centre_of(box));
    for (std::size_t i = 0; i < levels.size(); ++i)
        (void)builder.add_fill(levels[i].geometry, perimeter_style(i, levels.size()).fill);
    for (std::size_t i = 0; i < levels.size(); ++i) {
        const AreaStyle style = perimeter_style(i, levels.size());
        builder.add_outline(levels[i].geometry, style.outline, style.line);
    }
    return builder.take();
}

PolygonMesh build_context_mesh(const ContextGeometry& geometry) {
    geo::LonLatBox box = geometry.polygons.bounds();
    for (const auto& line : geometry.lines)
        for (const auto& p : line) box.extend(p);
    MeshBuilder builder(centre_of(box));
    const AreaStyle poly = context_polygon_style();
    (void)builder.add_fill(geometry.polygons, poly.fill);
    builder.add_outline(geometry.polygons, poly.outline, poly.line);
    for (const auto& line : geometry.lines) builder.add_line(line, kContextLine, context_line_style());
    return builder.take();
}

bool label_shown_at(geo::TerritoryLevel level, double zoom) {
    switch (level) {
        case geo::TerritoryLevel::commune: return zoom >= 10.5;
        case geo::TerritoryLevel::epci: return zoom >= 9.0 && zoom < 12.0;
        case geo::TerritoryLevel::departement: return zoom >= 6.5 && zoom < 10.5;
        case geo::TerritoryLevel::region: return zoom >= 4.5 && zoom < 8.0;
        default: return zoom >= 6.0;
    }
}

}  // namespace app::gui
