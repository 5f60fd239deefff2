#include "geo/core/data_dir.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace geo {

namespace fs = std::filesystem;

std::string user_dir(const char* xdg_variable, const char* home_folder) {
    fs::path base;
    if (const char* xdg = std::getenv(xdg_variable); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = fs::path(home) / home_folder;
    else
        base = fs::temp_directory_path();
    return (base / "territoire").string();
}

std::vector<std::string> data_dir_candidates(const std::string& exe_path) {
    std::vector<std::string> out;
    if (const char* env = std::getenv("TERRITOIRE_DATA_DIR"); env != nullptr && *env != '\0') out.emplace_back(env);
#ifdef TERRITOIRE_CHECKOUT_DATA_DIR
    out.emplace_back(TERRITOIRE_CHECKOUT_DATA_DIR);
#endif
    std::error_code ec;
    const fs::path exe = exe_path.empty() ? fs::read_symlink("/proc/self/exe", ec) : fs::path(exe_path);
    if (!ec && exe.has_parent_path())
        out.push_back((exe.parent_path().parent_path() / "share" / "territoire").lexically_normal().string());
    out.emplace_back(TERRITOIRE_INSTALL_DATA_DIR);
    return out;
}

std::string data_dir() {
    // An explicit choice is kept even when wrong: the loaders then name it.
    if (const char* env = std::getenv("TERRITOIRE_DATA_DIR"); env != nullptr && *env != '\0') return env;
    const std::vector<std::string> candidates = data_dir_candidates();
    for (const std::string& dir : candidates) {
        std::error_code ec;
        if (fs::is_regular_file(fs::path(dir) / "taxonomy.json", ec)) return dir;
    }
    return candidates.back();
}

}  // namespace geo
