#include "geo/io/source_fields.hpp"

#include "geo/io/field_candidates.hpp"
#include "geo/io/gdal_support.hpp"

namespace geo {
namespace {

std::string geometry_kind(OGRwkbGeometryType type) {
    if (type == wkbNone) return "none";
    if (gdal::is_pointlike(type)) return "point";
    if (gdal::is_polygonal(type)) return "polygon";
    const auto flat = wkbFlatten(type);
    if (flat == wkbLineString || flat == wkbMultiLineString) return "line";
    return "mixed";
}

std::string detected(const OGRFeatureDefn& defn, std::initializer_list<std::string_view> candidates) {
    auto index = gdal::find_field(defn, "", candidates, "");
    return index && *index >= 0 ? std::string(defn.GetFieldDefn(*index)->GetNameRef()) : std::string();
}

}  // namespace

Result<std::vector<SourceLayerFields>> read_source_fields(const std::string& path) {
    gdal::ErrorCapture capture;
    auto ds = gdal::open_vector(path, capture);
    if (!ds) return tl::unexpected(ds.error());
    std::vector<SourceLayerFields> out;
    for (OGRLayer* layer : (*ds)->GetLayers()) {
        SourceLayerFields l;
        l.layer = layer->GetName();
        l.geometry = geometry_kind(layer->GetGeomType());
        l.features = layer->GetFeatureCount(FALSE);
        const OGRFeatureDefn& defn = *layer->GetLayerDefn();
        for (int i = 0; i < defn.GetFieldCount(); ++i) l.fields.emplace_back(defn.GetFieldDefn(i)->GetNameRef());
        l.item_name = detected(defn, gdal::kItemNameFields);
        l.item_id = detected(defn, gdal::kItemIdFields);
        l.item_family = detected(defn, gdal::kItemFamilyFields);
        l.territory_name = detected(defn, gdal::kTerritoryNameFields);
        l.territory_code = detected(defn, gdal::kTerritoryCodeFields);
        out.push_back(std::move(l));
    }
    if (out.empty()) return fail_fmt("{}: no layer", path);
    return out;
}

}  // namespace geo
