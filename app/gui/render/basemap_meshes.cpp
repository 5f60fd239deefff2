#include "app/gui/render/basemap_meshes.hpp"

#include "app/gui/errors/error_text.hpp"
#include "app/gui/render/basemap_style.hpp"

namespace app::gui {

BasemapMeshes build_basemap_meshes(const geo::OsmBasemap& basemap) {
    BasemapMeshes out;
    const geo::LonLatBox& b = basemap.bounds;
    const Mercator origin =
        b.empty() ? Mercator{} : mercator_from_lonlat({(b.west_deg + b.east_deg) / 2, (b.south_deg + b.north_deg) / 2});
    for (const geo::BasemapBand& band : basemap.bands) {
        MeshBuilder builder(origin);
        for (geo::BasemapClass cls : kBasemapAreaOrder)
            for (const geo::BasemapArea& area : band.areas)
                if (area.cls == cls)
                    if (auto ok = builder.add_fill(area.polygons, basemap_area_colour(cls)); !ok)
                        out.errors.push_back(
                            error_text(ok.error().with_context_fmt("{} area", basemap_class_name(cls))));
        // Casings under every road, so that crossings read as joined roads.
        for (geo::BasemapClass cls : kBasemapLineOrder) {
            const BasemapLineStyle style = basemap_line_style(cls);
            if (style.casing.a == 0) continue;
            LineStyle casing = style.line;
            casing.width_px += 1.6f;
            for (const geo::BasemapLine& line : band.lines)
                if (line.cls == cls) builder.add_line(line.points, style.casing, casing);
        }
        for (geo::BasemapClass cls : kBasemapLineOrder) {
            const BasemapLineStyle style = basemap_line_style(cls);
            for (const geo::BasemapLine& line : band.lines)
                if (line.cls == cls) builder.add_line(line.points, style.colour, style.line);
        }
        out.errors.insert(out.errors.end(), builder.errors().begin(), builder.errors().end());
        out.bands.push_back({band.min_zoom, band.max_zoom, builder.take()});
    }
    return out;
}

}  // namespace app::gui
