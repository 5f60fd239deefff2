#include "app/gui/model/basemap_loading.hpp"

#include <algorithm>
#include <filesystem>

#include "app/gui/model/context_loading.hpp"

namespace app::gui {

geo::Result<std::string> load_basemap(MapModel& model, const std::string& path, const std::string& cache_dir) {
    Basemap basemap;
    basemap.path = path;
    if (geo::is_osm_extract(path)) {
        auto osm = geo::load_osm_basemap(path, cache_dir);
        if (!osm) return tl::unexpected(osm.error());
        // Its place names join the place layer (a name already there is kept once).
        if (!osm->places.empty()) {
            std::vector<geo::Place> places = model.places();
            for (const geo::Place& p : osm->places)
                if (std::none_of(places.begin(), places.end(), [&](const geo::Place& q) { return q.name == p.name; }))
                    places.push_back(p);
            model.set_places(std::move(places));
        }
        basemap.credit = kOsmCredit;
        basemap.osm = std::make_shared<const geo::OsmBasemap>(std::move(*osm));
    } else {
        auto raster = geo::RasterBasemap::open(path);
        if (!raster) {
            // Not a raster at all: a vector file is a (styled) context layer.
            if (raster.error().message.find("not a raster GDAL can read") == std::string::npos)
                return tl::unexpected(raster.error());
            auto credit = load_context_layer(model, path);
            if (!credit && credit.error().message.find("not a vector file GDAL can read") != std::string::npos)
                return geo::fail_fmt("{}: neither a raster nor a vector file GDAL can read (no driver recognises it)",
                                     path);
            return credit;
        }
        basemap.credit =
            raster->attribution().empty() ? std::filesystem::path(path).filename().string() : raster->attribution();
        basemap.raster = RasterBasemapInfo{path, raster->extent(), raster->native_zoom()};
    }
    const std::string credit = basemap.credit;
    model.set_basemap(model.layers().add_basemap(path), std::move(basemap));
    return credit;
}

}  // namespace app::gui
