#include "geo/io/gdal_export.hpp"

#include <memory>

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "geo/detail/gdal_errors.hpp"
#include "geo/io/atomic_file.hpp"
#include "geo/io/export_geometry.hpp"
#include "geo/io/export_schema.hpp"
#include "geo/io/text_output.hpp"

namespace geo {
namespace {

constexpr const char* kProvenanceItem = "TERRITOIRE_PROVENANCE";

OGRwkbGeometryType geometry_type(const OfferItem*) {
    return wkbPoint;
}
OGRwkbGeometryType geometry_type(const Territory*) {
    return wkbMultiPolygon;
}

std::unique_ptr<OGRGeometry> make_geometry(const OfferItem& item) {
    return std::make_unique<OGRPoint>(item.position.lon_deg, item.position.lat_deg);
}

std::unique_ptr<OGRGeometry> make_geometry(const Territory& territory) {
    const MultiPolygon g = oriented_for_export(territory.geometry, false);
    if (g.empty()) return nullptr;
    auto multi = std::make_unique<OGRMultiPolygon>();
    for (const Polygon& polygon : g.polygons) {
        auto ogr_polygon = std::make_unique<OGRPolygon>();
        for (const Ring& ring : polygon.rings) {
            auto ogr_ring = std::make_unique<OGRLinearRing>();
            ogr_ring->setNumPoints(static_cast<int>(ring.size()));
            for (std::size_t i = 0; i < ring.size(); ++i)
                ogr_ring->setPoint(static_cast<int>(i), ring[i].lon_deg, ring[i].lat_deg);
            ogr_polygon->addRingDirectly(ogr_ring.release());
        }
        multi->addGeometryDirectly(ogr_polygon.release());
    }
    return multi;
}

template <class Record>
Result<std::int64_t> write_gpkg(const std::string& path, const std::vector<Record>& records,
                                const ExportOptions& options) {
    for (const auto& record : records)
        if (auto ok = check_exportable(record); !ok) return tl::unexpected(ok.error().with_context(path));
    GDALAllRegister();
    detail::GdalErrorCapture capture;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (driver == nullptr) return fail_fmt("{}: this GDAL has no GPKG driver", path);
    auto file = AtomicFile::prepare(path);
    if (!file) return tl::unexpected(file.error());

    GDALDatasetUniquePtr dataset(driver->Create(file->temp_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset)
        return fail_fmt("{}: cannot create the {} file: {}", path, driver->GetDescription(), capture.message());

    OGRSpatialReference wgs84;
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (wgs84.importFromEPSG(4326) != OGRERR_NONE)
        return fail_fmt("{}: EPSG:4326 unknown to PROJ: {}", path, capture.message());
    const std::string layer_name =
        options.layer_name.empty() ? std::string(ExportSchema<Record>::kLayerName) : options.layer_name;
    OGRLayer* layer =
        dataset->CreateLayer(layer_name.c_str(), &wgs84, geometry_type(static_cast<const Record*>(nullptr)));
    if (layer == nullptr) return fail_fmt("{}: cannot create layer {}: {}", path, layer_name, capture.message());
    const auto fields = ExportSchema<Record>::fields();
    for (const FieldDef& field : fields) {
        OGRFieldDefn defn(std::string(field.name).c_str(), field.type == FieldType::integer ? OFTInteger64 : OFTString);
        if (layer->CreateField(&defn) != OGRERR_NONE)
            return fail_fmt("{}: cannot create field {}: {}", path, field.name, capture.message());
    }
    if (!options.metadata.is_null())
        layer->SetMetadataItem(kProvenanceItem,
                               options.metadata.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());

    const bool transaction = dataset->TestCapability(ODsCTransactions) != 0;
    if (transaction && dataset->StartTransaction() != OGRERR_NONE)
        return fail_fmt("{}: cannot start a transaction: {}", path, capture.message());
    std::string text;
    for (const auto& record : records) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const FieldValue value = ExportSchema<Record>::value(record, i);
            const int index = static_cast<int>(i);
            if (fields[i].type == FieldType::integer) {
                feature->SetField(index, static_cast<GIntBig>(value.integer));
                continue;
            }
            text = valid_utf8(field_text(fields[i].type, value));
            feature->SetField(index, text.c_str());
        }
        if (auto geometry = make_geometry(record)) feature->SetGeometryDirectly(geometry.release());
        if (layer->CreateFeature(feature.get()) != OGRERR_NONE)
            return fail_fmt("{}: {}: cannot write the feature: {}", path, ExportSchema<Record>::describe(record),
                            capture.message());
    }
    if (transaction && dataset->CommitTransaction() != OGRERR_NONE)
        return fail_fmt("{}: cannot commit: {}", path, capture.message());
    dataset.reset();  // closes and flushes
    if (capture.has_errors()) return fail_fmt("{}: GDAL reported: {}", path, capture.message());
    if (auto ok = file->commit(); !ok) return tl::unexpected(ok.error());
    return static_cast<std::int64_t>(records.size());
}

}  // namespace

Result<std::int64_t> write_gpkg_items(const std::string& path, const std::vector<OfferItem>& items,
                                      const ExportOptions& options) {
    return write_gpkg(path, items, options);
}

Result<std::int64_t> write_gpkg_territories(const std::string& path, const std::vector<Territory>& territories,
                                            const ExportOptions& options) {
    return write_gpkg(path, territories, options);
}

}  // namespace geo
