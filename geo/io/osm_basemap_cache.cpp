// The OSM basemap cache: a little-endian binary image of the banded
// basemap, written once next to the other caches and read back at every
// start while the extract's size and modification time are unchanged.
#include <bit>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "geo/core/data_dir.hpp"
#include "geo/io/atomic_file.hpp"
#include "geo/io/input_file.hpp"
#include "geo/io/osm_basemap.hpp"

namespace geo {
namespace {

namespace fs = std::filesystem;
static_assert(std::endian::native == std::endian::little, "the cache is written little-endian");
constexpr char kMagic[8] = {'T', 'E', 'R', 'R', 'B', 'M', '0', '1'};

class Writer {
public:
    template <class T>
    void put(T v) {
        m_out.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void put(const std::string& s) {
        put(static_cast<std::uint32_t>(s.size()));
        m_out += s;
    }
    void put(const Ring& ring) {
        put(static_cast<std::uint32_t>(ring.size()));
        for (const LonLat& p : ring) {
            put(p.lon_deg);
            put(p.lat_deg);
        }
    }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
};

class Reader {
public:
    explicit Reader(const std::string& bytes) : m_bytes(bytes) {}
    template <class T>
    bool get(T& v) {
        if (m_at + sizeof v > m_bytes.size()) return false;
        std::memcpy(&v, m_bytes.data() + m_at, sizeof v);
        m_at += sizeof v;
        return true;
    }
    bool get(std::string& s) {
        std::uint32_t n = 0;
        if (!get(n) || m_at + n > m_bytes.size()) return false;
        s.assign(m_bytes, m_at, n);
        m_at += n;
        return true;
    }
    bool count(std::uint32_t& n, std::size_t min_item_bytes) {  // refuses counts the bytes cannot hold
        return get(n) && static_cast<std::size_t>(n) * min_item_bytes <= m_bytes.size() - m_at;
    }
    bool get(Ring& ring) {
        std::uint32_t n = 0;
        if (!count(n, 16)) return false;
        ring.resize(n);
        for (LonLat& p : ring)
            if (!get(p.lon_deg) || !get(p.lat_deg)) return false;
        return true;
    }
    [[nodiscard]] bool at_end() const { return m_at == m_bytes.size(); }

private:
    const std::string& m_bytes;
    std::size_t m_at = 0;
};

}  // namespace

std::string encode_osm_basemap(const OsmBasemap& basemap, std::uint64_t key_size, std::int64_t key_mtime) {
    Writer w;
    for (char c : kMagic) w.put(c);
    w.put(key_size);
    w.put(key_mtime);
    w.put(basemap.source);
    for (double v :
         {basemap.bounds.west_deg, basemap.bounds.south_deg, basemap.bounds.east_deg, basemap.bounds.north_deg})
        w.put(v);
    w.put(static_cast<std::uint32_t>(basemap.places.size()));
    for (const Place& p : basemap.places) {
        w.put(p.name);
        w.put(p.insee);
        w.put(static_cast<std::int32_t>(p.rank));
        w.put(p.population);
        w.put(p.position.lon_deg);
        w.put(p.position.lat_deg);
    }
    w.put(static_cast<std::uint32_t>(basemap.bands.size()));
    for (const BasemapBand& band : basemap.bands) {
        w.put(band.min_zoom);
        w.put(band.max_zoom);
        w.put(static_cast<std::uint32_t>(band.lines.size()));
        for (const BasemapLine& line : band.lines) {
            w.put(static_cast<std::uint8_t>(line.cls));
            w.put(line.points);
        }
        w.put(static_cast<std::uint32_t>(band.areas.size()));
        for (const BasemapArea& area : band.areas) {
            w.put(static_cast<std::uint8_t>(area.cls));
            w.put(static_cast<std::uint32_t>(area.polygons.polygons.size()));
            for (const Polygon& polygon : area.polygons.polygons) {
                w.put(static_cast<std::uint32_t>(polygon.rings.size()));
                for (const Ring& ring : polygon.rings) w.put(ring);
            }
        }
    }
    return w.take();
}

Result<OsmBasemap> decode_osm_basemap(const std::string& bytes, std::uint64_t key_size, std::int64_t key_mtime) {
    Reader r(bytes);
    char magic[8];
    for (char& c : magic)
        if (!r.get(c)) return fail_fmt("not a Territoire basemap cache (too short)");
    if (std::memcmp(magic, kMagic, sizeof magic) != 0)
        return fail_fmt("not a Territoire basemap cache (or another version)");
    std::uint64_t size = 0;
    std::int64_t mtime = 0;
    if (!r.get(size) || !r.get(mtime)) return fail_fmt("truncated basemap cache");
    if (size != key_size || mtime != key_mtime)
        return fail_fmt("the basemap cache is of another version of the extract");
    OsmBasemap out;
    const auto truncated = [] { return fail_fmt("truncated or damaged basemap cache"); };
    if (!r.get(out.source)) return truncated();
    for (double* v : {&out.bounds.west_deg, &out.bounds.south_deg, &out.bounds.east_deg, &out.bounds.north_deg})
        if (!r.get(*v)) return truncated();
    std::uint32_t n = 0;
    if (!r.count(n, 36)) return truncated();
    out.places.resize(n);
    for (Place& p : out.places) {
        std::int32_t rank = 0;
        if (!r.get(p.name) || !r.get(p.insee) || !r.get(rank) || !r.get(p.population) || !r.get(p.position.lon_deg) ||
            !r.get(p.position.lat_deg))
            return truncated();
        p.rank = rank;
    }
    if (!r.count(n, 24)) return truncated();
    out.bands.resize(n);
    for (BasemapBand& band : out.bands) {
        std::uint32_t lines = 0, areas = 0;
        if (!r.get(band.min_zoom) || !r.get(band.max_zoom) || !r.count(lines, 5)) return truncated();
        band.lines.resize(lines);
        for (BasemapLine& line : band.lines) {
            std::uint8_t cls = 0;
            if (!r.get(cls) || cls >= kBasemapClassCount || !r.get(line.points)) return truncated();
            line.cls = static_cast<BasemapClass>(cls);
        }
        if (!r.count(areas, 5)) return truncated();
        band.areas.resize(areas);
        for (BasemapArea& area : band.areas) {
            std::uint8_t cls = 0;
            std::uint32_t polygons = 0;
            if (!r.get(cls) || cls >= kBasemapClassCount || !r.count(polygons, 4)) return truncated();
            area.cls = static_cast<BasemapClass>(cls);
            area.polygons.polygons.resize(polygons);
            for (Polygon& polygon : area.polygons.polygons) {
                std::uint32_t rings = 0;
                if (!r.count(rings, 4)) return truncated();
                polygon.rings.resize(rings);
                for (Ring& ring : polygon.rings)
                    if (!r.get(ring)) return truncated();
            }
        }
    }
    if (!r.at_end()) return fail_fmt("damaged basemap cache (bytes after the end)");
    return out;
}

std::string default_basemap_cache_dir() {
    return (fs::path(user_dir("XDG_CACHE_HOME", ".cache")) / "basemaps").string();
}

namespace {

struct SourceKey {
    std::uint64_t size = 0;
    std::int64_t mtime = 0;
};

Result<SourceKey> source_key(const std::string& pbf) {
    std::error_code ec;
    auto usable = check_input_file(pbf);  // a pipe has no size, and libosmium would block on it
    if (!usable) return tl::unexpected(usable.error());
    const auto size = fs::file_size(pbf, ec);
    if (ec) return fail_fmt("{}: {}", pbf, ec.message());
    const auto mtime = fs::last_write_time(pbf, ec);
    if (ec) return fail_fmt("{}: {}", pbf, ec.message());
    return SourceKey{size, static_cast<std::int64_t>(mtime.time_since_epoch().count())};
}

}  // namespace

Result<std::string> osm_basemap_cache_path(const std::string& pbf, const std::string& cache_dir) {
    auto key = source_key(pbf);
    if (!key) return tl::unexpected(key.error());
    std::string stem = fs::path(pbf).filename().string();
    for (const char* ext : {".osm.pbf", ".osm.bz2", ".osm", ".pbf"})
        if (stem.size() > std::strlen(ext) && stem.ends_with(ext)) {
            stem.resize(stem.size() - std::strlen(ext));
            break;
        }
    return (fs::path(cache_dir) / fmt::format("{}-{}-{}.basemap", stem, key->size, key->mtime)).string();
}

Result<OsmBasemap> load_osm_basemap(const std::string& pbf, const std::string& cache_dir, std::string* cache_note) {
    auto key = source_key(pbf);
    if (!key) return tl::unexpected(key.error());
    auto cache = osm_basemap_cache_path(pbf, cache_dir);
    if (!cache) return tl::unexpected(cache.error());
    const auto note = [&](std::string s) {
        if (cache_note) *cache_note = std::move(s);
    };
    if (std::ifstream in{*cache, std::ios::binary}) {
        std::ostringstream bytes;
        bytes << in.rdbuf();
        auto cached = decode_osm_basemap(bytes.str(), key->size, key->mtime);
        if (cached) {
            note("read from " + *cache);
            return cached;
        }
        note(*cache + ": " + cached.error().message + "; rebuilt");
    }
    auto full = read_osm_basemap(pbf);
    if (!full) return tl::unexpected(full.error());
    OsmBasemap banded = band_osm_basemap(*full);
    std::error_code ec;
    fs::create_directories(cache_dir, ec);
    auto file = AtomicFile::prepare(*cache);
    if (!file) {
        note(file.error().message);
        return banded;
    }
    {
        std::ofstream out{file->temp_path(), std::ios::binary};
        const std::string bytes = encode_osm_basemap(banded, key->size, key->mtime);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) {
            note(*cache + ": cannot write the basemap cache");
            return banded;
        }
    }
    if (auto ok = file->commit(); !ok)
        note(ok.error().message);
    else if (cache_note && cache_note->empty())
        note("written to " + *cache);
    return banded;
}

}  // namespace geo
