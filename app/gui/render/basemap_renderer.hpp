#pragma once
// The basemap layers of a MapRenderer: raster basemaps (one RasterLayer
// each: tiles decoded on its worker, textures uploaded here) and OSM vector
// basemaps (meshes of every zoom band built on one debounced mesh worker,
// uploaded here; the band of the view's zoom is drawn).
// Needs a current GL 3.3 context for every call; main thread only.
// Failure: create() returns the shader error; tile and mesh problems are
// appended to poll()'s `errors` (for the status line).
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/model/map_model.hpp"
#include "app/gui/model/recompute.hpp"
#include "app/gui/render/basemap_meshes.hpp"
#include "app/gui/render/gpu_mesh.hpp"
#include "app/gui/render/raster_layer.hpp"
#include "app/gui/render/shader_program.hpp"

namespace app::gui {

class BasemapRenderer {
public:
    static geo::Result<std::unique_ptr<BasemapRenderer>> create();

    // Files tile requests for the camera's view (plus `margin_px`) and mesh
    // jobs for new OSM basemaps; uploads what arrived. True when something
    // new is to be drawn.
    bool poll(const MapModel& model, double margin_px, std::vector<std::string>& errors);
    [[nodiscard]] bool idle() const;
    // Draws a raster basemap layer; for an OSM one, returns the mesh of the
    // view's zoom band for the caller to draw (nullptr otherwise).
    const GpuMesh* draw(const Layer& layer, const Camera& view);
    [[nodiscard]] std::size_t resident_tiles() const;

private:
    BasemapRenderer() = default;
    struct Job {
        std::map<std::string, std::shared_ptr<const geo::OsmBasemap>> layers;
    };
    using Meshes = std::map<std::string, BasemapMeshes>;
    struct GpuBand {
        double min_zoom = 0.0, max_zoom = 99.0;
        std::unique_ptr<GpuMesh> mesh;
    };

    std::optional<ShaderProgram> m_tile_program;
    std::map<std::string, std::unique_ptr<RasterLayer>> m_rasters;
    std::unique_ptr<Recompute<Job, Meshes>> m_worker;
    std::map<std::string, std::vector<GpuBand>> m_vector;
    std::optional<unsigned> m_revision;
};

}  // namespace app::gui
