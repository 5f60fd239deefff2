#include "geo/store/wkb.hpp"

#include <fmt/format.h>

#include <bit>
#include <cstring>
#include <string>

namespace geo::store {
namespace {

class Writer {
public:
    void byte(std::uint8_t b) { m_out.push_back(b); }
    void u32(std::uint32_t v) { raw(&v, sizeof v); }
    void f64(double v) { raw(&v, sizeof v); }
    std::vector<std::uint8_t> take() { return std::move(m_out); }

private:
    void raw(const void* p, size_t n) {
        const auto* b = static_cast<const std::uint8_t*>(p);
        m_out.insert(m_out.end(), b, b + n);  // host is little-endian (x86_64, arm64)
    }
    std::vector<std::uint8_t> m_out;
};

class Reader {
public:
    Reader(const std::uint8_t* data, size_t size) : m_data(data), m_size(size) {}
    bool byte_order() {
        if (m_pos >= m_size) return false;
        m_swap = (m_data[m_pos++] == 0) == (std::endian::native == std::endian::little);
        return true;
    }
    bool u32(std::uint32_t& v) { return raw(&v, sizeof v); }
    bool f64(double& v) { return raw(&v, sizeof v); }
    [[nodiscard]] size_t remaining() const { return m_size - m_pos; }

private:
    bool raw(void* out, size_t n) {
        if (m_pos + n > m_size) return false;
        std::memcpy(out, m_data + m_pos, n);
        if (m_swap) {
            auto* b = static_cast<std::uint8_t*>(out);
            for (size_t i = 0; i < n / 2; ++i) std::swap(b[i], b[n - 1 - i]);
        }
        m_pos += n;
        return true;
    }
    const std::uint8_t* m_data;
    size_t m_size;
    size_t m_pos = 0;
    bool m_swap = false;
};

void write_polygon(Writer& w, const Polygon& poly) {
    w.byte(1);
    w.u32(3);
    w.u32(static_cast<std::uint32_t>(poly.rings.size()));
    for (const Ring& ring : poly.rings) {
        const bool closed = !ring.empty() && ring.front() == ring.back();
        w.u32(static_cast<std::uint32_t>(ring.size() + (closed || ring.empty() ? 0 : 1)));
        for (const LonLat& p : ring) {
            w.f64(p.lon_deg);
            w.f64(p.lat_deg);
        }
        if (!closed && !ring.empty()) {
            w.f64(ring.front().lon_deg);
            w.f64(ring.front().lat_deg);
        }
    }
}

Result<Polygon> read_polygon_body(Reader& r) {
    std::uint32_t ring_count = 0;
    if (!r.u32(ring_count)) return fail_fmt("truncated WKB polygon");
    Polygon poly;
    for (std::uint32_t i = 0; i < ring_count; ++i) {
        std::uint32_t n = 0;
        if (!r.u32(n)) return fail_fmt("truncated WKB ring");
        // A damaged count is refused before any allocation for it.
        if (n > r.remaining() / (2 * sizeof(double)))
            return fail_fmt("WKB ring of {} points is longer than the {} bytes left", n, r.remaining());
        Ring ring;
        ring.reserve(n);
        for (std::uint32_t k = 0; k < n; ++k) {
            LonLat p;
            if (!r.f64(p.lon_deg) || !r.f64(p.lat_deg)) return fail_fmt("truncated WKB ring");
            ring.push_back(p);
        }
        poly.rings.push_back(std::move(ring));
    }
    return poly;
}

}  // namespace

std::vector<std::uint8_t> multipolygon_to_wkb(const MultiPolygon& geometry) {
    Writer w;
    w.byte(1);
    w.u32(6);
    w.u32(static_cast<std::uint32_t>(geometry.polygons.size()));
    for (const Polygon& poly : geometry.polygons) write_polygon(w, poly);
    return w.take();
}

Result<MultiPolygon> multipolygon_from_wkb(const std::uint8_t* data, std::size_t size_bytes) {
    Reader r(data, size_bytes);
    std::uint32_t type = 0;
    if (!r.byte_order() || !r.u32(type)) return fail_fmt("truncated WKB header");
    MultiPolygon out;
    if (type == 3) {
        auto poly = read_polygon_body(r);
        if (!poly) return tl::unexpected(poly.error());
        out.polygons.push_back(std::move(*poly));
        return out;
    }
    if (type != 6) return fail_fmt("WKB geometry type {}, expected a 2D polygon or multipolygon", std::to_string(type));
    std::uint32_t count = 0;
    if (!r.u32(count)) return fail_fmt("truncated WKB multipolygon");
    for (std::uint32_t i = 0; i < count; ++i) {
        std::uint32_t part_type = 0;
        if (!r.byte_order() || !r.u32(part_type)) return fail_fmt("truncated WKB multipolygon part");
        if (part_type != 3) return fail_fmt("WKB multipolygon part of type {}", std::to_string(part_type));
        auto poly = read_polygon_body(r);
        if (!poly) return tl::unexpected(poly.error());
        out.polygons.push_back(std::move(*poly));
    }
    return out;
}

}  // namespace geo::store
