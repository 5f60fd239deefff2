#pragma once
// Plumbing shared by the GDAL-based importers (offer items and territories):
// capture of GDAL messages, opening a vector file, field-name detection, the
// transformation of a layer's CRS to WGS 84 lon/lat (traditional GIS order,
// x = longitude) and geometry conversion. Internal to geo/io.
//
// Thread-safety: GDAL error handlers are per thread; an ErrorCapture must be
// created and destroyed on the thread that reads the dataset.
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "geo/core/error.hpp"
#include "geo/core/geometry.hpp"

namespace geo::gdal {

// While alive, GDAL messages raised on this thread are collected here
// instead of being printed on stderr.
class ErrorCapture {
public:
    ErrorCapture();
    ~ErrorCapture();
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;

    // The first failure (CE_Failure or CE_Fatal) since the last clear().
    [[nodiscard]] std::optional<std::string> first_failure() const;
    // The last message of any class since the last clear(), or "".
    [[nodiscard]] std::string last_message() const;
    void clear() { m_messages.clear(); }

private:
    static void CPL_STDCALL handle(CPLErr cls, CPLErrorNum num, const char* message);
    std::vector<std::pair<CPLErr, std::string>> m_messages;
};

// Registers GDAL's drivers, once per process (open_vector does it too).
void register_drivers();

// Opens a vector dataset read-only. Fails naming the file when it is missing,
// a pipe or a device (GDAL would block on a FIFO forever),
// not a file GDAL can read, or raised a GDAL failure while opening (e.g. a
// CRS that PROJ does not know).
Result<GDALDatasetUniquePtr> open_vector(const std::string& path, ErrorCapture& capture);

// "communes.geojson" for "/data/communes.geojson".
std::string file_name(const std::string& path);
// "communes.geojson:communes:FID 12", the name of a record in messages.
std::string record_name(const std::string& file, const OGRLayer& layer, std::int64_t fid);

// Index of the field named `explicit_name` (fails when absent, listing the
// layer's fields), or when `explicit_name` is empty the first field whose
// name equals one of `candidates` ignoring case (-1 when none).
Result<int> find_field(const OGRFeatureDefn& defn, const std::string& explicit_name,
                       std::initializer_list<std::string_view> candidates, const std::string& where);
// "id, name, family": the field names of a layer, for messages.
std::string field_list(const OGRFeatureDefn& defn);

// Raw coordinates in the layer's own CRS.
struct RawXY {
    double x = 0.0;
    double y = 0.0;
};

// The transformation of one layer's coordinates to WGS 84 lon/lat.
class ToWgs84 {
public:
    // `srs` is the layer's CRS (nullptr when it has none). A layer with no CRS
    // is taken as WGS 84 when most of `sample` fits in lon/lat range, else
    // fails ("unknown CRS"). Fails naming the CRS when PROJ cannot transform it.
    // `assumed` tells the caller that the CRS was assumed.
    static Result<ToWgs84> for_layer(const OGRSpatialReference* srs, const std::vector<RawXY>& sample,
                                     const std::string& where, bool& assumed);

    // Transforms in place; false when PROJ fails for these coordinates.
    bool point(double& x, double& y) const;
    bool geometry(OGRGeometry& geom) const;
    [[nodiscard]] bool identity() const { return m_ct == nullptr; }

private:
    struct Deleter {
        void operator()(OGRCoordinateTransformation* ct) const { OGRCoordinateTransformation::DestroyCT(ct); }
    };
    std::unique_ptr<OGRCoordinateTransformation, Deleter> m_ct;  // null: identity
};

// Up to `count` coordinates from the first features of `layer` (the centre
// of each geometry's envelope), then rewinds the layer.
std::vector<RawXY> sample_geometry_coordinates(OGRLayer& layer, int count = 100);

// Why a lon/lat pair is unusable ("latitude 147.61 outside [-90, 90]"), or
// nullopt when it is a valid WGS 84 position.
std::optional<Error> lonlat_problem(double lon_deg, double lat_deg);

// Appends the polygons of `geom` (Polygon, MultiPolygon, curved variants, or
// the polygon members of a collection) to `out`. Returns the number added.
int append_polygons(const OGRGeometry& geom, MultiPolygon& out);

// Self-crossings of an invalid polygon beyond which no repair is tried:
// GEOS MakeValid grows about with their square (measured on stars here:
// 945 crossings 0.3 s, 2,414 2.6 s, 4,949 8.7 s, 9,729 29 s; a 1,001-vertex
// star, 250,000 crossings: minutes and 1.8 GB). 2,000 keeps one feature
// under ~2 s; real invalid communes have a handful.
inline constexpr std::size_t kMaxRepairCrossings = 2'000;

// A valid copy of an invalid polygonal `geom` (GEOS MakeValid through OGR),
// or why not: too many self-crossings (counted first, see
// geo/analysis/self_crossings.hpp), or nothing valid left.
Result<OGRGeometryUniquePtr> make_valid_bounded(const OGRGeometry& geom);

// True for Polygon / MultiPolygon / CurvePolygon / MultiSurface types.
bool is_polygonal(OGRwkbGeometryType type);
// True for Point / MultiPoint types.
bool is_pointlike(OGRwkbGeometryType type);

}  // namespace geo::gdal
