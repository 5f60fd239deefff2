#include "geo/io/buffered_output.hpp"

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace geo {
namespace {
constexpr std::size_t kFlushBytes = std::size_t{1} << 20;
}

Result<BufferedOutput> BufferedOutput::create(const std::string& path) {
    auto file = AtomicFile::prepare(path);
    if (!file) return tl::unexpected(file.error());
    BufferedOutput out(std::move(*file));
    out.m_out.open(out.m_file.temp_path(), std::ios::binary | std::ios::trunc);
    if (!out.m_out.is_open())
        return fail(fmt::format("{}: cannot create {}: {}", path, out.m_file.temp_path(),
                                std::strerror(errno)));
    out.m_buffer.reserve(kFlushBytes + 64 * 1024);
    return out;
}

Result<void> BufferedOutput::write_buffer() {
    m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_buffer.clear();
    if (!m_out) return fail(fmt::format("{}: write failed: {}", path(), std::strerror(errno)));
    return {};
}

Result<void> BufferedOutput::flush_if_full() {
    if (m_buffer.size() < kFlushBytes) return {};
    return write_buffer();
}

Result<void> BufferedOutput::commit() {
    if (auto ok = write_buffer(); !ok) return ok;
    m_out.close();
    if (!m_out)
        return fail(fmt::format("{}: cannot finish writing {}: {}", path(), m_file.temp_path(),
                                std::strerror(errno)));
    return m_file.commit();
}

}  // namespace geo
