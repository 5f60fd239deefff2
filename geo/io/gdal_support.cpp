#include "geo/io/gdal_support.hpp"

#include <cmath>
#include <filesystem>
#include <mutex>
#include <system_error>

#include <fmt/format.h>

#include "geo/analysis/self_crossings.hpp"
#include "geo/core/coords.hpp"
#include "geo/core/text_fold.hpp"
#include "geo/io/input_file.hpp"

namespace geo::gdal {
namespace {

bool fits_lonlat(const RawXY& p) {
    return std::isfinite(p.x) && std::isfinite(p.y) && std::fabs(p.x) <= 180.0 && std::fabs(p.y) <= 90.0;
}

OGRSpatialReference wgs84() {
    OGRSpatialReference srs;
    srs.SetWellKnownGeogCS("WGS84");
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

std::string srs_name(const OGRSpatialReference& srs) {
    const char* name = srs.GetName();
    const char* auth = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    std::string out = name != nullptr ? name : "unnamed CRS";
    if (auth != nullptr && code != nullptr) out += fmt::format(" ({}:{})", auth, code);
    return out;
}

}  // namespace

ErrorCapture::ErrorCapture() {
    CPLPushErrorHandlerEx(&ErrorCapture::handle, this);
}

ErrorCapture::~ErrorCapture() {
    CPLPopErrorHandler();
}

void CPL_STDCALL ErrorCapture::handle(CPLErr cls, CPLErrorNum /*num*/, const char* message) {
    if (cls == CE_Debug) return;
    auto* self = static_cast<ErrorCapture*>(CPLGetErrorHandlerUserData());
    if (self != nullptr) self->m_messages.emplace_back(cls, message != nullptr ? message : "");
}

std::optional<std::string> ErrorCapture::first_failure() const {
    for (const auto& [cls, message] : m_messages)
        if (cls == CE_Failure || cls == CE_Fatal) return message;
    return std::nullopt;
}

std::string ErrorCapture::last_message() const {
    return m_messages.empty() ? std::string() : m_messages.back().second;
}

void register_drivers() {
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
}

Result<GDALDatasetUniquePtr> open_vector(const std::string& path, ErrorCapture& capture) {
    register_drivers();

    if (!path.starts_with("/vsi")) {
        auto usable = check_input_file(path, {.allow_directory = true});
        if (!usable) return tl::unexpected(usable.error());
    }
    capture.clear();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) {
        const std::string why = capture.last_message();
        return fail_fmt("{}: not a vector file GDAL can read{}", path,
                        (why.empty() ? std::string(" (no driver recognises it)") : ": " + why));
    }
    // Layer CRSs are often parsed lazily: touch them so that their errors
    // surface here.
    for (auto* layer : ds->GetLayers()) (void)layer->GetSpatialRef();
    if (const auto failure = capture.first_failure()) {
        const bool crs = failure->find("PROJ") != std::string::npos || failure->find("crs") != std::string::npos ||
                         failure->find("CRS") != std::string::npos || failure->find("SRS") != std::string::npos;
        return crs ? fail_fmt("{}: unknown CRS: {}", path, *failure) : fail_fmt("{}: {}", path, *failure);
    }
    return ds;
}

std::string file_name(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

std::string record_name(const std::string& file, const OGRLayer& layer, std::int64_t fid) {
    return fmt::format("{}:{}:FID {}", file, const_cast<OGRLayer&>(layer).GetName(), fid);
}

std::string field_list(const OGRFeatureDefn& defn) {
    std::string out;
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        if (i > 0) out += ", ";
        out += defn.GetFieldDefn(i)->GetNameRef();
    }
    return out.empty() ? "no fields" : out;
}

Result<int> find_field(const OGRFeatureDefn& defn, const std::string& explicit_name,
                       std::initializer_list<std::string_view> candidates, const std::string& where) {
    if (!explicit_name.empty()) {
        for (int i = 0; i < defn.GetFieldCount(); ++i)
            if (ascii_iequals(defn.GetFieldDefn(i)->GetNameRef(), explicit_name)) return i;
        return fail_fmt("{}: no field \"{}\" (fields: {})", where, explicit_name, field_list(defn));
    }
    for (const auto candidate : candidates)
        for (int i = 0; i < defn.GetFieldCount(); ++i)
            if (ascii_iequals(defn.GetFieldDefn(i)->GetNameRef(), candidate)) return i;
    return -1;
}

Result<ToWgs84> ToWgs84::for_layer(const OGRSpatialReference* srs, const std::vector<RawXY>& sample,
                                   const std::string& where, bool& assumed) {
    assumed = false;
    ToWgs84 out;
    if (srs == nullptr || srs->IsEmpty()) {
        size_t fit = 0;
        for (const auto& p : sample) fit += fits_lonlat(p) ? 1 : 0;
        if (fit * 2 < sample.size()) {
            const RawXY& p = sample.front();
            return fail_fmt(
                "{}: unknown CRS: the layer declares no CRS and its coordinates ({:.2f}, {:.2f}) "
                "are not longitude/latitude; give the file a CRS (e.g. a .prj)",
                where, p.x, p.y);
        }
        assumed = true;
        return out;
    }
    OGRSpatialReference source(*srs);
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const OGRSpatialReference target = wgs84();
    const char* same_options[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", nullptr};
    if (source.IsSame(&target, same_options)) return out;
    out.m_ct.reset(OGRCreateCoordinateTransformation(&source, &target));
    if (!out.m_ct) return fail_fmt("{}: cannot transform CRS \"{}\" to WGS 84", where, srs_name(source));
    return out;
}

bool ToWgs84::point(double& x, double& y) const {
    if (!m_ct) return true;
    return m_ct->Transform(1, &x, &y) == TRUE && std::isfinite(x) && std::isfinite(y);
}

bool ToWgs84::geometry(OGRGeometry& geom) const {
    if (!m_ct) return true;
    return geom.transform(m_ct.get()) == OGRERR_NONE;
}

std::vector<RawXY> sample_geometry_coordinates(OGRLayer& layer, int count) {
    std::vector<RawXY> out;
    layer.ResetReading();
    for (int seen = 0; seen < count * 10 && static_cast<int>(out.size()) < count; ++seen) {
        OGRFeatureUniquePtr feature(layer.GetNextFeature());
        if (!feature) break;
        const OGRGeometry* geom = feature->GetGeometryRef();
        if (geom == nullptr || geom->IsEmpty()) continue;
        OGREnvelope env;
        geom->getEnvelope(&env);
        out.push_back({(env.MinX + env.MaxX) / 2.0, (env.MinY + env.MaxY) / 2.0});
    }
    layer.ResetReading();
    return out;
}

std::optional<Error> lonlat_problem(double lon_deg, double lat_deg) {
    if (!std::isfinite(lon_deg) || !std::isfinite(lat_deg))
        return error_fmt("coordinates ({}, {}) are not finite numbers", lon_deg, lat_deg);
    if (lat_deg < -90.0 || lat_deg > 90.0) return error_fmt("latitude {} outside [-90, 90]", lat_deg);
    if (lon_deg < -180.0 || lon_deg > 180.0) return error_fmt("longitude {} outside [-180, 180]", lon_deg);
    return std::nullopt;
}

namespace {
void append_ring(const OGRLinearRing& ring, Polygon& poly) {
    Ring out;
    out.reserve(static_cast<size_t>(ring.getNumPoints()));
    for (int i = 0; i < ring.getNumPoints(); ++i) out.push_back({ring.getX(i), ring.getY(i)});
    poly.rings.push_back(std::move(out));
}

int append_polygon(const OGRPolygon& polygon, MultiPolygon& out) {
    if (polygon.IsEmpty()) return 0;
    Polygon poly;
    append_ring(*polygon.getExteriorRing(), poly);
    for (int i = 0; i < polygon.getNumInteriorRings(); ++i) append_ring(*polygon.getInteriorRing(i), poly);
    out.polygons.push_back(std::move(poly));
    return 1;
}
}  // namespace

int append_polygons(const OGRGeometry& geom, MultiPolygon& out) {
    const OGRwkbGeometryType type = wkbFlatten(geom.getGeometryType());
    if (type == wkbPolygon) return append_polygon(*geom.toPolygon(), out);
    if (type == wkbCurvePolygon || type == wkbMultiSurface) {
        OGRGeometryUniquePtr linear(geom.getLinearGeometry());
        return linear ? append_polygons(*linear, out) : 0;
    }
    if (OGR_GT_IsSubClassOf(type, wkbGeometryCollection)) {
        int added = 0;
        for (const OGRGeometry* part : *geom.toGeometryCollection()) added += append_polygons(*part, out);
        return added;
    }
    return 0;
}

bool is_polygonal(OGRwkbGeometryType type) {
    const auto flat = wkbFlatten(type);
    return flat == wkbPolygon || flat == wkbMultiPolygon || flat == wkbCurvePolygon || flat == wkbMultiSurface;
}

bool is_pointlike(OGRwkbGeometryType type) {
    const auto flat = wkbFlatten(type);
    return flat == wkbPoint || flat == wkbMultiPoint;
}

Result<OGRGeometryUniquePtr> make_valid_bounded(const OGRGeometry& geom) {
    MultiPolygon polygons;
    append_polygons(geom, polygons);
    std::vector<std::vector<LonLat>> rings;
    for (const auto& polygon : polygons.polygons)
        for (const auto& ring : polygon.rings) rings.push_back(ring);
    if (count_self_crossings(rings, kMaxRepairCrossings) > kMaxRepairCrossings)
        return fail_fmt(
            "invalid polygon with more than {} self-crossings: not repaired (repair it "
            "in a GIS first)",
            kMaxRepairCrossings);
    OGRGeometryUniquePtr valid(geom.MakeValid());
    if (!valid || valid->IsEmpty() || !valid->IsValid()) return fail_fmt("invalid polygon that cannot be repaired");
    return valid;
}

}  // namespace geo::gdal
