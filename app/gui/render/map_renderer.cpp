#include "app/gui/render/map_renderer.hpp"

#include <malloc.h>

#include <algorithm>
#include <thread>

#include "app/gui/render/palette.hpp"
#include "app/gui/render/shader_sources.hpp"

namespace app::gui {
namespace {

using namespace std::chrono_literals;
constexpr auto kNoDebounce = 0ms;
constexpr double kPickRadiusPx = 7.0;

template <class Job, class Mesh>
std::unique_ptr<Recompute<Job, Mesh>> make_worker(Mesh (*build)(const Job&)) {
    return std::make_unique<Recompute<Job, Mesh>>(
        [build](const Job& job, const std::function<bool()>&) { return build(job); }, kNoDebounce);
}

}  // namespace

geo::Result<std::unique_ptr<MapRenderer>> MapRenderer::create() {
    std::unique_ptr<MapRenderer> r(new MapRenderer());
    auto points = ShaderProgram::build("points", shaders::points_vert, {}, shaders::points_frag);
    if (!points) return tl::unexpected(points.error());
    auto fill = ShaderProgram::build("fill", shaders::fill_vert, {}, shaders::fill_frag);
    if (!fill) return tl::unexpected(fill.error());
    auto line = ShaderProgram::build("line", shaders::line_vert, {}, shaders::line_frag);
    if (!line) return tl::unexpected(line.error());
    auto density = ShaderProgram::build("density", shaders::density_vert, {}, shaders::density_frag);
    if (!density) return tl::unexpected(density.error());
    auto basemaps = BasemapRenderer::create();
    if (!basemaps) return tl::unexpected(basemaps.error());
    r->m_basemaps = std::move(*basemaps);
    r->m_density_program.emplace(std::move(*density));
    r->m_density = std::make_unique<GpuDensity>();
    r->m_points_program.emplace(std::move(*points));
    r->m_fill_program.emplace(std::move(*fill));
    r->m_line_program.emplace(std::move(*line));

    r->m_territory_worker = make_worker<TerritoryJob, TerritoryMesh>(
        [](const TerritoryJob& job) { return build_territory_mesh(job.territories); });
    r->m_perimeter_worker =
        make_worker<PerimeterJob, MeshResult>([](const PerimeterJob& job) { return build_perimeter_mesh(job.levels); });
    r->m_gaps_worker = make_worker<GapsJob, PolygonMesh>(
        [](const GapsJob& job) { return job.gaps ? build_gaps_mesh(*job.gaps) : PolygonMesh{}; });
    r->m_context_worker = make_worker<ContextJob, ContextMeshes>([](const ContextJob& job) {
        ContextMeshes out;
        for (const auto& [id, geometry] : job.layers) {
            out[id] = build_context_mesh(geometry);
            for (std::string& e : out[id].errors) e = id + ": " + e;
        }
        return out;
    });
    r->m_territory_mesh = std::make_unique<GpuMesh>();
    r->m_commune_mesh = std::make_unique<GpuMesh>();
    r->m_perimeter_mesh = std::make_unique<GpuMesh>();
    r->m_gaps_mesh = std::make_unique<GpuMesh>();
    r->m_points = std::make_unique<GpuPoints>();
    return r;
}

MapRenderer::~MapRenderer() = default;

bool MapRenderer::poll(const MapModel& model) {
    // File jobs for geometry that changed since it was last requested.
    if (m_territories_rev != model.territories_revision()) {
        m_territories_rev = model.territories_revision();
        m_territory_worker->request({model.territories()});
    }
    if (m_perimeters_rev != model.perimeters_revision()) {
        m_perimeters_rev = model.perimeters_revision();
        m_perimeter_worker->request({model.perimeters()});
    }
    if (m_gaps_requested != model.gaps().get()) {  // not on a mere selection change
        m_gaps_requested = model.gaps().get();
        m_gaps_worker->request({model.gaps()});
    }
    if (m_context_rev != model.context_revision()) {
        m_context_rev = model.context_revision();
        m_context_worker->request({model.context()});
    }

    bool arrived = false;
    if (m_basemaps->poll(model, LayerCache::kMarginPx, m_errors)) {
        ++m_mesh_generation;
        arrived = true;
    }
    m_stats.basemap_tiles = m_basemaps->resident_tiles();
    if (m_density_rev != model.density_revision()) {
        m_density_rev = model.density_revision();
        m_density->upload(model.density());
        ++m_mesh_generation;
        arrived = true;
    }
    for (auto& d : m_territory_worker->poll()) {
        ++m_mesh_generation;
        m_territory_mesh->upload(d.result.mesh);
        m_errors.insert(m_errors.end(), d.result.errors.begin(), d.result.errors.end());
        m_commune_mesh->upload(d.result.commune_outlines);
        m_labels = std::move(d.result.labels);
        arrived = true;
    }
    for (auto& d : m_perimeter_worker->poll()) {
        ++m_mesh_generation;
        m_perimeter_mesh->upload(d.result.mesh);
        m_errors.insert(m_errors.end(), d.result.errors.begin(), d.result.errors.end());
        arrived = true;
    }
    for (auto& d : m_gaps_worker->poll()) {
        ++m_mesh_generation;
        m_gaps_mesh->upload(d.result);
        arrived = true;
    }
    for (auto& d : m_context_worker->poll()) {
        ++m_mesh_generation;
        m_context_meshes.clear();
        for (const auto& [id, mesh] : d.result) {
            auto gpu = std::make_unique<GpuMesh>();
            gpu->upload(mesh.mesh);
            m_errors.insert(m_errors.end(), mesh.errors.begin(), mesh.errors.end());
            m_context_meshes[id] = std::move(gpu);
        }
        arrived = true;
    }
    // The workers' large temporary meshes were freed in their own malloc
    // arenas: hand that memory back to the system.
    if (arrived) malloc_trim(0);
    return arrived;
}

bool MapRenderer::idle() const {
    return m_territory_worker->idle() && m_perimeter_worker->idle() && m_gaps_worker->idle() &&
           m_context_worker->idle() && m_basemaps->idle();
}

bool MapRenderer::wait_until_idle(const MapModel& model, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    poll(model);
    while (!idle()) {  // polled meanwhile: decoded basemap tiles wait to be taken
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(2ms);
        poll(model);
    }
    poll(model);
    return true;
}

void MapRenderer::update_points(const MapModel& model) {
    m_stats.points_rebuilt = false;
    const bool items_changed = m_items_rev != model.items_revision() || m_filter_rev != model.filter_revision();
    const bool style_changed = m_style_rev != model.style_revision();
    const bool camera_changed = m_camera_rev != model.camera().revision();
    if (!items_changed && !style_changed && !camera_changed) return;
    // Weights re-index (and re-aggregate) the items; hover and selection only restyle them.
    if (items_changed)
        m_index.rebuild(model.items(), model.item_weights(), model.item_filter());
    else if (m_weights_rev != model.weights_revision())
        m_index.set_weights(model.item_weights());
    m_weights_rev = model.weights_revision();
    m_items_rev = model.items_revision();
    m_filter_rev = model.filter_revision();
    m_style_rev = model.style_revision();
    m_camera_rev = model.camera().revision();

    PointStyle style;
    style.selected = model.selected();
    style.hovered = model.hovered();
    m_index.build(model.camera(), style, m_batch);
    m_points->upload(m_batch);
    m_stats.visible_items = m_batch.visible_items;
    m_stats.drawn_points = m_batch.vertices.size();
    m_stats.aggregated = m_batch.aggregated;
    m_stats.points_rebuilt = true;
}

void MapRenderer::draw_mesh(const GpuMesh& mesh, const Camera& view, float opacity) {
    mesh.draw_fill(*m_fill_program, view, opacity);
    m_stats.segments += mesh.draw_lines(*m_line_program, view, opacity);
    m_stats.triangles += mesh.fill_triangles();
}

void MapRenderer::draw_layer(const Layer& layer, const Camera& view) {
    switch (layer.kind) {
        case LayerKind::basemap:
            if (const GpuMesh* mesh = m_basemaps->draw(layer, view)) draw_mesh(*mesh, view, layer.opacity);
            break;
        case LayerKind::context:
            if (auto it = m_context_meshes.find(layer.id); it != m_context_meshes.end()) {
                draw_mesh(*it->second, view, layer.opacity);
            }
            break;
        case LayerKind::territories:
            if (view.zoom() >= kCommuneOutlineZoom) draw_mesh(*m_commune_mesh, view, layer.opacity);
            draw_mesh(*m_territory_mesh, view, layer.opacity);
            break;
        case LayerKind::perimeters:
            draw_mesh(*m_perimeter_mesh, view, layer.opacity);
            break;
        case LayerKind::items:
            m_points->draw(*m_points_program, view, layer.opacity);
            break;
        case LayerKind::density:
            m_density->draw(*m_density_program, view, layer.opacity);
            break;
        case LayerKind::gaps:
            draw_mesh(*m_gaps_mesh, view, layer.opacity);
            break;
        case LayerKind::places:  // labels, drawn by the overlay
            break;
    }
}

void MapRenderer::draw(const MapModel& model, int fb_x, int fb_y) {
    const Camera& camera = model.camera();
    update_points(model);

    glEnable(GL_SCISSOR_TEST);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glEnable(GL_PROGRAM_POINT_SIZE);

    std::vector<const Layer*> visible;
    for (const Layer& layer : model.layers().layers())
        if (layer.visible && layer.opacity > 0.0f && layer.kind != LayerKind::places) visible.push_back(&layer);
    const auto items =
        std::find_if(visible.begin(), visible.end(), [](const Layer* l) { return l->kind == LayerKind::items; });
    // The layers under the items, or all of them: what the picture can hold.
    const auto static_end = items;
    const auto draw_static = [&](const Camera& view) {
        m_stats.segments = m_stats.triangles = 0;
        glClearColor(kMapBackground.r / 255.0f, kMapBackground.g / 255.0f, kMapBackground.b / 255.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        for (auto it = visible.begin(); it != static_end; ++it) draw_layer(**it, view);
    };
    const bool items_on_top = items == visible.end() || items + 1 == visible.end();
    if (items_on_top) {
        m_stats.cached =
            m_cache.present(camera, m_mesh_generation + model.layers().revision(), fb_x, fb_y, draw_static);
        if (items != visible.end()) draw_layer(**items, camera);
    } else {
        // Static layers above the items: draw everything, in order.
        glViewport(fb_x, fb_y, camera.width_px(), camera.height_px());
        glScissor(fb_x, fb_y, camera.width_px(), camera.height_px());
        draw_static(camera);
        for (auto it = static_end; it != visible.end(); ++it) draw_layer(**it, camera);
        m_stats.cached = false;
    }
    glBindVertexArray(0);
    glUseProgram(0);
    glDisable(GL_SCISSOR_TEST);
}

std::optional<std::size_t> MapRenderer::pick(const MapModel& model, ScreenPx cursor) const {
    if (m_items_rev != model.items_revision()) return std::nullopt;
    return m_index.pick(model.camera(), cursor, kPickRadiusPx);
}

}  // namespace app::gui
