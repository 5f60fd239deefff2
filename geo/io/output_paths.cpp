#include "geo/io/output_paths.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <system_error>

#include <fmt/format.h>

namespace geo {
namespace fs = std::filesystem;

namespace {

bool same_file(const std::string& a, const std::string& b) {
    struct stat sa {};
    struct stat sb {};
    const bool a_exists = ::stat(a.c_str(), &sa) == 0;
    const bool b_exists = ::stat(b.c_str(), &sb) == 0;
    if (a_exists && b_exists) return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    if (a_exists != b_exists) return false;
    std::error_code ec_a;
    std::error_code ec_b;
    const fs::path ca = fs::weakly_canonical(a, ec_a);
    const fs::path cb = fs::weakly_canonical(b, ec_b);
    if (ec_a || ec_b) return fs::absolute(a).lexically_normal() == fs::absolute(b).lexically_normal();
    return ca == cb;
}

std::string describe(const NamedPath& p) {
    if (p.role == "--catalogue") return fmt::format("the catalogue (--catalogue {})", p.path);
    return fmt::format("an input ({} {})", p.role, p.path);
}

}  // namespace

Result<void> check_output_path(const NamedPath& output, const std::vector<NamedPath>& inputs) {
    if (output.path.empty()) return {};
    for (const NamedPath& input : inputs) {
        if (input.path.empty()) continue;
        if (same_file(output.path, input.path))
            return fail_fmt("{} {} is {}: refusing to write over it; nothing was written", output.role, output.path,
                            describe(input));
        for (const char* suffix : {"-journal", "-wal", "-shm"})
            if (same_file(output.path, input.path + suffix))
                return fail_fmt(
                    "{} {} is the SQLite {} file of {}: refusing to write "
                    "over it; nothing was written",
                    output.role, output.path, suffix + 1, describe(input));
    }
    return {};
}

std::string provenance_path(const std::string& path, ProvenancePaths style) {
    if (path.empty()) return path;
    const fs::path p(path);
    if (style == ProvenancePaths::name) return p.filename().string();
    std::error_code ec;
    const fs::path absolute = fs::absolute(p, ec);
    return (ec ? p : absolute).lexically_normal().string();
}

}  // namespace geo
