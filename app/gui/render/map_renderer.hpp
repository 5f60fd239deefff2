#pragma once
// Draws a MapModel with OpenGL 3.3 core: basemaps, context files, territories,
// density, perimeters and offer items, in the order of the layer stack.
//
// Polygon meshes are built on worker threads (one debounced Recompute per
// kind, latest geometry wins) and uploaded on the GL thread when poll() sees
// them; item points are rebuilt on the GL thread only when the camera, the
// items or their style changed; the layers under the items come from a
// LayerCache picture while the user pans. Needs a current GL context for every call;
// main thread only. Failure: create() returns the shader error.
#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <utility>
#include "app/gui/model/map_model.hpp"
#include "app/gui/model/recompute.hpp"
#include "app/gui/render/basemap_renderer.hpp"
#include "app/gui/render/density_layer.hpp"
#include "app/gui/render/gpu_mesh.hpp"
#include "app/gui/render/item_points.hpp"
#include "app/gui/render/layer_cache.hpp"
#include "app/gui/render/map_meshes.hpp"
#include "app/gui/render/shader_program.hpp"
#include "geo/core/error.hpp"

namespace app::gui {

struct MapDrawStats {
    std::size_t visible_items = 0;
    std::size_t drawn_points = 0;
    bool aggregated = false;
    bool points_rebuilt = false;
    bool cached = false;            // the static layers came from the LayerCache picture
    std::size_t segments = 0;       // line segments drawn when the static layers were last drawn
    std::size_t triangles = 0;      // fill triangles, likewise
    std::size_t basemap_tiles = 0;  // raster basemap tiles resident in GPU memory
};

class MapRenderer {
public:
    static geo::Result<std::unique_ptr<MapRenderer>> create();
    ~MapRenderer();

    // Takes finished meshes from the workers and uploads them; files new
    // mesh jobs for geometry that changed. True when something new arrived
    // (the frame should be redrawn).
    bool poll(const MapModel& model);
    // No mesh job pending or running (for headless renders).
    [[nodiscard]] bool idle() const;
    // poll() until idle or timeout; true when idle.
    bool wait_until_idle(const MapModel& model, std::chrono::milliseconds timeout);

    // Draws into the framebuffer rectangle whose lower-left corner is
    // (fb_x, fb_y), of the camera's viewport size.
    void draw(const MapModel& model, int fb_x, int fb_y);

    [[nodiscard]] const MapDrawStats& stats() const { return m_stats; }
    [[nodiscard]] const std::vector<TerritoryLabel>& territory_labels() const { return m_labels; }
    // What the mesh workers could not draw since the last call ("territory
    // Tours: …", "perimeter level 0.8: …"), for the status line.
    [[nodiscard]] std::vector<std::string> take_errors() { return std::exchange(m_errors, {}); }
    // The item under the cursor (canvas pixels), if any.
    [[nodiscard]] std::optional<std::size_t> pick(const MapModel& model, ScreenPx cursor) const;

private:
    MapRenderer() = default;
    void update_points(const MapModel& model);
    void draw_layer(const Layer& layer, const Camera& view);
    void draw_mesh(const GpuMesh& mesh, const Camera& view, float opacity);  // fill, outlines, stats

    struct TerritoryJob {
        std::vector<geo::Territory> territories;
    };
    struct PerimeterJob {
        std::vector<PerimeterOverlay> levels;
    };
    struct GapsJob {
        std::shared_ptr<const geo::GapResult> gaps;
    };
    struct ContextJob {
        std::map<std::string, ContextGeometry> layers;
    };
    using ContextMeshes = std::map<std::string, MeshResult>;

    std::optional<ShaderProgram> m_points_program, m_fill_program, m_line_program, m_density_program;

    std::unique_ptr<Recompute<TerritoryJob, TerritoryMesh>> m_territory_worker;
    std::unique_ptr<Recompute<PerimeterJob, MeshResult>> m_perimeter_worker;
    std::unique_ptr<Recompute<GapsJob, PolygonMesh>> m_gaps_worker;
    const geo::GapResult* m_gaps_requested = nullptr;  // the result whose mesh was last requested
    std::unique_ptr<Recompute<ContextJob, ContextMeshes>> m_context_worker;
    std::optional<unsigned> m_territories_rev, m_perimeters_rev, m_context_rev;

    std::unique_ptr<GpuMesh> m_territory_mesh, m_commune_mesh, m_perimeter_mesh, m_gaps_mesh;
    std::map<std::string, std::unique_ptr<GpuMesh>> m_context_meshes;
    std::vector<TerritoryLabel> m_labels;
    std::vector<std::string> m_errors;  // polygons the meshes could not fill, since take_errors()
    std::unique_ptr<GpuDensity> m_density;
    std::optional<unsigned> m_density_rev;

    ItemPointIndex m_index;
    PointBatch m_batch;
    std::unique_ptr<GpuPoints> m_points;
    std::optional<unsigned> m_items_rev, m_filter_rev, m_style_rev, m_camera_rev, m_weights_rev;

    std::unique_ptr<BasemapRenderer> m_basemaps;
    LayerCache m_cache;
    unsigned m_mesh_generation = 0;  // bumped at every mesh upload
    MapDrawStats m_stats;
};

}  // namespace app::gui
