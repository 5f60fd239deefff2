#include "geo/io/context_layer.hpp"

#include "geo/core/text_fold.hpp"
#include "geo/io/gdal_support.hpp"

namespace geo {
namespace {

// Appends the line strings of `geom` (lines, multi-lines, curves, the line
// members of a collection). Returns the number added.
int append_lines(const OGRGeometry& geom, std::vector<Ring>& out) {
    const OGRwkbGeometryType type = wkbFlatten(geom.getGeometryType());
    if (type == wkbLineString) {
        const auto& line = *geom.toLineString();
        Ring ring;
        ring.reserve(static_cast<std::size_t>(line.getNumPoints()));
        for (int i = 0; i < line.getNumPoints(); ++i) ring.push_back({line.getX(i), line.getY(i)});
        if (ring.size() < 2) return 0;
        out.push_back(std::move(ring));
        return 1;
    }
    if (type == wkbCircularString || type == wkbCompoundCurve || type == wkbMultiCurve) {
        OGRGeometryUniquePtr linear(geom.getLinearGeometry());
        return linear ? append_lines(*linear, out) : 0;
    }
    if (OGR_GT_IsSubClassOf(type, wkbGeometryCollection)) {
        int added = 0;
        for (const OGRGeometry* part : *geom.toGeometryCollection()) added += append_lines(*part, out);
        return added;
    }
    return 0;
}

}  // namespace

ContextTheme context_theme_for(const std::string& name) {
    const std::string n = ascii_lower(name);
    const auto has = [&](std::initializer_list<const char*> words) {
        for (const char* w : words)
            if (n.find(w) != std::string::npos) return true;
        return false;
    };
    if (has({"river", "lake", "water", "hydro", "cours_d_eau", "coast", "ocean", "plan_d_eau", "canal"}))
        return ContextTheme::water;
    if (has({"road", "route", "troncon", "highway", "rail", "voie"})) return ContextTheme::roads;
    if (has({"admin", "countr", "commune", "departement", "region", "epci", "boundar", "limite", "arrondissement"}))
        return ContextTheme::boundaries;
    if (has({"forest", "foret", "wood", "park", "parc", "zone_de_vegetation", "natur"})) return ContextTheme::green;
    return ContextTheme::generic;
}

Result<ContextGeometry> read_context_layer(const std::string& path, Progress progress) {
    gdal::ErrorCapture capture;
    auto ds = gdal::open_vector(path, capture);
    if (!ds) return tl::unexpected(ds.error());
    std::int64_t total = 0;
    for (OGRLayer* layer : (*ds)->GetLayers()) total += std::max<GIntBig>(layer->GetFeatureCount(FALSE), 0);

    ContextGeometry out;
    out.theme = context_theme_for(gdal::file_name(path));
    for (OGRLayer* layer : (*ds)->GetLayers()) {
        if (out.theme == ContextTheme::generic) out.theme = context_theme_for(layer->GetName());
        const std::string where = gdal::file_name(path) + ":" + layer->GetName();
        bool assumed = false;
        auto to_wgs84 =
            gdal::ToWgs84::for_layer(layer->GetSpatialRef(), gdal::sample_geometry_coordinates(*layer), where, assumed);
        if (!to_wgs84) return tl::unexpected(to_wgs84.error());
        for (auto& feature : *layer) {
            ++out.features;
            if (out.features % 1024 == 0 && !progress(out.features, total)) return fail_fmt("{}: cancelled", path);
            OGRGeometry* geom = feature->GetGeometryRef();
            if (geom == nullptr || geom->IsEmpty() || !to_wgs84->geometry(*geom)) {
                ++out.skipped;
                continue;
            }
            const int added = gdal::append_polygons(*geom, out.polygons) + append_lines(*geom, out.lines);
            if (added == 0) ++out.skipped;  // points, or nothing drawable
        }
    }
    if (out.lines.empty() && out.polygons.empty())
        return fail_fmt("{}: no line or polygon to draw ({} features read)", path, std::to_string(out.features));
    return out;
}

}  // namespace geo
