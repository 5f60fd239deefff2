#include "geo/io/zip_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace geo::detail {
namespace {

constexpr std::uint32_t kEndOfDirectory = 0x06054b50;
constexpr std::uint32_t kZip64Locator = 0x07064b50;
constexpr std::uint32_t kZip64End = 0x06064b50;
constexpr std::uint32_t kDirectoryHeader = 0x02014b50;
constexpr std::uint32_t kLocalHeader = 0x04034b50;

// Little-endian fields of a byte buffer, bounds checked by the caller.
std::uint64_t le(const unsigned char* p, int bytes) {
    std::uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

// Reads exactly n bytes at offset; false on a short read.
bool read_at(int fd, std::uint64_t offset, void* out, std::size_t n) {
    auto* p = static_cast<unsigned char*>(out);
    while (n > 0) {
        const ssize_t got = ::pread(fd, p, n, static_cast<off_t>(offset));
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return false;
        p += got, offset += static_cast<std::uint64_t>(got), n -= static_cast<std::size_t>(got);
    }
    return true;
}

}  // namespace

Result<ZipReader> ZipReader::open(const std::string& path) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) return fail_fmt("{}: cannot open: {}", path, std::strerror(errno));
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) return fail_fmt("{}: not a regular file", path);
    ZipReader reader(path, std::move(fd));
    reader.m_file_bytes = static_cast<std::uint64_t>(st.st_size);
    if (auto ok = reader.read_directory(); !ok) return tl::unexpected(ok.error());
    return reader;
}

Result<void> ZipReader::read_directory() {
    auto bad = [&](const Error& what) {
        return tl::unexpected(what.with_context_fmt("{}: not a readable zip archive", m_path));
    };
    // The end record sits in the last 22 + 65,535 (comment) bytes.
    const std::uint64_t tail = std::min<std::uint64_t>(m_file_bytes, 22 + 65'535 + 20);
    if (tail < 22) return bad(error_fmt("too short"));
    std::vector<unsigned char> end(tail);
    if (!read_at(m_fd.get(), m_file_bytes - tail, end.data(), end.size())) return bad(error_fmt("short read"));
    std::ptrdiff_t at = -1;
    for (std::ptrdiff_t i = static_cast<std::ptrdiff_t>(tail) - 22; i >= 0; --i)
        if (le(&end[static_cast<std::size_t>(i)], 4) == kEndOfDirectory) {
            at = i;
            break;
        }
    if (at < 0) return bad(error_fmt("no end of central directory"));
    const unsigned char* e = &end[static_cast<std::size_t>(at)];
    std::uint64_t count = le(e + 10, 2), dir_bytes = le(e + 12, 4), dir_offset = le(e + 16, 4);
    if (count == 0xFFFF || dir_bytes == 0xFFFFFFFF || dir_offset == 0xFFFFFFFF) {  // Zip64
        if (at < 20 || le(e - 20, 4) != kZip64Locator) return bad(error_fmt("Zip64 locator missing"));
        const std::uint64_t end64 = le(e - 20 + 8, 8);
        unsigned char z[56];
        if (end64 + 56 > m_file_bytes || !read_at(m_fd.get(), end64, z, sizeof z) || le(z, 4) != kZip64End)
            return bad(error_fmt("Zip64 end record unreadable"));
        count = le(z + 32, 8), dir_bytes = le(z + 40, 8), dir_offset = le(z + 48, 8);
    }
    if (dir_offset + dir_bytes > m_file_bytes || dir_bytes > (std::uint64_t{1} << 32))
        return bad(error_fmt("central directory outside the file"));
    std::vector<unsigned char> dir(dir_bytes);
    if (!read_at(m_fd.get(), dir_offset, dir.data(), dir.size())) return bad(error_fmt("short read"));
    m_entries.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(count, dir_bytes / 46)));
    std::size_t p = 0;
    for (std::uint64_t k = 0; k < count; ++k) {
        if (p + 46 > dir.size() || le(&dir[p], 4) != kDirectoryHeader) return bad(error_fmt("entry {} damaged", k));
        const unsigned char* h = &dir[p];
        Entry entry;
        entry.encrypted = (le(h + 8, 2) & 1U) != 0;
        entry.method = static_cast<std::uint16_t>(le(h + 10, 2));
        entry.crc32 = static_cast<std::uint32_t>(le(h + 16, 4));
        entry.compressed_bytes = le(h + 20, 4);
        entry.size_bytes = le(h + 24, 4);
        const std::size_t name_len = le(h + 28, 2), extra_len = le(h + 30, 2), comment_len = le(h + 32, 2);
        entry.local_header_offset = le(h + 42, 4);
        if (p + 46 + name_len + extra_len + comment_len > dir.size()) return bad(error_fmt("entry {} damaged", k));
        entry.name.assign(reinterpret_cast<const char*>(h + 46), name_len);
        // Zip64 sizes and offset, in this order, for the fields set to 0xFFFFFFFF.
        for (std::size_t x = 0; x + 4 <= extra_len;) {
            const unsigned char* f = h + 46 + name_len + x;
            const std::size_t id = le(f, 2), len = le(f + 2, 2);
            if (x + 4 + len > extra_len) break;
            if (id == 0x0001) {
                std::size_t q = 4;
                for (std::uint64_t* field : {&entry.size_bytes, &entry.compressed_bytes, &entry.local_header_offset})
                    if (*field == 0xFFFFFFFF && q + 8 <= 4 + len) *field = le(f + q, 8), q += 8;
            }
            x += 4 + len;
        }
        p += 46 + name_len + extra_len + comment_len;
        m_by_name.emplace(entry.name, m_entries.size());
        m_entries.push_back(std::move(entry));
    }
    return {};
}

const ZipReader::Entry* ZipReader::find(std::string_view name) const {
    const auto it = m_by_name.find(std::string(name));
    return it == m_by_name.end() ? nullptr : &m_entries[it->second];
}

Result<std::string> ZipReader::read(const Entry& entry, std::size_t max_bytes) const {
    auto bad = [&](const Error& what) { return tl::unexpected(what.with_context(entry.name)); };
    if (entry.size_bytes > max_bytes)
        return bad(
            error_fmt("{} bytes, over the limit of {} MiB for one feed file", entry.size_bytes, max_bytes >> 20));
    if (entry.encrypted) return bad(error_fmt("encrypted, cannot be read"));
    // Deflate never grows data by more than ~0.1 %: a larger listed size is a lie.
    if (entry.compressed_bytes > entry.size_bytes + entry.size_bytes / 16 + 1024)
        return bad(error_fmt("compressed size {} implausible for {} bytes", entry.compressed_bytes, entry.size_bytes));
    if (entry.method != 0 && entry.method != 8)
        return bad(error_fmt("compression method {} is not supported", entry.method));
    unsigned char local[30];
    if (!read_at(m_fd.get(), entry.local_header_offset, local, sizeof local) || le(local, 4) != kLocalHeader)
        return bad(error_fmt("local header damaged"));
    const std::uint64_t data = entry.local_header_offset + 30 + le(local + 26, 2) + le(local + 28, 2);
    if (data + entry.compressed_bytes > m_file_bytes) return bad(error_fmt("data outside the archive"));
    std::string packed(static_cast<std::size_t>(entry.compressed_bytes), '\0');
    if (!read_at(m_fd.get(), data, packed.data(), packed.size())) return bad(error_fmt("short read"));
    std::string out;
    if (entry.method == 0) {
        out = std::move(packed);
    } else {
        out.resize(static_cast<std::size_t>(entry.size_bytes));
        z_stream z{};
        if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return bad(error_fmt("cannot start inflating"));
        z.next_in = reinterpret_cast<Bytef*>(packed.data());
        z.avail_in = static_cast<uInt>(packed.size());
        z.next_out = reinterpret_cast<Bytef*>(out.data());
        z.avail_out = static_cast<uInt>(out.size());
        const int rc = inflate(&z, Z_FINISH);
        const bool ended = rc == Z_STREAM_END && z.total_out == entry.size_bytes;
        const bool overflow = rc != Z_STREAM_END && z.avail_out == 0;  // output full, stream not ended
        inflateEnd(&z);
        if (overflow) return bad(error_fmt("inflates to more than its listed size"));
        if (!ended) return bad(error_fmt("compressed data damaged"));
    }
    if (out.size() != entry.size_bytes) return bad(error_fmt("shorter than its listed size"));
    if (crc32(0L, reinterpret_cast<const Bytef*>(out.data()), static_cast<uInt>(out.size())) != entry.crc32)
        return bad(error_fmt("CRC-32 mismatch (damaged data)"));
    return out;
}

}  // namespace geo::detail
