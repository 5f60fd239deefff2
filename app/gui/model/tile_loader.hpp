#pragma once
// Decodes the tiles of one raster basemap on a worker thread: the worker
// opens its own geo::RasterBasemap (GDAL datasets belong to one thread),
// takes the tiles the view wants, newest request first, and hands back RGBA
// pictures for the GL thread to upload. A request replaces the tiles still
// waiting (what the view no longer shows is not decoded); each finished tile
// wakes the frame loop (main_loop_wake.hpp). No GL.
// Threads: want(), take() and idle() from the main thread; the destructor
// stops and joins the worker. Failures: a file that cannot be opened or a tile
// that cannot be read comes back as the tile's error (once per request).
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "geo/core/error.hpp"
#include "geo/io/raster_basemap.hpp"

namespace app::gui {

struct DecodedTile {
    geo::TileId id;
    geo::Result<geo::RgbaImage> image;
};

class TileLoader {
public:
    explicit TileLoader(std::string path, int tile_size_px = 256);
    ~TileLoader();
    TileLoader(const TileLoader&) = delete;
    TileLoader& operator=(const TileLoader&) = delete;

    // The tiles to decode, most wanted first; replaces the waiting ones.
    void want(std::vector<geo::TileId> tiles);
    // The tiles decoded since the last call.
    [[nodiscard]] std::vector<DecodedTile> take();
    // Nothing waiting, decoding or untaken.
    [[nodiscard]] bool idle() const;

private:
    void run();

    std::string m_path;
    int m_tile_size_px;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<geo::TileId> m_waiting;
    std::vector<DecodedTile> m_done;
    bool m_busy = false;
    bool m_stop = false;
    std::thread m_thread;  // last: started once the rest is ready
};

}  // namespace app::gui
