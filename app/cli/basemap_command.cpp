// territoire basemap: what a basemap file holds, as the map will use it. A
// raster: driver, size, CRS, pyramid levels and their resolution, native
// tile zoom, credit. An OpenStreetMap extract: built into its basemap cache
// (or read from it) and summarised band by band, class by class.
// Vector files are not basemaps here: `render --context` / `--basemap` draw
// them as context layers.
#include <array>
#include <cmath>
#include <cstdio>

#include <fmt/core.h>

#include "app/cli/cli_error.hpp"
#include "app/cli/commands.hpp"
#include "geo/io/osm_basemap.hpp"
#include "geo/io/raster_basemap.hpp"

namespace app::cli {
namespace {

double lon_of(double x_m) {
    return x_m / geo::kMercatorHalfWorldM * 180.0;
}
double lat_of(double y_m) {
    return (2.0 * std::atan(std::exp(y_m / 6378137.0)) - M_PI / 2.0) * 180.0 / M_PI;
}

CliResult<void> describe_raster(const std::string& path) {
    auto raster = geo::RasterBasemap::open(path);
    if (!raster) return tl::unexpected(CliError{1, raster.error().message});
    const geo::MercatorBox e = raster->extent();
    fmt::print("{}: raster basemap, {}\n", path, raster->description());
    fmt::print("  extent W,S,E,N: {:.5f},{:.5f},{:.5f},{:.5f}\n", lon_of(e.min_x_m), lat_of(e.min_y_m),
               lon_of(e.max_x_m), lat_of(e.max_y_m));
    for (int i = 0; i < raster->level_count(); ++i)
        fmt::print("  level {}: {:.2f} m/px (Web Mercator)\n", i, raster->level_metres_per_px(i));
    fmt::print("  native tile zoom: {}\n", raster->native_zoom());
    fmt::print("  credit: {}\n", raster->attribution().empty() ? "(none in the file)" : raster->attribution());
    return {};
}

CliResult<void> describe_osm(const std::string& path, const std::string& cache_dir) {
    std::string note;
    auto osm = geo::load_osm_basemap(path, cache_dir, &note);
    if (!osm) return tl::unexpected(CliError{1, osm.error().message});
    fmt::print("{}: OpenStreetMap basemap in {} zoom bands\n", path, osm->bands.size());
    for (const geo::BasemapBand& band : osm->bands) {
        std::array<std::size_t, geo::kBasemapClassCount> n{};
        std::size_t points = 0;
        for (const auto& l : band.lines) {
            ++n[static_cast<int>(l.cls)];
            points += l.points.size();
        }
        for (const auto& a : band.areas) {
            ++n[static_cast<int>(a.cls)];
            for (const auto& p : a.polygons.polygons)
                for (const auto& r : p.rings) points += r.size();
        }
        fmt::print("  zoom {:g}–{:g}: {} points;", band.min_zoom, band.max_zoom, points);
        for (int c = 0; c < geo::kBasemapClassCount; ++c)
            if (n[c] > 0) fmt::print(" {} {}", geo::basemap_class_name(static_cast<geo::BasemapClass>(c)), n[c]);
        fmt::print("\n");
    }
    fmt::print("  place names: {}\n  credit: © OpenStreetMap contributors\n  cache {}\n", osm->places.size(), note);
    return {};
}

}  // namespace

void add_basemap_command(CLI::App& app, CommonOptions&, int& exit_code) {
    auto* cmd = app.add_subcommand(
        "basemap", "Describe basemap files (raster levels and zoom; OSM extracts: build their basemap cache)");
    auto files = std::make_shared<std::vector<std::string>>();
    auto cache = std::make_shared<std::string>(geo::default_basemap_cache_dir());
    cmd->add_option("files", *files, "MBTiles, GeoTIFF, GeoPackage tiles or .osm.pbf files")
        ->required()
        ->check(CLI::ExistingFile);
    cmd->add_option("--cache", *cache, "Folder of the OSM basemap caches")->capture_default_str();
    cmd->callback([files, cache, &exit_code] {
        for (const std::string& f : *files) {
            exit_code = finish("basemap", geo::is_osm_extract(f) ? describe_osm(f, *cache) : describe_raster(f));
            if (exit_code != 0) return;
        }
    });
}

}  // namespace app::cli
