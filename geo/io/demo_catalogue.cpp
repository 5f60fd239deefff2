#include "geo/io/demo_catalogue.hpp"

#include <cstdlib>
#include <filesystem>

#include "geo/core/data_dir.hpp"
#include "geo/core/taxonomy.hpp"
#include "geo/io/import.hpp"
#include "geo/store/catalogue.hpp"

namespace geo {
namespace fs = std::filesystem;

std::string demo_catalogue_path() {
    return (fs::path(user_dir("XDG_CACHE_HOME", ".cache")) / "demo.sqlite").string();
}

Result<std::string> ensure_demo_catalogue(const Progress& progress) {
    const fs::path items = fs::path(data_dir()) / "demo" / "items.geojson";
    const fs::path path = demo_catalogue_path();
    std::error_code ec;
    if (fs::exists(path, ec) && fs::last_write_time(path, ec) >= fs::last_write_time(items, ec) && !ec)
        return path.string();
    fs::create_directories(path.parent_path(), ec);
    if (ec) return fail_fmt("{}: cannot create the folder: {}", path.parent_path().string(), ec.message());
    auto catalogue = Catalogue::open(path.string(), Catalogue::Mode::create_or_open);
    if (!catalogue) return tl::unexpected(catalogue.error());
    auto taxonomy = Taxonomy::load_default();
    if (!taxonomy) return tl::unexpected(taxonomy.error());
    auto report = import_source(*catalogue, items.string(), {}, *taxonomy, progress);
    if (!report) return tl::unexpected(report.error());
    return path.string();
}

bool is_demo_catalogue(const std::string& path) {
    if (path.empty()) return false;
    std::error_code ec;
    const fs::path demo = demo_catalogue_path();
    if (fs::exists(path, ec) && fs::exists(demo, ec)) return fs::equivalent(path, demo, ec);
    return fs::absolute(path, ec).lexically_normal() == fs::absolute(demo, ec).lexically_normal();
}

}  // namespace geo
