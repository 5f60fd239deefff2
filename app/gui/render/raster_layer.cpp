#include "app/gui/render/raster_layer.hpp"

#include <algorithm>
#include <cmath>

#include "app/gui/errors/error_text.hpp"

namespace app::gui {
namespace {

geo::MercatorBox view_box(const Camera& camera, double margin_px) {
    const Mercator lo = camera.visible_min(), hi = camera.visible_max();
    const double m = margin_px * camera.metres_per_px();
    return {lo.x_m - m, lo.y_m - m, hi.x_m + m, hi.y_m + m};
}

}  // namespace

int tile_zoom_for(double camera_zoom, int native_zoom) {
    return std::clamp(static_cast<int>(std::floor(camera_zoom + 0.5)), 0, std::max(0, native_zoom));
}

std::vector<geo::TileId> tiles_covering(const geo::MercatorBox& view, const geo::MercatorBox& extent, int z) {
    const geo::MercatorBox box{std::max(view.min_x_m, extent.min_x_m), std::max(view.min_y_m, extent.min_y_m),
                               std::min(view.max_x_m, extent.max_x_m), std::min(view.max_y_m, extent.max_y_m)};
    if (box.empty()) return {};
    const int n = 1 << z;
    const double size_m = 2.0 * geo::kMercatorHalfWorldM / n;
    // Tiles are half-open: a view ending on a tile edge does not take the next one.
    const auto first = [&](double v) { return std::clamp(static_cast<int>(std::floor(v / size_m)), 0, n - 1); };
    const auto last = [&](double v) { return std::clamp(static_cast<int>(std::ceil(v / size_m)) - 1, 0, n - 1); };
    std::vector<geo::TileId> out;
    for (int y = first(geo::kMercatorHalfWorldM - box.max_y_m); y <= last(geo::kMercatorHalfWorldM - box.min_y_m); ++y)
        for (int x = first(box.min_x_m + geo::kMercatorHalfWorldM); x <= last(box.max_x_m + geo::kMercatorHalfWorldM);
             ++x)
            out.push_back({z, x, y});
    const double cx = (view.min_x_m + view.max_x_m) / 2, cy = (view.min_y_m + view.max_y_m) / 2;
    const auto dist = [&](const geo::TileId& t) {
        const geo::MercatorBox b = geo::tile_bounds(t);
        return std::hypot((b.min_x_m + b.max_x_m) / 2 - cx, (b.min_y_m + b.max_y_m) / 2 - cy);
    };
    std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) { return dist(a) < dist(b); });
    return out;
}

RasterLayer::RasterLayer(RasterBasemapInfo info)
    : m_info(std::move(info)), m_loader(m_info.path), m_vao(gl::make_vertex_array()) {}

bool RasterLayer::poll(const Camera& camera, double margin_px) {
    bool arrived = false;
    for (DecodedTile& d : m_loader.take()) {
        upload(d);
        arrived = true;
    }
    const int z = tile_zoom_for(camera.zoom(), m_info.native_zoom);
    std::vector<geo::TileId> wanted = tiles_covering(view_box(camera, margin_px), m_info.extent, z);
    std::vector<geo::TileId> missing;
    for (const geo::TileId& t : wanted)
        if (!m_tiles.contains(t) && !m_failed.contains(t)) missing.push_back(t);
    if (wanted != m_wanted) {
        m_loader.want(missing);
        evict({wanted.begin(), wanted.end()});
        m_wanted = std::move(wanted);
    }
    return arrived;
}

void RasterLayer::upload(DecodedTile& decoded) {
    if (!decoded.image) {
        if (!m_error) m_error = error_text(decoded.image.error());
        m_failed.insert(decoded.id);
        return;
    }
    const geo::RgbaImage& img = *decoded.image;
    Tile tile;
    tile.last_used = ++m_clock;
    tile.empty = true;
    for (std::size_t i = 3; i < img.rgba.size() && tile.empty; i += 4) tile.empty = img.rgba[i] == 0;
    if (!tile.empty) {
        tile.texture = gl::make_texture();
        glBindTexture(GL_TEXTURE_2D, tile.texture.get());
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, img.width_px, img.height_px, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                     img.rgba.data());
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glBindTexture(GL_TEXTURE_2D, 0);
    }
    m_tiles[decoded.id] = std::move(tile);
    evict({m_wanted.begin(), m_wanted.end()});
}

void RasterLayer::evict(const std::set<geo::TileId>& keep) {
    const std::size_t max_tiles = kMaxTextureBytes / kTileBytes;
    while (m_tiles.size() > max_tiles) {
        auto oldest = m_tiles.end();
        for (auto it = m_tiles.begin(); it != m_tiles.end(); ++it)
            if (!keep.contains(it->first) &&
                (oldest == m_tiles.end() || it->second.last_used < oldest->second.last_used))
                oldest = it;
        if (oldest == m_tiles.end()) return;  // the view alone needs more: keep it whole
        m_tiles.erase(oldest);
    }
}

RasterLayer::Tile* RasterLayer::resident_ancestor(geo::TileId id, geo::TileId& found) {
    for (geo::TileId t = id; t.z > 0;) {
        t = {t.z - 1, t.x / 2, t.y / 2};
        if (auto it = m_tiles.find(t); it != m_tiles.end()) {
            found = t;
            return &it->second;
        }
    }
    return nullptr;
}

void RasterLayer::draw(const ShaderProgram& program, const Camera& view, float opacity) {
    const int z = tile_zoom_for(view.zoom(), m_info.native_zoom);
    const Mercator c = view.center();
    const double half_w_m = view.metres_per_px() * view.width_px() / 2.0;
    const double half_h_m = view.metres_per_px() * view.height_px() / 2.0;
    program.use();
    program.set("u_opacity", opacity);
    program.set("u_tile", 0);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(m_vao.get());
    const geo::MercatorBox box{c.x_m - half_w_m, c.y_m - half_h_m, c.x_m + half_w_m, c.y_m + half_h_m};
    for (const geo::TileId& id : tiles_covering(box, m_info.extent, z)) {
        Tile* tile = nullptr;
        geo::TileId source = id;
        if (auto it = m_tiles.find(id); it != m_tiles.end())
            tile = &it->second;
        else
            tile = resident_ancestor(id, source);
        if (!tile || tile->empty) continue;
        tile->last_used = ++m_clock;
        const geo::MercatorBox b = geo::tile_bounds(id), s = geo::tile_bounds(source);
        const double sw = s.max_x_m - s.min_x_m;
        glUniform4f(program.uniform("u_rect"), static_cast<float>((b.min_x_m - c.x_m) / half_w_m),
                    static_cast<float>((b.min_y_m - c.y_m) / half_h_m),
                    static_cast<float>((b.max_x_m - c.x_m) / half_w_m),
                    static_cast<float>((b.max_y_m - c.y_m) / half_h_m));
        glUniform4f(program.uniform("u_uv"), static_cast<float>((b.min_x_m - s.min_x_m) / sw),
                    static_cast<float>((s.max_y_m - b.max_y_m) / sw), static_cast<float>((b.max_x_m - s.min_x_m) / sw),
                    static_cast<float>((s.max_y_m - b.min_y_m) / sw));
        glBindTexture(GL_TEXTURE_2D, tile->texture.get());
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    }
    glBindTexture(GL_TEXTURE_2D, 0);
}

}  // namespace app::gui
