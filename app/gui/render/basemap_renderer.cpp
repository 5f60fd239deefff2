#include "app/gui/render/basemap_renderer.hpp"

#include "app/gui/render/shader_sources.hpp"

namespace app::gui {

geo::Result<std::unique_ptr<BasemapRenderer>> BasemapRenderer::create() {
    std::unique_ptr<BasemapRenderer> r(new BasemapRenderer());
    auto tile = ShaderProgram::build("tile", shaders::tile_vert, {}, shaders::tile_frag);
    if (!tile) return tl::unexpected(tile.error());
    r->m_tile_program.emplace(std::move(*tile));
    r->m_worker = std::make_unique<Recompute<Job, Meshes>>(
        [](const Job& job, const std::function<bool()>&) {
            Meshes out;
            for (const auto& [id, osm] : job.layers) out[id] = build_basemap_meshes(*osm);
            return out;
        },
        std::chrono::milliseconds(0));
    return r;
}

bool BasemapRenderer::poll(const MapModel& model, double margin_px, std::vector<std::string>& errors) {
    if (m_revision != model.basemaps_revision()) {
        m_revision = model.basemaps_revision();
        Job job;
        for (const auto& [id, basemap] : model.basemaps()) {
            if (basemap.osm) job.layers[id] = basemap.osm;
            if (basemap.raster && !m_rasters.contains(id))
                m_rasters[id] = std::make_unique<RasterLayer>(*basemap.raster);
        }
        std::erase_if(m_rasters, [&](const auto& kv) { return !model.basemaps().contains(kv.first); });
        m_worker->request(std::move(job));
    }
    bool arrived = false;
    for (auto& d : m_worker->poll()) {
        m_vector.clear();
        for (auto& [id, meshes] : d.result) {
            std::vector<GpuBand>& bands = m_vector[id];
            for (auto& band : meshes.bands) {
                bands.push_back({band.min_zoom, band.max_zoom, std::make_unique<GpuMesh>()});
                bands.back().mesh->upload(band.mesh);
            }
            for (const std::string& e : meshes.errors) errors.push_back(id + ": " + e);
        }
        arrived = true;
    }
    for (auto& [id, raster] : m_rasters) {
        const Layer* layer = model.layers().find(id);
        if (!layer || !layer->visible || layer->opacity <= 0.0f) continue;  // hidden: nothing decoded
        arrived |= raster->poll(model.camera(), margin_px);
        if (auto e = raster->take_error()) errors.push_back(*e);
    }
    return arrived;
}

bool BasemapRenderer::idle() const {
    for (const auto& [id, raster] : m_rasters)
        if (!raster->idle()) return false;
    return m_worker->idle();
}

std::size_t BasemapRenderer::resident_tiles() const {
    std::size_t n = 0;
    for (const auto& [id, raster] : m_rasters) n += raster->resident_tiles();
    return n;
}

const GpuMesh* BasemapRenderer::draw(const Layer& layer, const Camera& view) {
    if (auto it = m_rasters.find(layer.id); it != m_rasters.end()) {
        it->second->draw(*m_tile_program, view, layer.opacity);
        return nullptr;
    }
    const auto it = m_vector.find(layer.id);
    if (it == m_vector.end()) return nullptr;
    for (const GpuBand& band : it->second)
        if (view.zoom() >= band.min_zoom && view.zoom() < band.max_zoom) return band.mesh.get();
    return it->second.empty() ? nullptr : it->second.back().mesh.get();
}

}  // namespace app::gui
