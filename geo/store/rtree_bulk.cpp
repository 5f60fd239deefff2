#include "geo/store/rtree_bulk.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "geo/store/sqlite_util.hpp"

namespace geo::store {
namespace {

constexpr std::size_t kHeaderBytes = 4;
constexpr std::size_t kCellBytes = 8 + 4 * 4;

struct Node {
    std::int64_t node_no = 0;
    RtreeBox box;                 // union of the cells, as stored (float-rounded)
    std::vector<RtreeBox> cells;  // children: items (leaves) or nodes
};

float round_down(double v) {
    float f = static_cast<float>(v);
    if (static_cast<double>(f) > v) f = std::nextafter(f, -std::numeric_limits<float>::infinity());
    return f;
}
float round_up(double v) {
    float f = static_cast<float>(v);
    if (static_cast<double>(f) < v) f = std::nextafter(f, std::numeric_limits<float>::infinity());
    return f;
}

// Big-endian, as SQLite's R*Tree reads it.
void put_be(unsigned char* out, std::uint64_t value, int bytes) {
    for (int i = bytes - 1; i >= 0; --i, value >>= 8) out[i] = static_cast<unsigned char>(value & 0xFF);
}
void put_float(unsigned char* out, float value) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &value, 4);
    put_be(out, bits, 4);
}

// Cells rounded outwards to float, as SQLite's R*Tree stores them.
RtreeBox stored(const RtreeBox& b) {
    return {b.id, round_down(b.min_x), round_up(b.max_x), round_down(b.min_y), round_up(b.max_y)};
}

RtreeBox union_of(const std::vector<RtreeBox>& cells, std::int64_t id) {
    RtreeBox u{id, cells.front().min_x, cells.front().max_x, cells.front().min_y, cells.front().max_y};
    for (const auto& c : cells) {
        u.min_x = std::min(u.min_x, c.min_x);
        u.max_x = std::max(u.max_x, c.max_x);
        u.min_y = std::min(u.min_y, c.min_y);
        u.max_y = std::max(u.max_y, c.max_y);
    }
    return u;
}

// Sort-Tile-Recursive: boxes in runs of `per_node`, slices by x then y.
std::vector<std::vector<RtreeBox>> str_pack(std::vector<RtreeBox> boxes, std::size_t per_node) {
    const auto cx = [](const RtreeBox& b) { return b.min_x + b.max_x; };
    const auto cy = [](const RtreeBox& b) { return b.min_y + b.max_y; };
    const std::size_t nodes = (boxes.size() + per_node - 1) / per_node;
    const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(nodes))));
    const std::size_t per_slice = slices * per_node;
    std::sort(boxes.begin(), boxes.end(), [&](const auto& a, const auto& b) { return cx(a) < cx(b); });
    std::vector<std::vector<RtreeBox>> groups;
    groups.reserve(nodes);
    for (std::size_t s = 0; s < boxes.size(); s += per_slice) {
        const auto begin = boxes.begin() + static_cast<std::ptrdiff_t>(s);
        const auto end = boxes.begin() + static_cast<std::ptrdiff_t>(std::min(boxes.size(), s + per_slice));
        std::sort(begin, end, [&](const auto& a, const auto& b) { return cy(a) < cy(b); });
        for (auto it = begin; it < end;) {
            const auto next = it + std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(per_node), end - it);
            groups.emplace_back(it, next);
            it = next;
        }
    }
    return groups;
}

class ShadowWriter {
public:
    static Result<ShadowWriter> open(sqlite3* db, const std::string& name) {
        const std::string q = "\"" + name;
        auto node = prepare(db, "INSERT INTO " + q + "_node\"(nodeno, data) VALUES (?,?)");
        auto rowid = prepare(db, "INSERT INTO " + q + "_rowid\"(rowid, nodeno) VALUES (?,?)");
        auto parent = prepare(db, "INSERT INTO " + q + "_parent\"(nodeno, parentnode) VALUES (?,?)");
        for (auto* st : {&node, &rowid, &parent})
            if (!*st) return tl::unexpected(st->error());
        return ShadowWriter(db, std::move(*node), std::move(*rowid), std::move(*parent));
    }
    Result<void> node(std::int64_t node_no, const std::vector<unsigned char>& data) {
        bind_int(m_node.get(), 1, node_no);
        bind_blob(m_node.get(), 2, data.data(), static_cast<int>(data.size()));
        return step_done(m_db, m_node.get());
    }
    Result<void> pair(bool leaf, std::int64_t id, std::int64_t node_no) {
        sqlite3_stmt* st = leaf ? m_rowid.get() : m_parent.get();
        bind_int(st, 1, id);
        bind_int(st, 2, node_no);
        return step_done(m_db, st);
    }

private:
    ShadowWriter(sqlite3* db, detail::SqliteStmt node, detail::SqliteStmt rowid, detail::SqliteStmt parent)
        : m_db(db), m_node(std::move(node)), m_rowid(std::move(rowid)), m_parent(std::move(parent)) {}
    sqlite3* m_db;
    detail::SqliteStmt m_node, m_rowid, m_parent;
};

std::vector<unsigned char> encode(const std::vector<RtreeBox>& cells, std::size_t node_bytes, int depth) {
    std::vector<unsigned char> data(std::max(node_bytes, kHeaderBytes + cells.size() * kCellBytes), 0);
    unsigned char* at = data.data();
    put_be(at, static_cast<std::uint64_t>(depth), 2);
    put_be(at + 2, cells.size(), 2);
    at += kHeaderBytes;
    for (const auto& c : cells) {
        put_be(at, static_cast<std::uint64_t>(c.id), 8);
        put_float(at + 8, static_cast<float>(c.min_x));
        put_float(at + 12, static_cast<float>(c.max_x));
        put_float(at + 16, static_cast<float>(c.min_y));
        put_float(at + 20, static_cast<float>(c.max_y));
        at += kCellBytes;
    }
    return data;
}

}  // namespace

Result<void> bulk_load_rtree(sqlite3* db, const std::string& name, std::vector<RtreeBox> boxes) {
    const std::string q = "\"" + name;
    auto node_bytes = query_int(db, "SELECT length(data) FROM " + q + "_node\" WHERE nodeno = 1");
    if (!node_bytes) return tl::unexpected(node_bytes.error().with_context_fmt("R*Tree {}", name));
    const auto bytes = static_cast<std::size_t>(*node_bytes);
    if (bytes < kHeaderBytes + 2 * kCellBytes)
        return fail_fmt("R*Tree {}: unexpected node size {}", name, std::to_string(bytes));
    // Nodes about 90 % full, so that the rows inserted later through SQL do
    // not split a node at their first insertion.
    const std::size_t capacity = (bytes - kHeaderBytes) / kCellBytes;
    const std::size_t per_node = capacity - capacity / 10;
    for (const char* table : {"_node\"", "_rowid\"", "_parent\""})
        if (auto ok = exec(db, "DELETE FROM " + q + table); !ok) return ok;
    auto writer = ShadowWriter::open(db, name);
    if (!writer) return tl::unexpected(writer.error().with_context_fmt("R*Tree {}", name));

    for (auto& b : boxes) b = stored(b);
    if (boxes.empty()) return writer->node(1, encode({}, bytes, 0));

    // Levels bottom-up; each node gets a number, the root is 1. The
    // (row or node, its node) pairs are written in key order once all are
    // known: appended to their tables, not inserted at random places.
    std::int64_t next_node_no = 2;
    int depth = 0;
    std::vector<RtreeBox> level = std::move(boxes);
    std::vector<std::pair<std::int64_t, std::int64_t>> leaf_of, parent_of;
    while (true) {
        const bool root_level = level.size() <= capacity;
        auto groups =
            root_level ? std::vector<std::vector<RtreeBox>>{std::move(level)} : str_pack(std::move(level), per_node);
        std::vector<RtreeBox> parents;
        parents.reserve(groups.size());
        auto& pairs = depth == 0 ? leaf_of : parent_of;
        for (auto& cells : groups) {
            const std::int64_t node_no = root_level ? 1 : next_node_no++;
            if (auto ok = writer->node(node_no, encode(cells, bytes, root_level ? depth : 0)); !ok) return ok;
            for (const auto& c : cells) pairs.emplace_back(c.id, node_no);
            parents.push_back(union_of(cells, node_no));
        }
        if (root_level) break;
        level = std::move(parents);
        ++depth;
    }
    for (auto* pairs : {&leaf_of, &parent_of}) {
        std::sort(pairs->begin(), pairs->end());
        for (const auto& [id, node_no] : *pairs)
            if (auto ok = writer->pair(pairs == &leaf_of, id, node_no); !ok) return ok;
    }
    return {};
}

}  // namespace geo::store
