#pragma once
// A raster basemap on the map: the 256-px Web Mercator tiles of the view,
// decoded by a TileLoader worker, uploaded here as GL textures and drawn as
// textured quads in the camera's Mercator space (under the offer items, in
// the layer stack's order).
//
// The tile zoom follows the camera (rounded, capped at the file's native
// zoom: beyond it the native tiles are magnified). A tile not decoded yet is
// stood in for by the nearest resident ancestor's matching part, so zooming
// shows a blurred picture at once rather than holes.
// Memory bound: at most kMaxTextureBytes of tile textures (64 MiB = 256
// tiles of 256×256 RGBA) per raster layer; the least recently drawn tiles
// outside the view go first.
// Needs a current GL 3.3 context for poll() and draw(); main thread only.
// Failures: the first tile error is kept for the status line (take_error()).
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/gui/model/basemaps.hpp"
#include "app/gui/model/camera.hpp"
#include "app/gui/model/tile_loader.hpp"
#include "app/gui/render/gl.hpp"
#include "app/gui/render/shader_program.hpp"
#include "geo/io/raster_basemap.hpp"

namespace app::gui {

// The tile zoom drawn at a camera zoom.
int tile_zoom_for(double camera_zoom, int native_zoom);
// The tiles of zoom `z` covering `view` within `extent`, nearest the centre first.
std::vector<geo::TileId> tiles_covering(const geo::MercatorBox& view, const geo::MercatorBox& extent, int z);

class RasterLayer {
public:
    static constexpr std::size_t kTileBytes = 256 * 256 * 4;
    static constexpr std::size_t kMaxTextureBytes = 64u << 20;

    explicit RasterLayer(RasterBasemapInfo info);

    // Asks the worker for the tiles of `camera`'s view (plus `margin_px`
    // around it) that are not resident, and uploads those decoded since.
    // True when a tile arrived (the picture must be redrawn).
    bool poll(const Camera& camera, double margin_px);
    void draw(const ShaderProgram& program, const Camera& view, float opacity);
    [[nodiscard]] bool idle() const { return m_loader.idle(); }
    [[nodiscard]] std::size_t resident_tiles() const { return m_tiles.size(); }
    [[nodiscard]] std::optional<std::string> take_error() { return std::exchange(m_error, std::nullopt); }

private:
    struct Tile {
        gl::Texture texture;
        std::uint64_t last_used = 0;
        bool empty = false;  // fully transparent: nothing to draw
    };
    void upload(DecodedTile& decoded);
    void evict(const std::set<geo::TileId>& keep);
    Tile* resident_ancestor(geo::TileId id, geo::TileId& found);

    RasterBasemapInfo m_info;
    TileLoader m_loader;
    std::map<geo::TileId, Tile> m_tiles;
    std::set<geo::TileId> m_failed;  // tiles whose read failed: not asked again
    std::vector<geo::TileId> m_wanted;
    std::uint64_t m_clock = 0;
    std::optional<std::string> m_error;
    gl::VertexArray m_vao;
};

}  // namespace app::gui
