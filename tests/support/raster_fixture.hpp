#pragma once
// Raster basemaps written by the tests themselves with GDAL: a GeoTIFF of
// four flat-coloured quadrants over Touraine, and the same picture as an
// MBTiles (gdal_translate's MBTiles driver, then gdaladdo-style overviews
// through GDALBuildOverviews). Failures: an empty path (GDAL's message on
// stderr is the test's to show). Threads: one call at a time per file.
#include <cstdint>
#include <filesystem>

#include "geo/core/coords.hpp"

namespace test {

struct Rgb8 {
    std::uint8_t r = 0, g = 0, b = 0;
};
// The quadrants' colours (north-west, north-east, south-west, south-east).
inline constexpr Rgb8 kQuadrantNW{200, 60, 60}, kQuadrantNE{60, 160, 60}, kQuadrantSW{60, 90, 200},
    kQuadrantSE{230, 200, 60};
// The box they cover (lon 0.0..1.4 E, lat 47.0..47.8 N): Touraine and Tours.
inline constexpr geo::LonLatBox kQuadrantBox{0.0, 47.0, 1.4, 47.8};
// Where the quadrants meet.
inline constexpr geo::LonLat kQuadrantCentre{0.7, 47.4};

// A 2048×2048 RGB GeoTIFF of the quadrants in EPSG `epsg` (3857 or 4326).
std::filesystem::path write_quadrant_geotiff(const std::filesystem::path& dir, int epsg = 3857);
// The quadrants as MBTiles with overviews (factors 2, 4, 8).
std::filesystem::path write_quadrant_mbtiles(const std::filesystem::path& dir);

}  // namespace test
