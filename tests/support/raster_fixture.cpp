#include "tests/support/raster_fixture.hpp"

#include <cmath>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogr_spatialref.h>

namespace test {
namespace {

constexpr int kSizePx = 2048;
constexpr double kHalfWorldM = 20037508.342789244;

double mercator_x(double lon_deg) {
    return lon_deg / 180.0 * kHalfWorldM;
}
double mercator_y(double lat_deg) {
    const double lat = lat_deg * M_PI / 180.0;
    return std::log(std::tan(M_PI / 4.0 + lat / 2.0)) * 6378137.0;
}

}  // namespace

std::filesystem::path write_quadrant_geotiff(const std::filesystem::path& dir, int epsg) {
    GDALAllRegister();
    const auto path = dir / ("quadrants_" + std::to_string(epsg) + ".tif");
    GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
    GDALDatasetUniquePtr ds(gtiff->Create(path.c_str(), kSizePx, kSizePx, 3, GDT_Byte, nullptr));
    if (!ds) return {};
    const geo::LonLatBox& b = kQuadrantBox;
    double geo[6];
    if (epsg == 3857) {
        const double x0 = mercator_x(b.west_deg), x1 = mercator_x(b.east_deg);
        const double y0 = mercator_y(b.south_deg), y1 = mercator_y(b.north_deg);
        const double g[6] = {x0, (x1 - x0) / kSizePx, 0, y1, 0, -(y1 - y0) / kSizePx};
        std::copy(g, g + 6, geo);
    } else {
        const double g[6] = {b.west_deg, (b.east_deg - b.west_deg) / kSizePx,   0, b.north_deg,
                             0,          -(b.north_deg - b.south_deg) / kSizePx};
        std::copy(g, g + 6, geo);
    }
    ds->SetGeoTransform(geo);
    OGRSpatialReference srs;
    srs.importFromEPSG(epsg);
    ds->SetSpatialRef(&srs);
    // The quadrants meet at the centre's pixel in the raster's own CRS.
    const double cx = epsg == 3857 ? mercator_x(kQuadrantCentre.lon_deg) : kQuadrantCentre.lon_deg;
    const double cy = epsg == 3857 ? mercator_y(kQuadrantCentre.lat_deg) : kQuadrantCentre.lat_deg;
    const int split_x = static_cast<int>(std::lround((cx - geo[0]) / geo[1]));
    const int split_y = static_cast<int>(std::lround((cy - geo[3]) / geo[5]));
    std::vector<std::uint8_t> band(static_cast<std::size_t>(kSizePx) * kSizePx);
    for (int c = 0; c < 3; ++c) {
        for (int y = 0; y < kSizePx; ++y)
            for (int x = 0; x < kSizePx; ++x) {
                const Rgb8 q =
                    y < split_y ? (x < split_x ? kQuadrantNW : kQuadrantNE) : (x < split_x ? kQuadrantSW : kQuadrantSE);
                band[static_cast<std::size_t>(y) * kSizePx + x] = c == 0 ? q.r : c == 1 ? q.g : q.b;
            }
        if (ds->GetRasterBand(c + 1)->RasterIO(GF_Write, 0, 0, kSizePx, kSizePx, band.data(), kSizePx, kSizePx,
                                               GDT_Byte, 0, 0, nullptr) != CE_None)
            return {};
    }
    ds->SetMetadataItem("TIFFTAG_COPYRIGHT", "Quadrants written by the Territoire tests");
    return path;
}

std::filesystem::path write_quadrant_mbtiles(const std::filesystem::path& dir) {
    const auto tif = write_quadrant_geotiff(dir, 3857);
    if (tif.empty()) return {};
    const auto path = dir / "quadrants.mbtiles";
    GDALDatasetUniquePtr src(GDALDataset::Open(tif.c_str(), GDAL_OF_RASTER));
    if (!src) return {};
    // gdal_translate -of MBTiles -co NAME=… quadrants.tif quadrants.mbtiles
    const char* argv[] = {"-of", "MBTiles", "-co", "NAME=quadrants", "-co", "TILE_FORMAT=PNG", nullptr};
    GDALTranslateOptions* options = GDALTranslateOptionsNew(const_cast<char**>(argv), nullptr);
    int usage_error = 0;
    GDALDatasetH out = GDALTranslate(path.c_str(), GDALDataset::ToHandle(src.get()), options, &usage_error);
    GDALTranslateOptionsFree(options);
    if (!out) return {};
    GDALDatasetUniquePtr(GDALDataset::FromHandle(out)).reset();
    // gdaladdo -r average quadrants.mbtiles 2 4 8
    GDALDatasetUniquePtr mb(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_UPDATE));
    if (!mb) return {};
    int factors[] = {2, 4, 8};
    if (mb->BuildOverviews("AVERAGE", 3, factors, 0, nullptr, nullptr, nullptr, nullptr) != CE_None) return {};
    mb->SetMetadataItem("attribution", "Quadrants © Territoire tests");
    return path;
}

}  // namespace test
