#pragma once
// Shared by the libFuzzer targets in tests/fuzz/: the runtime data folder
// (taxonomy, audience presets) found without the environment, the default
// taxonomy loaded once, scratch files for parsers that read a path, and the
// checks every item parser's outcome must pass.
// Threads: libFuzzer calls a target from one thread; so do the replays.
// Failures: a target that cannot set itself up aborts (a fuzzing run on a
//   broken setup would report nothing useful).
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "geo/core/coords.hpp"
#include "geo/core/error.hpp"
#include "geo/core/taxonomy.hpp"

namespace fuzz {

// TERRITOIRE_DATA_DIR for geo::data_dir(), unless the caller set it.
inline void use_source_data_dir() {
    ::setenv("TERRITOIRE_DATA_DIR", TERRITOIRE_SOURCE_DATA_DIR, 0);
}

inline const geo::Taxonomy& taxonomy() {
    static const geo::Taxonomy t = [] {
        use_source_data_dir();
        auto loaded = geo::Taxonomy::load_default();
        if (!loaded) {
            std::fprintf(stderr, "fuzz: %s\n", loaded.error().message.c_str());
            std::abort();
        }
        return std::move(*loaded);
    }();
    return t;
}

// A folder of this process under the system temporary folder, created once.
inline const std::filesystem::path& scratch_dir() {
    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() / ("territoire-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    return dir;
}

// Writes `bytes` to scratch_dir()/name and returns its path.
inline std::string scratch_file(const std::string& name, std::string_view bytes) {
    const auto path = scratch_dir() / name;
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path.string();
}

inline bool in_lonlat_range(const geo::LonLat& p) {
    return std::fabs(p.lon_deg) <= 180.0 && std::fabs(p.lat_deg) <= 90.0;
}

// An item parser's outcome: a failure says why; every kept item lies in
// lon/lat range. Aborts otherwise.
template <class Parsed>
void check_parsed_items(const geo::Result<Parsed>& parsed) {
    if (!parsed) {
        if (parsed.error().message.empty()) std::abort();
        return;
    }
    for (const auto& item : parsed->items)
        if (!in_lonlat_range(item.position)) std::abort();
}

}  // namespace fuzz
