#include "geo/io/places_file.hpp"

#include <charconv>

#include <fmt/format.h>

#include "geo/io/gdal_support.hpp"

namespace geo {
namespace {

const std::initializer_list<std::string_view> kNameFields = {"name",    "nom",     "toponyme", "label",
                                                             "name_fr", "NOM_COM", "libelle"};
const std::initializer_list<std::string_view> kInseeFields = {"insee", "code_insee", "INSEE_COM", "code"};
const std::initializer_list<std::string_view> kRankFields = {"rank", "scalerank", "rang"};
const std::initializer_list<std::string_view> kPopulationFields = {"population", "pop", "POPULATION"};

// A whole number in [lo, hi] from a field of any type, or why not.
Result<std::int64_t> whole_number(const OGRFeature& feature, int field, std::int64_t lo, std::int64_t hi,
                                  const char* what) {
    const char* text = feature.GetFieldAsString(field);
    const std::string_view s(text);
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc{} || end != s.data() + s.size() || value < lo || value > hi)
        return fail_fmt("{} \"{}\": expected a whole number {}…{}", what, s, lo, hi);
    return value;
}

bool has_value(const OGRFeature& feature, int field) {
    return field >= 0 && feature.IsFieldSetAndNotNull(field) && *feature.GetFieldAsString(field) != '\0';
}

Result<void> read_layer(const std::string& path, OGRLayer& layer, std::vector<Place>& out) {
    const std::string file = gdal::file_name(path);
    const std::string where = file + ":" + layer.GetName();
    if (layer.GetFeatureCount(TRUE) == 0) return {};  // an empty layer has no fields to look at
    const OGRFeatureDefn& defn = *layer.GetLayerDefn();
    auto name = gdal::find_field(defn, "", kNameFields, where);
    if (!name) return tl::unexpected(name.error());
    if (*name < 0)
        return fail_fmt("{}: no name field (tried name, nom, toponyme, label…; fields: {})", where,
                        gdal::field_list(defn));
    const int insee = gdal::find_field(defn, "", kInseeFields, where).value_or(-1);
    const int rank = gdal::find_field(defn, "", kRankFields, where).value_or(-1);
    const int population = gdal::find_field(defn, "", kPopulationFields, where).value_or(-1);
    bool assumed = false;
    auto to_wgs84 =
        gdal::ToWgs84::for_layer(layer.GetSpatialRef(), gdal::sample_geometry_coordinates(layer), where, assumed);
    if (!to_wgs84) return tl::unexpected(to_wgs84.error());

    layer.ResetReading();
    while (OGRFeatureUniquePtr feature{layer.GetNextFeature()}) {
        const std::string record = gdal::record_name(file, layer, feature->GetFID());
        const auto bad = [&](const Error& problem) { return tl::unexpected(problem.with_context(record)); };
        Place place;
        place.name = feature->GetFieldAsString(*name);
        if (place.name.find_first_not_of(" \t") == std::string::npos) return bad(error_fmt("empty name"));
        const OGRGeometry* geom = feature->GetGeometryRef();
        if (geom == nullptr || geom->IsEmpty()) return bad(error_fmt("no geometry (expected a point)"));
        if (wkbFlatten(geom->getGeometryType()) != wkbPoint)
            return bad(error_fmt("{} geometry (expected a point)", geom->getGeometryName()));
        double x = geom->toPoint()->getX(), y = geom->toPoint()->getY();
        if (!to_wgs84->point(x, y)) return bad(error_fmt("position {} {} cannot be transformed to WGS 84", x, y));
        if (auto problem = gdal::lonlat_problem(x, y)) return bad(*problem);
        place.position = {x, y};
        if (has_value(*feature, insee)) place.insee = feature->GetFieldAsString(insee);
        if (has_value(*feature, population)) {
            auto p = whole_number(*feature, population, 0, 100'000'000, "population");
            if (!p) return bad(p.error());
            place.population = *p;
            place.rank = place_rank_from_population(*p);
        }
        if (has_value(*feature, rank)) {
            auto r = whole_number(*feature, rank, 1, kPlaceRankMax, "rank");
            if (!r) return bad(r.error());
            place.rank = static_cast<int>(*r);
        }
        out.push_back(std::move(place));
    }
    return {};
}

}  // namespace

Result<std::vector<Place>> read_places_file(const std::string& path) {
    gdal::ErrorCapture capture;
    auto ds = gdal::open_vector(path, capture);
    if (!ds) return tl::unexpected(ds.error());
    std::vector<Place> places;
    for (OGRLayer* layer : (*ds)->GetLayers())
        if (auto ok = read_layer(path, *layer, places); !ok) return tl::unexpected(ok.error());
    if (places.empty()) return fail_fmt("{}: no place (expected point features with a name)", path);
    return places;
}

}  // namespace geo
