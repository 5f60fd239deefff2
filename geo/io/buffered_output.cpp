#include "geo/io/buffered_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include <fmt/format.h>

namespace geo {
namespace {
constexpr std::size_t kFlushBytes = std::size_t{1} << 20;
}

Result<BufferedOutput> BufferedOutput::create(const std::string& path) {
    auto file = AtomicFile::prepare(path);
    if (!file) return tl::unexpected(file.error());
    const int fd = ::open(file->temp_path().c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) return fail_fmt("{}: cannot create {}: {}", path, file->temp_path(), std::strerror(errno));
    BufferedOutput out(std::move(*file), fd);
    out.m_buffer.reserve(kFlushBytes + 64 * 1024);
    return out;
}

BufferedOutput::BufferedOutput(BufferedOutput&& other) noexcept
    : m_file(std::move(other.m_file)), m_fd(std::exchange(other.m_fd, -1)), m_buffer(std::move(other.m_buffer)) {}

BufferedOutput& BufferedOutput::operator=(BufferedOutput&& other) noexcept {
    if (this != &other) {
        close_fd();
        m_file = std::move(other.m_file);
        m_fd = std::exchange(other.m_fd, -1);
        m_buffer = std::move(other.m_buffer);
    }
    return *this;
}

BufferedOutput::~BufferedOutput() {
    close_fd();  // then m_file removes the temporary file
}

void BufferedOutput::close_fd() {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
}

Result<void> BufferedOutput::write_buffer() {
    if (m_fd < 0) return fail_fmt("{}: file already closed", path());
    const char* data = m_buffer.data();
    std::size_t left = m_buffer.size();
    while (left > 0) {
        const ssize_t n = ::write(m_fd, data, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int error = n < 0 ? errno : ENOSPC;
            close_fd();
            m_file.discard();
            return fail_fmt("{}: write failed: {}", path(), std::strerror(error));
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    m_buffer.clear();
    return {};
}

Result<void> BufferedOutput::flush_if_full() {
    if (m_buffer.size() < kFlushBytes) return {};
    return write_buffer();
}

Result<void> BufferedOutput::commit() {
    if (auto ok = write_buffer(); !ok) return ok;
    const bool synced = ::fsync(m_fd) == 0;
    const int sync_error = errno;
    const bool closed = ::close(m_fd) == 0;
    const int close_error = errno;
    m_fd = -1;
    if (!synced || !closed) {
        m_file.discard();
        return fail_fmt("{}: cannot finish writing {}: {}", path(), m_file.temp_path(),
                        std::strerror(synced ? close_error : sync_error));
    }
    return m_file.commit();
}

}  // namespace geo
