#include "geo/io/input_file.hpp"

#include <filesystem>

namespace geo {

Result<bool> check_input_file(const std::string& path, InputFileRules rules) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);  // follows symbolic links (to /dev/zero, say)
    if (!fs::exists(status)) return fail(path + ": no such file");
    if (fs::is_directory(status)) {
        if (rules.allow_directory) return true;
        return fail(path + ": a folder, expected a file");
    }
    if (!fs::is_regular_file(status)) return fail(path + ": not a regular file (a pipe or a device)");
    if (!rules.allow_empty && fs::file_size(path, ec) == 0) return fail(path + ": the file is empty");
    return true;
}

}  // namespace geo
