#include "tests/support/hostile_inputs.hpp"

#include <zlib.h>

#include <cmath>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

namespace test {
namespace {

void put_le(std::string& out, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

// Raw deflate of `in` followed by `flush` (Z_FULL_FLUSH or Z_FINISH) on `z`.
std::string deflate_step(z_stream& z, const std::string& in, int flush) {
    std::string out;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    char buf[1 << 16];
    do {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        if (deflate(&z, flush) == Z_STREAM_ERROR) throw std::runtime_error("deflate failed");
        out.append(buf, sizeof buf - z.avail_out);
    } while (z.avail_out == 0);
    return out;
}

struct Packed {
    std::string data;
    std::uint32_t crc = 0;
    std::uint64_t size = 0;
};

Packed pack(const ZipEntry& entry) {
    z_stream z{};
    if (deflateInit2(&z, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("deflateInit");
    Packed p;
    p.data = deflate_step(z, entry.bytes, Z_FULL_FLUSH);
    p.crc = static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(entry.bytes.data()), static_cast<uInt>(entry.bytes.size())));
    p.size = entry.bytes.size();
    if (entry.spaces_mib > 0) {
        const std::string mib(1 << 20, ' ');
        // After a full flush the compressor forgets what came before: every
        // further MiB of spaces deflates to the same bytes.
        const std::string first = deflate_step(z, mib, Z_FULL_FLUSH);
        const std::string again = deflate_step(z, mib, Z_FULL_FLUSH);
        if (first != again) throw std::runtime_error("deflate blocks differ");
        const uLong mib_crc = crc32(0, reinterpret_cast<const Bytef*>(mib.data()), static_cast<uInt>(mib.size()));
        p.data += first;
        p.crc = static_cast<std::uint32_t>(crc32_combine(p.crc, mib_crc, static_cast<z_off_t>(mib.size())));
        for (std::uint32_t i = 1; i < entry.spaces_mib; ++i) {
            p.data += again;
            p.crc = static_cast<std::uint32_t>(crc32_combine(p.crc, mib_crc, static_cast<z_off_t>(mib.size())));
        }
        p.size += std::uint64_t{entry.spaces_mib} << 20;
    }
    p.data += deflate_step(z, {}, Z_FINISH);
    deflateEnd(&z);
    if (p.size >= (std::uint64_t{1} << 32)) throw std::runtime_error("zip entry over 4 GiB");
    return p;
}

}  // namespace

void write_zip(const std::filesystem::path& path, const std::vector<ZipEntry>& entries) {
    std::string file, directory;
    for (const auto& entry : entries) {
        const Packed p = pack(entry);
        std::string header;
        put_le(header, 20, 2), put_le(header, 0, 2), put_le(header, 8, 2);  // version, flags, deflate
        put_le(header, 0, 2), put_le(header, 0x21, 2);                      // time, date (1980-01-01)
        put_le(header, p.crc, 4), put_le(header, p.data.size(), 4), put_le(header, p.size, 4);
        put_le(header, entry.name.size(), 2), put_le(header, 0, 2);
        std::string local;
        put_le(local, 0x04034b50, 4);
        const std::uint64_t offset = file.size();
        file += local + header + entry.name + p.data;
        put_le(directory, 0x02014b50, 4), put_le(directory, 20, 2);
        directory += header;
        put_le(directory, 0, 2), put_le(directory, 0, 2), put_le(directory, 0, 2);  // comment, disk, internal
        put_le(directory, 0, 4), put_le(directory, offset, 4);                      // external, offset
        directory += entry.name;
    }
    const std::uint64_t directory_offset = file.size();
    file += directory;
    put_le(file, 0x06054b50, 4), put_le(file, 0, 2), put_le(file, 0, 2);
    put_le(file, entries.size(), 2), put_le(file, entries.size(), 2);
    put_le(file, directory.size(), 4), put_le(file, directory_offset, 4), put_le(file, 0, 2);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(file.data(), static_cast<std::streamsize>(file.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string nested_json_array(int depth) {
    return std::string(static_cast<std::size_t>(depth), '[') + std::string(static_cast<std::size_t>(depth), ']');
}

std::string star_polygon_geojson(int vertices, double lon_deg, double lat_deg, const std::string& code) {
    std::string ring;
    const double step = 2.0 * M_PI * static_cast<double>(vertices / 2) / static_cast<double>(vertices);
    for (int i = 0; i <= vertices; ++i) {
        const double a = step * static_cast<double>(i % vertices);
        ring +=
            fmt::format("{}[{:.6f},{:.6f}]", i ? "," : "", lon_deg + 0.3 * std::cos(a), lat_deg + 0.2 * std::sin(a));
    }
    return fmt::format(
        R"({{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{"code":"{}","nom":"Étoile"}},)"
        R"("geometry":{{"type":"Polygon","coordinates":[[{}]]}}}}]}})",
        code, ring);
}

}  // namespace test
