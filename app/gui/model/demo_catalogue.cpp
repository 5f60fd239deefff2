#include "app/gui/model/demo_catalogue.hpp"

#include <cstdlib>
#include <filesystem>

#include "geo/core/data_dir.hpp"
#include "geo/core/taxonomy.hpp"
#include "geo/io/import.hpp"
#include "geo/store/catalogue.hpp"

namespace app::gui {
namespace fs = std::filesystem;

std::string demo_catalogue_path() {
    fs::path base;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = fs::path(home) / ".cache";
    else
        base = fs::temp_directory_path();
    return (base / "territoire" / "demo.sqlite").string();
}

geo::Result<std::string> ensure_demo_catalogue(const geo::Progress& progress) {
    const fs::path items = fs::path(geo::data_dir()) / "demo" / "items.geojson";
    const fs::path path = demo_catalogue_path();
    std::error_code ec;
    if (fs::exists(path, ec) && fs::last_write_time(path, ec) >= fs::last_write_time(items, ec) && !ec)
        return path.string();
    fs::create_directories(path.parent_path(), ec);
    if (ec) return geo::fail(path.parent_path().string() + ": cannot create the folder: " + ec.message());
    auto catalogue = geo::Catalogue::open(path.string(), geo::Catalogue::Mode::create_or_open);
    if (!catalogue) return tl::unexpected(catalogue.error());
    auto taxonomy = geo::Taxonomy::load_default();
    if (!taxonomy) return tl::unexpected(taxonomy.error());
    auto report = geo::import_source(*catalogue, items.string(), {}, *taxonomy, progress);
    if (!report) return tl::unexpected(report.error());
    return path.string();
}

}  // namespace app::gui
