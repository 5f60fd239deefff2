#include "geo/io/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <atomic>
#include <filesystem>
#include <system_error>
#include <utility>

#include <fmt/format.h>

#include "geo/io/temp_registry.hpp"

namespace geo {
namespace fs = std::filesystem;

namespace {
std::atomic<unsigned> g_counter{0};

// fsync(2) of a file or folder by path; the errno on failure, else 0.
int sync_path(const std::string& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return errno;
    int error = 0;
    while (::fsync(fd) != 0) {
        if (errno == EINTR) continue;
        error = errno;
        break;
    }
    if (::close(fd) != 0 && error == 0) error = errno;
    return error;
}
}  // namespace

AtomicFile::AtomicFile(std::string final_path, std::string temp_path)
    : m_final_path(std::move(final_path)),
      m_temp_path(std::move(temp_path)),
      m_active(true),
      m_signal_slot(detail::register_temp_file(m_temp_path)) {}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : m_final_path(std::move(other.m_final_path)),
      m_temp_path(std::move(other.m_temp_path)),
      m_active(std::exchange(other.m_active, false)),
      m_signal_slot(std::exchange(other.m_signal_slot, -1)) {}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept {
    if (this != &other) {
        discard();
        m_final_path = std::move(other.m_final_path);
        m_temp_path = std::move(other.m_temp_path);
        m_active = std::exchange(other.m_active, false);
        m_signal_slot = std::exchange(other.m_signal_slot, -1);
    }
    return *this;
}

AtomicFile::~AtomicFile() {
    discard();
}

namespace {

// Removes the temporaries of `name` left in `folder` by processes that no
// longer exist (killed with SIGKILL, or by a power cut, before they could
// clean up): ".NAME.tmp<pid>-<n>EXT" and their SQLite side files.
void remove_stale_temporaries(const fs::path& folder, const std::string& name) {
    const std::string prefix = "." + name + ".tmp";
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string entry = it->path().filename().string();
        if (!entry.starts_with(prefix)) continue;
        const std::string rest = entry.substr(prefix.size());
        const std::size_t dash = rest.find('-');
        if (dash == 0 || dash == std::string::npos || dash > 10) continue;
        if (rest.find_first_not_of("0123456789") < dash) continue;
        const auto pid = static_cast<pid_t>(std::stol(rest.substr(0, dash)));
        if (pid <= 0 || pid == ::getpid()) continue;
        if (::kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to judge
        std::error_code ignored;
        fs::remove(it->path(), ignored);
    }
}

}  // namespace

Result<AtomicFile> AtomicFile::prepare(const std::string& final_path) {
    if (final_path.empty()) return fail_fmt("output path is empty");
    const fs::path target(final_path);
    if (!target.has_filename()) return fail_fmt("{}: not a file name", final_path);
    std::error_code ec;
    if (fs::is_directory(target, ec)) return fail_fmt("{}: is a folder, expected a file name", final_path);
    // The rename would replace a pipe or a device node (/dev/null) with a file.
    if (fs::exists(target, ec) && !fs::is_regular_file(target, ec))
        return fail_fmt("{}: not a regular file (a pipe or a device); refusing to replace it", final_path);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, ec)) return fail_fmt("{}: folder {} does not exist", final_path, folder.string());
    remove_stale_temporaries(folder, target.filename().string());
    for (int attempt = 0; attempt < 1000; ++attempt) {
        const fs::path temp = folder / fmt::format(".{}.tmp{}-{}{}", target.filename().string(), ::getpid(),
                                                   g_counter.fetch_add(1), target.extension().string());
        if (!fs::exists(temp, ec)) return AtomicFile(final_path, temp.string());
    }
    return fail_fmt("{}: no free temporary name in {}", final_path, folder.string());
}

Result<void> AtomicFile::commit() {
    if (!m_active) return fail_fmt("{}: nothing to commit", m_final_path);
    // The data reaches the disk before the name does: after a crash the
    // destination is the old file or the whole new one.
    if (const int error = sync_path(m_temp_path, O_RDONLY); error != 0) {
        discard();
        return fail_fmt("{}: cannot flush {} to disk: {}", m_final_path, m_temp_path, std::strerror(error));
    }
    std::error_code ec;
    fs::rename(m_temp_path, m_final_path, ec);
    if (ec) {
        discard();
        return fail_fmt("{}: cannot move the finished file into place: {}", m_final_path, ec.message());
    }
    m_active = false;
    detail::unregister_temp_file(std::exchange(m_signal_slot, -1));  // after the rename: the name is gone
    const fs::path folder = fs::path(m_final_path).parent_path();
    sync_path(folder.empty() ? std::string(".") : folder.string(), O_RDONLY | O_DIRECTORY);
    return {};
}

void AtomicFile::discard() {
    if (!m_active) return;
    std::error_code ec;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(m_temp_path + suffix, ec);
    m_active = false;
    detail::unregister_temp_file(std::exchange(m_signal_slot, -1));
}

}  // namespace geo
