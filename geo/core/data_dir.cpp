#include "geo/core/data_dir.hpp"

#include <cstdlib>
#include <filesystem>

namespace geo {
std::string data_dir() {
    if (const char* env = std::getenv("TERRITOIRE_DATA_DIR"); env != nullptr && *env != '\0')
        return env;
    if (std::filesystem::is_directory(TERRITOIRE_SOURCE_DATA_DIR))
        return TERRITOIRE_SOURCE_DATA_DIR;
    return TERRITOIRE_INSTALL_DATA_DIR;
}
}  // namespace geo
