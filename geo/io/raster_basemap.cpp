#include "geo/io/raster_basemap.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <mutex>

#include <fmt/format.h>
#include <gdal_utils.h>
#include <ogr_spatialref.h>

#include "geo/io/gdal_support.hpp"
#include "geo/io/input_file.hpp"

namespace geo {
namespace {

std::string metadata_credit(GDALDataset& ds) {
    for (const char* key : {"attribution", "ATTRIBUTION", "TIFFTAG_COPYRIGHT", "COPYRIGHT", "copyright"})
        if (const char* v = ds.GetMetadataItem(key); v && *v) return v;
    return {};
}

bool is_web_mercator(const OGRSpatialReference& srs) {
    const char* auth = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (auth && code && std::string(auth) == "EPSG" && (std::string(code) == "3857" || std::string(code) == "900913"))
        return true;
    OGRSpatialReference mercator;
    mercator.importFromEPSG(3857);
    const char* options[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", "CRITERION=EQUIVALENT", nullptr};
    return srs.IsSame(&mercator, options) != 0;
}

// An in-memory warped VRT of `source` in EPSG:3857, with an alpha band when
// the source has none (outside its footprint stays clear).
Result<GDALDatasetUniquePtr> warp_to_mercator(GDALDataset& source, bool has_alpha, const std::string& path) {
    std::vector<const char*> argv = {"-of", "VRT", "-t_srs", "EPSG:3857", "-r", "bilinear"};
    if (!has_alpha) argv.push_back("-dstalpha");
    argv.push_back(nullptr);
    GDALWarpAppOptions* options = GDALWarpAppOptionsNew(const_cast<char**>(argv.data()), nullptr);
    GDALDatasetH src = GDALDataset::ToHandle(&source);
    int usage_error = 0;
    GDALDatasetH out = GDALWarp("", nullptr, 1, &src, options, &usage_error);
    GDALWarpAppOptionsFree(options);
    if (!out) return fail_fmt("{}: cannot reproject to Web Mercator (EPSG:3857)", path);
    return GDALDatasetUniquePtr(GDALDataset::FromHandle(out));
}

}  // namespace

MercatorBox tile_bounds(TileId tile) {
    const double size_m = 2.0 * kMercatorHalfWorldM / std::ldexp(1.0, tile.z);
    const double min_x = -kMercatorHalfWorldM + tile.x * size_m;
    const double max_y = kMercatorHalfWorldM - tile.y * size_m;
    return {min_x, max_y - size_m, min_x + size_m, max_y};
}

Result<RasterBasemap> RasterBasemap::open(const std::string& path) {
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
    if (!path.starts_with("/vsi")) {  // GDAL would block forever on a pipe
        auto usable = check_input_file(path);
        if (!usable) return tl::unexpected(usable.error());
    }
    gdal::ErrorCapture capture;
    RasterBasemap out;
    out.m_path = path;
    out.m_source.reset(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!out.m_source) {
        const std::string why = capture.last_message();
        return fail_fmt("{}: not a raster GDAL can read{}", path, (why.empty() ? std::string() : ": " + why));
    }
    GDALDataset& src = *out.m_source;
    const int count = src.GetRasterCount();
    if (count < 1) return fail_fmt("{}: no raster band (a basemap needs RGB, RGBA, grey or paletted pixels)", path);
    for (int b = 1; b <= count; ++b)
        if (src.GetRasterBand(b)->GetRasterDataType() != GDT_Byte)
            return fail_fmt("{}: band {} is {}: a basemap needs 8-bit bands (RGB, RGBA, grey or paletted)", path, b,
                            GDALGetDataTypeName(src.GetRasterBand(b)->GetRasterDataType()));
    double geo[6];
    if (src.GetGeoTransform(geo) != CE_None)
        return fail_fmt("{}: not georeferenced (no geotransform): a basemap must say where it lies", path);
    const OGRSpatialReference* srs = src.GetSpatialRef();
    if (!srs || srs->IsEmpty())
        return fail_fmt(
            "{}: unknown CRS (the file names no coordinate reference system); give it one, e.g. gdal_edit.py -a_srs "
            "EPSG:2154",
            path);
    GDALRasterBand* first = src.GetRasterBand(1);
    const GDALColorInterp last_interp = src.GetRasterBand(count)->GetColorInterpretation();
    if (count == 1 && first->GetColorTable() && first->GetColorInterpretation() == GCI_PaletteIndex)
        out.m_bands = Bands::palette;
    else if (count == 1)
        out.m_bands = Bands::grey;
    else if (count == 2)
        out.m_bands = Bands::grey_alpha;
    else if (count == 3)
        out.m_bands = Bands::rgb;
    else
        out.m_bands = Bands::rgba;
    const bool has_alpha = count == 2 || count >= 4 || last_interp == GCI_AlphaBand;
    if (out.m_bands == Bands::palette) {
        const GDALColorTable* table = first->GetColorTable();
        out.m_palette.assign(256 * 4, 0);
        for (int i = 0; i < std::min(256, table->GetColorEntryCount()); ++i) {
            const GDALColorEntry* e = table->GetColorEntry(i);
            const std::uint8_t c[4] = {static_cast<std::uint8_t>(e->c1), static_cast<std::uint8_t>(e->c2),
                                       static_cast<std::uint8_t>(e->c3), static_cast<std::uint8_t>(e->c4)};
            std::copy(c, c + 4, out.m_palette.begin() + i * 4);
        }
        int has_nodata = 0;
        const double nodata = first->GetNoDataValue(&has_nodata);
        if (has_nodata && nodata >= 0 && nodata < 256) out.m_palette[static_cast<std::size_t>(nodata) * 4 + 3] = 0;
    }
    out.m_view = &src;
    if (!is_web_mercator(*srs)) {
        if (out.m_bands == Bands::palette)
            return fail_fmt("{}: a paletted raster must be in EPSG:3857 to be drawn", path);
        auto warped = warp_to_mercator(src, has_alpha, path);
        if (!warped) return tl::unexpected(warped.error());
        out.m_warped = std::move(*warped);
        out.m_view = out.m_warped.get();
        if (out.m_bands == Bands::grey && !has_alpha) out.m_bands = Bands::grey_alpha;
        if (out.m_bands == Bands::rgb && !has_alpha) out.m_bands = Bands::rgba;
        if (out.m_view->GetGeoTransform(geo) != CE_None)
            return fail_fmt("{}: the warped view has no geotransform", path);
    }
    if (geo[2] != 0.0 || geo[4] != 0.0) return fail_fmt("{}: rotated rasters are not supported as basemaps", path);
    std::copy(geo, geo + 6, out.m_geo);
    GDALDataset& view = *out.m_view;
    const int w = view.GetRasterXSize(), h = view.GetRasterYSize();
    out.m_extent = {geo[0], geo[3] + geo[5] * h, geo[0] + geo[1] * w, geo[3]};
    if (out.m_extent.empty()) return fail_fmt("{}: the raster has an empty or flipped extent", path);
    const int bands = std::min(view.GetRasterCount(), 4);
    Level full{{}, w, h};
    for (int b = 1; b <= bands; ++b) full.bands.push_back(view.GetRasterBand(b));
    out.m_levels.push_back(full);
    const int overviews = view.GetRasterBand(1)->GetOverviewCount();
    for (int o = 0; o < overviews; ++o) {
        Level level;
        for (int b = 1; b <= bands; ++b)
            if (GDALRasterBand* ov = view.GetRasterBand(b)->GetOverview(o)) level.bands.push_back(ov);
        if (static_cast<int>(level.bands.size()) != bands) continue;
        level.width_px = level.bands[0]->GetXSize();
        level.height_px = level.bands[0]->GetYSize();
        out.m_levels.push_back(std::move(level));
    }
    std::sort(out.m_levels.begin() + 1, out.m_levels.end(),
              [](const Level& a, const Level& b) { return a.width_px > b.width_px; });
    out.m_attribution = metadata_credit(src);
    out.m_description =
        fmt::format("{} {}×{} px, {} level(s), {}", src.GetDriver()->GetDescription(), src.GetRasterXSize(),
                    src.GetRasterYSize(), out.m_levels.size(), srs->GetName() ? srs->GetName() : "unnamed CRS");
    return out;
}

double RasterBasemap::level_metres_per_px(int level) const {
    const Level& l = m_levels.at(static_cast<std::size_t>(level));
    return (m_extent.max_x_m - m_extent.min_x_m) / l.width_px;
}

int RasterBasemap::level_for(double metres_per_px) const {
    int best = 0;
    for (int i = 1; i < level_count(); ++i)
        if (level_metres_per_px(i) <= metres_per_px * 1.01) best = i;  // overview sizes are rounded
    return best;
}

int RasterBasemap::native_zoom() const {
    return static_cast<int>(std::ceil(std::log2(kTileZoom0MetresPerPx / level_metres_per_px(0)) - 1e-6));
}

Result<RgbaImage> RasterBasemap::read(const MercatorBox& box, int width_px, int height_px) const {
    RgbaImage out{width_px, height_px,
                  std::vector<std::uint8_t>(static_cast<std::size_t>(width_px) * height_px * 4, 0)};
    if (width_px <= 0 || height_px <= 0 || box.empty() || !box.intersects(m_extent)) return out;
    const int level_index = level_for((box.max_x_m - box.min_x_m) / width_px);
    const Level& level = m_levels[static_cast<std::size_t>(level_index)];
    // Source pixels of this level (floating), then the part inside the raster.
    const double sx = level.width_px / (m_extent.max_x_m - m_extent.min_x_m);
    const double sy = level.height_px / (m_extent.max_y_m - m_extent.min_y_m);
    const double px0 = (box.min_x_m - m_extent.min_x_m) * sx, px1 = (box.max_x_m - m_extent.min_x_m) * sx;
    const double py0 = (m_extent.max_y_m - box.max_y_m) * sy, py1 = (m_extent.max_y_m - box.min_y_m) * sy;
    const double ix0 = std::max(px0, 0.0), ix1 = std::min(px1, static_cast<double>(level.width_px));
    const double iy0 = std::max(py0, 0.0), iy1 = std::min(py1, static_cast<double>(level.height_px));
    // The output pixels that window covers.
    const int ox0 = static_cast<int>(std::lround((ix0 - px0) / (px1 - px0) * width_px));
    const int ox1 = static_cast<int>(std::lround((ix1 - px0) / (px1 - px0) * width_px));
    const int oy0 = static_cast<int>(std::lround((iy0 - py0) / (py1 - py0) * height_px));
    const int oy1 = static_cast<int>(std::lround((iy1 - py0) / (py1 - py0) * height_px));
    const int ow = ox1 - ox0, oh = oy1 - oy0;
    if (ow <= 0 || oh <= 0 || ix1 <= ix0 || iy1 <= iy0) return out;

    GDALRasterIOExtraArg extra;
    INIT_RASTERIO_EXTRA_ARG(extra);
    extra.eResampleAlg = GRIORA_Bilinear;
    extra.bFloatingPointWindowValidity = TRUE;
    extra.dfXOff = ix0;
    extra.dfYOff = iy0;
    extra.dfXSize = ix1 - ix0;
    extra.dfYSize = iy1 - iy0;
    const int x_off = static_cast<int>(std::floor(ix0)), y_off = static_cast<int>(std::floor(iy0));
    const int x_size = std::max(1, std::min(level.width_px, static_cast<int>(std::ceil(ix1))) - x_off);
    const int y_size = std::max(1, std::min(level.height_px, static_cast<int>(std::ceil(iy1))) - y_off);

    gdal::ErrorCapture capture;
    std::uint8_t* base = out.rgba.data() + (static_cast<std::size_t>(oy0) * width_px + ox0) * 4;
    const GSpacing pixel = 4, line = static_cast<GSpacing>(width_px) * 4;
    // Band b (1-based) of the file goes to byte `channel` of each pixel.
    const auto read_band = [&](std::size_t band, int channel) {
        if (band >= level.bands.size()) return true;
        if (m_bands == Bands::palette) extra.eResampleAlg = GRIORA_NearestNeighbour;  // indices do not blend
        return level.bands[band]->RasterIO(GF_Read, x_off, y_off, x_size, y_size, base + channel, ow, oh, GDT_Byte,
                                           pixel, line, &extra) == CE_None;
    };
    bool ok = true;
    switch (m_bands) {
        case Bands::rgba:
            ok = read_band(0, 0) && read_band(1, 1) && read_band(2, 2) && read_band(3, 3);
            break;
        case Bands::rgb:
            ok = read_band(0, 0) && read_band(1, 1) && read_band(2, 2);
            break;
        case Bands::grey_alpha:
            ok = read_band(0, 0) && read_band(1, 3);
            break;
        case Bands::grey:
        case Bands::palette:
            ok = read_band(0, 0);
            break;
    }
    if (!ok) return fail_fmt("{}: cannot read the raster: {}", m_path, capture.last_message());
    for (int y = oy0; y < oy1; ++y) {
        std::uint8_t* p = out.rgba.data() + (static_cast<std::size_t>(y) * width_px + ox0) * 4;
        for (int x = 0; x < ow; ++x, p += 4) {
            switch (m_bands) {
                case Bands::rgb:
                    p[3] = 255;
                    break;
                case Bands::grey:
                    p[1] = p[2] = p[0];
                    p[3] = 255;
                    break;
                case Bands::grey_alpha:
                    p[1] = p[2] = p[0];
                    break;
                case Bands::palette:
                    std::copy_n(m_palette.data() + static_cast<std::size_t>(p[0]) * 4, 4, p);
                    break;
                case Bands::rgba:
                    break;
            }
        }
    }
    return out;
}

}  // namespace geo
