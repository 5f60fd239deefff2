#pragma once
// Helpers shared by the benchmarks: a scratch folder in the build tree for
// generated inputs and catalogues, and the default taxonomy loaded once.
#include <filesystem>

#include "geo/core/taxonomy.hpp"

namespace bench {

inline std::filesystem::path bench_dir() {
    auto dir = std::filesystem::path(TERRITOIRE_BINARY_DIR) / "bench-tmp";
    std::filesystem::create_directories(dir);
    return dir;
}

inline const geo::Taxonomy& taxonomy() {
    static const geo::Taxonomy tax = *geo::Taxonomy::load_default();
    return tax;
}

}  // namespace bench
