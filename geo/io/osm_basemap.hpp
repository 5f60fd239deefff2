#pragma once
// A vector basemap made from an OpenStreetMap extract (.osm.pbf, .osm…):
// roads by class (motorway … tertiary, minor streets), railways (and tram lines), rivers, water areas, forests and
// parks, built-up areas and place names by rank, in WGS 84 lon/lat (x = longitude). Made once per extract and kept as a
// compact binary cache file (see load_osm_basemap), keyed by the extract's size and modification time.
//
// The geometry comes in zoom bands, each simplified for its zoom range
// (Douglas-Peucker with a tolerance of about one pixel at the band's highest
// zoom, measured in ground metres) and holding only what reads at that
// zoom: motorways, trunks, primaries, railways, rivers and large areas when
// zoomed out; every road class and area close in.
// Threads: the functions are reentrant (libosmium readers are per call).
// Failures: the extract cannot be read (the message names the file and what
// libosmium said), or holds nothing a basemap draws.
#include <cstdint>
#include <string>
#include <vector>

#include "geo/core/error.hpp"
#include "geo/core/geometry.hpp"
#include "geo/core/place.hpp"

namespace geo {

enum class BasemapClass : std::uint8_t {
    motorway,
    trunk,
    primary,
    secondary,
    tertiary,
    minor,  // residential, unclassified, living_street, pedestrian: only close in
    railway,
    river,     // waterway=river, canal (lines)
    water,     // natural=water, landuse=reservoir, waterway=riverbank (areas)
    forest,    // landuse=forest, natural=wood
    park,      // leisure=park, garden, landuse=grass/recreation_ground/cemetery
    built_up,  // landuse=residential, commercial, retail, industrial, railway
};
inline constexpr int kBasemapClassCount = 12;
[[nodiscard]] const char* basemap_class_name(BasemapClass c);  // "motorway", …
[[nodiscard]] bool is_area_class(BasemapClass c);

struct BasemapLine {
    BasemapClass cls = BasemapClass::primary;
    Ring points;  // open polyline
};
struct BasemapArea {
    BasemapClass cls = BasemapClass::water;
    MultiPolygon polygons;
};

struct BasemapBand {
    double min_zoom = 0.0, max_zoom = 99.0;  // Web Mercator zooms [min, max)
    std::vector<BasemapLine> lines;
    std::vector<BasemapArea> areas;
};

struct OsmBasemap {
    std::vector<BasemapBand> bands;  // ascending zoom, covering [0, 99)
    std::vector<Place> places;       // named place nodes, ranked (city 1 … hamlet 6)
    LonLatBox bounds;                // of the features kept
    std::string source;              // the extract's file name
    [[nodiscard]] const BasemapBand* band_at(double zoom) const;
};

// Whether `path` names an OSM extract by its extension (.osm.pbf, .osm,
// .osm.bz2, .osm.gz, .pbf).
[[nodiscard]] bool is_osm_extract(const std::string& path);

// The full-detail features of an extract (one band covering every zoom).
Result<OsmBasemap> read_osm_basemap(const std::string& path);
// Splits full-detail features into the zoom bands (pure).
OsmBasemap band_osm_basemap(const OsmBasemap& full);

// The basemap of `pbf`, from its cache file in `cache_dir` when one exists for
// this size and modification time, else read, banded and written there (the
// folder is created; a cache that cannot be written is not an error: the
// basemap is returned and `cache_note` says why). A damaged cache is rebuilt.
Result<OsmBasemap> load_osm_basemap(const std::string& pbf, const std::string& cache_dir,
                                    std::string* cache_note = nullptr);
// Where load_osm_basemap keeps the cache of `pbf` (depends on its size and mtime).
Result<std::string> osm_basemap_cache_path(const std::string& pbf, const std::string& cache_dir);
// $XDG_CACHE_HOME/territoire/basemaps (else ~/.cache/…, else the temp folder).
std::string default_basemap_cache_dir();

// Serialisation of the cache (exposed for tests): a versioned little-endian
// binary image. Failure: a truncated or foreign file.
std::string encode_osm_basemap(const OsmBasemap& basemap, std::uint64_t key_size, std::int64_t key_mtime);
Result<OsmBasemap> decode_osm_basemap(const std::string& bytes, std::uint64_t key_size, std::int64_t key_mtime);

}  // namespace geo
