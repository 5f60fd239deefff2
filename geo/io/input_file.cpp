#include "geo/io/input_file.hpp"

#include <filesystem>

namespace geo {

Result<bool> check_input_file(const std::string& path, InputFileRules rules) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);  // follows symbolic links (to /dev/zero, say)
    if (!fs::exists(status)) return fail_fmt("{}: no such file", path);
    if (fs::is_directory(status)) {
        if (rules.allow_directory) return true;
        return fail_fmt("{}: a folder, expected a file", path);
    }
    if (!fs::is_regular_file(status)) return fail_fmt("{}: not a regular file (a pipe or a device)", path);
    if (!rules.allow_empty && fs::file_size(path, ec) == 0) return fail_fmt("{}: the file is empty", path);
    return true;
}

}  // namespace geo
