#include "app/gui/model/tile_loader.hpp"

#include <optional>

#include "app/gui/model/main_loop_wake.hpp"

namespace app::gui {

TileLoader::TileLoader(std::string path, int tile_size_px)
    : m_path(std::move(path)), m_tile_size_px(tile_size_px), m_thread([this] { run(); }) {}

TileLoader::~TileLoader() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void TileLoader::want(std::vector<geo::TileId> tiles) {
    {
        std::lock_guard lock(m_mutex);
        m_waiting.assign(tiles.begin(), tiles.end());
    }
    m_wake.notify_all();
}

std::vector<DecodedTile> TileLoader::take() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_done, {});
}

bool TileLoader::idle() const {
    std::lock_guard lock(m_mutex);
    return m_waiting.empty() && !m_busy && m_done.empty();
}

void TileLoader::run() {
    std::optional<geo::Result<geo::RasterBasemap>> map;  // opened on this thread, at the first request
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [this] { return m_stop || !m_waiting.empty(); });
        if (m_stop) return;
        const geo::TileId id = m_waiting.front();
        m_waiting.pop_front();
        m_busy = true;
        lock.unlock();
        if (!map) map.emplace(geo::RasterBasemap::open(m_path));
        geo::Result<geo::RgbaImage> image =
            *map ? (*map)->read_tile(id, m_tile_size_px) : geo::Result<geo::RgbaImage>(tl::unexpected(map->error()));
        lock.lock();
        m_done.push_back({id, std::move(image)});
        m_busy = false;
        lock.unlock();
        wake_main_loop();
        lock.lock();
    }
}

}  // namespace app::gui
