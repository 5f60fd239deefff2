#include "app/gui/render/map_meshes.hpp"

#include "app/gui/errors/error_text.hpp"
#include "app/gui/model/gap_view.hpp"
#include "app/gui/render/map_style.hpp"

#include <fmt/format.h>

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
    MeshBuilder communes(centre_of(box));
    TerritoryMesh out;
    // Finer levels first, so that département and region outlines cover them.
    for (int level = static_cast<int>(geo::TerritoryLevel::reference); level >= 0; --level) {
        for (const auto& t : territories) {
            if (static_cast<int>(t.level) != level) continue;
            const AreaStyle style = territory_style(t.level);
            if (style.fill.a > 0)
                if (auto ok = builder.add_fill(t.geometry, style.fill); !ok)
                    out.errors.push_back(error_text(ok.error().with_context_fmt("territory {}", t.name)));
        }
    }
    static constexpr geo::TerritoryLevel kOutlineOrder[] = {
        geo::TerritoryLevel::commune,    geo::TerritoryLevel::epci,      geo::TerritoryLevel::departement,
        geo::TerritoryLevel::region,     geo::TerritoryLevel::reference, geo::TerritoryLevel::competitor,
        geo::TerritoryLevel::destination};
    for (const auto level : kOutlineOrder) {
        const AreaStyle style = territory_style(level);
        std::vector<const geo::MultiPolygon*> polygons;
        for (const auto& t : territories) {
            if (t.level != level) continue;
            polygons.push_back(&t.geometry);
            if (auto at = label_point(t.geometry)) out.labels.push_back({*at, t.name, t.level, t.code});
        }
        // Administrative units tile the land: draw each border once. Areas
        // that may overlap (competitors, reference areas) keep their own outline.
        MeshBuilder& target = level == geo::TerritoryLevel::commune ? communes : builder;
        if (level <= geo::TerritoryLevel::region)
            target.add_shared_outlines(polygons, style.outline, style.line);
        else
            for (const auto* p : polygons) target.add_outline(*p, style.outline, style.line);
    }
    out.mesh = builder.take();
    out.commune_outlines = communes.take();
    return out;
}

MeshResult build_perimeter_mesh(const std::vector<PerimeterOverlay>& levels) {
    geo::LonLatBox box;
    for (const auto& l : levels) box.extend(l.geometry.bounds());
    MeshBuilder builder(centre_of(box));
    MeshResult out;
    for (const auto& l : levels)
        if (auto ok = builder.add_fill(l.geometry, perimeter_style(l.main).fill); !ok)
            out.errors.push_back(error_text(ok.error().with_context_fmt("perimeter level {:g}", l.level)));
    for (const auto& l : levels) {
        const AreaStyle style = perimeter_style(l.main);
        builder.add_outline(l.geometry, style.outline, style.line);
    }
    out.mesh = builder.take();
    return out;
}

MeshResult build_context_mesh(const ContextGeometry& geometry) {
    geo::LonLatBox box = geometry.polygons.bounds();
    for (const auto& line : geometry.lines)
        for (const auto& p : line) box.extend(p);
    MeshBuilder builder(centre_of(box));
    const AreaStyle poly = context_polygon_style(geometry.theme);
    MeshResult out;
    if (poly.fill.a > 0)
        if (auto ok = builder.add_fill(geometry.polygons, poly.fill); !ok)
            out.errors.push_back(error_text(ok.error().with_context_fmt("context layer")));
    builder.add_outline(geometry.polygons, poly.outline, poly.line);
    for (const auto& line : geometry.lines)
        builder.add_line(line, context_line_colour(geometry.theme), context_line_style(geometry.theme));
    out.mesh = builder.take();
    return out;
}

bool label_shown_at(geo::TerritoryLevel level, double zoom) {
    switch (level) {
        case geo::TerritoryLevel::commune:
            return zoom >= 10.5;
        case geo::TerritoryLevel::epci:
            return zoom >= 9.0 && zoom < 12.0;
        case geo::TerritoryLevel::departement:
            return zoom >= 6.5 && zoom < 10.5;
        case geo::TerritoryLevel::region:
            return zoom >= 4.5 && zoom < 8.0;
        default:
            return zoom >= 6.0;
    }
}

int place_rank_shown_at(double zoom) {
    if (zoom < 6.5) return 1;
    if (zoom < 7.5) return 2;
    if (zoom < 8.5) return 3;
    if (zoom < 9.5) return 4;
    return geo::kPlaceRankMax;
}

PolygonMesh build_gaps_mesh(const geo::GapResult& gaps) {
    geo::LonLatBox box;
    for (const auto& z : gaps.zones) box.extend(z.geometry.bounds());
    for (const auto& c : gaps.cells) box.extend(c.centre_lonlat);
    const Mercator origin = centre_of(box);
    MeshBuilder builder(origin);
    for (const auto& z : gaps.zones) builder.add_outline(z.geometry, kGapZoneOutline, {1.6f, 0.0f, 0.0f});
    PolygonMesh mesh = builder.take();
    for (const auto& c : gaps.cells) {
        const Rgba8 colour = gap_colour(c.gap_score);
        if (colour.a == 0 || c.hexagon.size() < 4) continue;
        std::vector<FillVertex> ring;
        for (std::size_t i = 0; i + 1 < c.hexagon.size(); ++i) {  // closed ring: skip the repeat
            const Mercator m = mercator_from_lonlat(c.hexagon[i]);
            ring.push_back({static_cast<float>(m.x_m - origin.x_m), static_cast<float>(m.y_m - origin.y_m), colour});
        }
        for (std::size_t i = 1; i + 1 < ring.size(); ++i)
            for (const FillVertex& v : {ring[0], ring[i], ring[i + 1]}) mesh.fill.push_back(v);
    }
    return mesh;
}

}  // namespace app::gui
