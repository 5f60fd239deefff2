#include "geo/io/territory_importer.hpp"
#include "geo/io/field_candidates.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "geo/io/gdal_fields.hpp"
#include "geo/io/gdal_support.hpp"

namespace geo {
namespace {

// Reads one polygon layer into `out`.
class TerritoryLayerReader {
public:
    TerritoryLayerReader(std::string file, OGRLayer& layer, TerritoryLevel level, const TerritoryImportOptions& options,
                         ParsedTerritories& out)
        : m_file(std::move(file)),
          m_where(m_file + ":" + layer.GetName()),
          m_layer(layer),
          m_level(level),
          m_options(options),
          m_out(out) {}

    Result<void> prepare() {
        const OGRFeatureDefn& defn = *m_layer.GetLayerDefn();
        auto name = gdal::find_field(defn, m_options.name_field, gdal::kTerritoryNameFields, m_where);
        if (!name) return tl::unexpected(name.error());
        auto code = gdal::find_field(defn, m_options.code_field, gdal::kTerritoryCodeFields, m_where);
        if (!code) return tl::unexpected(code.error());
        m_name = *name;
        m_code = *code;
        if (m_name < 0 && m_code < 0)
            return fail_fmt(
                "{}: no name or code field (tried nom, name, libelle, "
                "DRGP_L_LIB… / code, INSEE_COM, insee, DRGP_C_COD…; fields: "
                "{}); choose them with --name-field / --code-field",
                m_where, gdal::field_list(defn));
        const OGRSpatialReference* srs = m_layer.GetSpatialRef();
        std::vector<gdal::RawXY> sample;
        if (srs == nullptr) sample = gdal::sample_geometry_coordinates(m_layer);
        bool assumed = false;
        auto transform = gdal::ToWgs84::for_layer(srs, sample, m_where, assumed);
        if (!transform) return tl::unexpected(transform.error());
        m_to_wgs84 = std::move(*transform);
        if (assumed)
            m_out.report.warnings.push_back(
                error_fmt("{}: the layer declares no CRS; coordinates read as WGS 84 longitude/latitude", m_where));
        return {};
    }

    Result<void> read(const Progress& progress, std::int64_t& done, std::int64_t total) {
        m_layer.ResetReading();
        while (OGRFeatureUniquePtr feature{m_layer.GetNextFeature()}) {
            ++m_out.report.read;
            const std::string record = gdal::record_name(m_file, m_layer, feature->GetFID());
            Territory territory;
            if (auto problem = read_feature(*feature, record, territory))
                m_out.report.skipped.push_back({record, *problem});
            else
                m_out.territories.push_back(std::move(territory));
            if (!progress(++done, total)) return fail_fmt("{}: import cancelled", m_where);
        }
        if (m_reader.recoded_count() > 0)
            m_out.report.warnings.push_back(
                error_fmt("{}:FID {}: {} text values are not UTF-8 and were read as Windows-1252", m_where,
                          m_reader.first_recoded_fid(), m_reader.recoded_count()));
        return {};
    }

private:
    std::optional<Error> read_feature(const OGRFeature& feature, const std::string& record, Territory& territory) {
        territory.name = m_reader.text(feature, m_name);
        territory.code = m_reader.text(feature, m_code);
        territory.level = m_level;
        territory.source = m_out.source.key;
        if (territory.name.empty() && territory.code.empty()) return error_fmt("no name and no code");
        if (territory.name.empty()) territory.name = territory.code;
        const std::string label =
            territory.code.empty() ? territory.name : territory.name + " (" + territory.code + ")";

        const OGRGeometry* source_geom = feature.GetGeometryRef();
        if (source_geom == nullptr) return error_fmt("no geometry (null)");
        if (source_geom->IsEmpty()) return error_fmt("empty geometry");
        if (!gdal::is_polygonal(source_geom->getGeometryType()))
            return error_fmt("geometry is {}, expected Polygon or MultiPolygon",
                             OGRGeometryTypeToName(source_geom->getGeometryType()));
        OGRGeometryUniquePtr geom(source_geom->clone());
        if (!m_to_wgs84->geometry(*geom)) return error_fmt("geometry cannot be transformed to WGS 84");
        if (!geom->IsValid()) {
            auto valid = gdal::make_valid_bounded(*geom);
            if (!valid) return valid.error();
            m_out.report.warnings.push_back(
                error_fmt("{} {}: invalid polygon (e.g. self-intersecting) made valid", record, label));
            geom = std::move(*valid);
        }
        if (gdal::append_polygons(*geom, territory.geometry) == 0) return error_fmt("no polygon left after repair");
        const LonLatBox box = territory.geometry.bounds();
        if (auto problem = gdal::lonlat_problem(box.west_deg, box.south_deg)) return problem;
        if (auto problem = gdal::lonlat_problem(box.east_deg, box.north_deg)) return problem;
        return std::nullopt;
    }

    std::string m_file;
    std::string m_where;
    OGRLayer& m_layer;
    TerritoryLevel m_level;
    const TerritoryImportOptions& m_options;
    ParsedTerritories& m_out;
    int m_name = -1;
    int m_code = -1;
    std::optional<gdal::ToWgs84> m_to_wgs84;
    gdal::FieldReader m_reader;
};

}  // namespace

Result<ParsedTerritories> parse_territories(const std::string& path, TerritoryLevel level,
                                            const TerritoryImportOptions& options, Progress progress) {
    gdal::ErrorCapture capture;
    auto ds = gdal::open_vector(path, capture);
    if (!ds) return tl::unexpected(ds.error());

    std::vector<OGRLayer*> layers;
    std::string names;
    for (OGRLayer* layer : (*ds)->GetLayers()) {
        names += (names.empty() ? "" : ", ") + std::string(layer->GetName());
        if (!options.layer.empty()
                ? options.layer == layer->GetName()
                : gdal::is_polygonal(layer->GetGeomType()) || wkbFlatten(layer->GetGeomType()) == wkbUnknown)
            layers.push_back(layer);
    }
    if (layers.empty())
        return options.layer.empty() ? fail_fmt("{}: no polygon layer (layers: {})", path, names)
                                     : fail_fmt("{}: no layer \"{}\" (layers: {})", path, options.layer, names);

    const std::string file = gdal::file_name(path);
    ParsedTerritories out;
    out.source.key = options.source_key.empty() ? "territories:" + file : options.source_key;
    out.source.kind = "territories";
    out.source.path = path;
    out.source.licence = options.licence;
    out.source.attribution = options.attribution;
    out.report.source = out.source.key;

    std::int64_t total = 0;
    for (OGRLayer* layer : layers) total += std::max<GIntBig>(0, layer->GetFeatureCount(FALSE));
    std::int64_t done = 0;
    for (OGRLayer* layer : layers) {
        layer->ResetReading();
        if (OGRFeatureUniquePtr first{layer->GetNextFeature()}; !first) continue;  // empty layer
        TerritoryLayerReader reader(file, *layer, level, options, out);
        if (auto r = reader.prepare(); !r) return tl::unexpected(r.error());
        if (auto r = reader.read(progress, done, total); !r) return tl::unexpected(r.error());
    }
    if (out.report.read == 0) return fail_fmt("{}: no features to import (the file is empty)", path);
    return out;
}

}  // namespace geo
