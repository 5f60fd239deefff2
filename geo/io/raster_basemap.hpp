#pragma once
// A raster basemap read through GDAL: MBTiles, GeoTIFF / COG, GeoPackage
// tiles, or any georeferenced 8-bit raster (RGB, RGBA, grey, paletted).
// Pictures are cut in Web Mercator (EPSG:3857, metres, display only): a
// source in another CRS is warped on the fly by a GDAL warped VRT (bilinear,
// with an alpha band so that what lies outside the source stays clear).
//
//   Mercator (EPSG:3857 metres)            XYZ tile (z, x, y), 2^z tiles a side
//   y_m ^ north                            (0,0) +----> x  (west edge = -20037508.34 m)
//       |                                        |
//       +----> x_m east                        y v  (north edge = +20037508.34 m)
//
// Level 0 is the full resolution; levels 1.. are the source's overviews
// (an MBTiles' lower zoom levels, a GeoTIFF's gdaladdo pyramid). A read picks
// the coarsest level that is still at least as sharp as the pixels asked for.
// Ownership: one RasterBasemap owns its GDAL datasets (the warped VRT is closed
// before its source). Threads: GDAL datasets are not thread-safe; use one
// RasterBasemap per thread (open the file again on each worker).
// Failures: open() names the file when GDAL cannot read it as a raster, when it
// has no georeferencing or an unknown CRS, or when its bands are not 8-bit;
// read() fails on a GDAL read error.
#include <cstdint>
#include <string>
#include <vector>

#include <gdal_priv.h>

#include "geo/core/error.hpp"

namespace geo {

inline constexpr double kMercatorHalfWorldM = 20037508.342789244;    // pi × 6378137 m
inline constexpr double kTileZoom0MetresPerPx = 156543.03392804097;  // 2 pi R / 256

struct MercatorBox {
    double min_x_m = 0.0, min_y_m = 0.0, max_x_m = 0.0, max_y_m = 0.0;
    [[nodiscard]] bool empty() const { return !(max_x_m > min_x_m && max_y_m > min_y_m); }
    [[nodiscard]] bool intersects(const MercatorBox& o) const {
        return min_x_m < o.max_x_m && o.min_x_m < max_x_m && min_y_m < o.max_y_m && o.min_y_m < max_y_m;
    }
};

struct TileId {
    int z = 0, x = 0, y = 0;  // XYZ scheme: y counted from the north edge
    friend auto operator<=>(const TileId&, const TileId&) = default;
};
// The Mercator square a tile covers.
MercatorBox tile_bounds(TileId tile);

// Straight (not premultiplied) RGBA, rows from the top (north) down.
struct RgbaImage {
    int width_px = 0, height_px = 0;
    std::vector<std::uint8_t> rgba;  // width_px × height_px × 4
    [[nodiscard]] const std::uint8_t* at(int x_px, int y_px) const {
        return rgba.data() + (static_cast<std::size_t>(y_px) * static_cast<std::size_t>(width_px) + x_px) * 4;
    }
};

class RasterBasemap {
public:
    static Result<RasterBasemap> open(const std::string& path);

    [[nodiscard]] const std::string& path() const { return m_path; }
    [[nodiscard]] MercatorBox extent() const { return m_extent; }  // EPSG:3857
    [[nodiscard]] int level_count() const { return static_cast<int>(m_levels.size()); }
    // Mercator metres per pixel of a level (0 = full resolution).
    [[nodiscard]] double level_metres_per_px(int level) const;
    // The coarsest level whose pixels are no larger than `metres_per_px`
    // (level 0 when even that one is coarser).
    [[nodiscard]] int level_for(double metres_per_px) const;
    // The tile zoom whose 256-px tiles match the full resolution (rounded up).
    [[nodiscard]] int native_zoom() const;
    // The credit the file carries (MBTiles/GeoPackage "attribution", TIFF
    // copyright…), or "".
    [[nodiscard]] const std::string& attribution() const { return m_attribution; }
    [[nodiscard]] const std::string& description() const { return m_description; }  // driver, size, CRS

    // The picture of `box` at width_px × height_px, read from level_for() of
    // its resolution; transparent where the source has no data.
    [[nodiscard]] Result<RgbaImage> read(const MercatorBox& box, int width_px, int height_px) const;
    [[nodiscard]] Result<RgbaImage> read_tile(TileId tile, int size_px = 256) const {
        return read(tile_bounds(tile), size_px, size_px);
    }

private:
    enum class Bands : std::uint8_t { grey, grey_alpha, rgb, rgba, palette };
    struct Level {
        std::vector<GDALRasterBand*> bands;  // owned by the dataset
        int width_px = 0, height_px = 0;
    };
    RasterBasemap() = default;

    std::string m_path;
    GDALDatasetUniquePtr m_source;  // declared first: closed after the view on it
    GDALDatasetUniquePtr m_warped;  // the EPSG:3857 view of m_source when it is in another CRS
    GDALDataset* m_view = nullptr;  // what is read: m_warped or m_source
    double m_geo[6] = {};           // geotransform of m_view, level 0
    MercatorBox m_extent;
    Bands m_bands = Bands::rgb;
    std::vector<std::uint8_t> m_palette;  // RGBA × 256 when m_bands is palette
    std::vector<Level> m_levels;
    std::string m_attribution, m_description;
};

}  // namespace geo
