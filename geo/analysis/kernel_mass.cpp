#include "geo/analysis/kernel_mass.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

namespace geo {
namespace {

using std::numbers::pi;

struct Edge {
    double ax, ay, bx, by;  // oriented: outer rings counter-clockwise, holes clockwise
};

std::vector<Edge> oriented_edges(const ProjectedMultiPolygon& mp) {
    std::vector<Edge> edges;
    for (const ProjectedPolygon& poly : mp.polygons)
        for (std::size_t k = 0; k < poly.rings.size(); ++k) {
            const ProjectedRing& ring = poly.rings[k];
            std::size_t n = ring.size();
            if (n > 1 && ring.front().x_m == ring.back().x_m && ring.front().y_m == ring.back().y_m) --n;
            if (n < 3) continue;
            const bool ccw = signed_area_m2(ring) > 0.0;
            const bool flip = (k == 0) != ccw;  // outer must be CCW, holes CW
            for (std::size_t i = 0; i < n; ++i) {
                Projected a = ring[i], b = ring[(i + 1) % n];
                if (flip) std::swap(a, b);
                if (a.x_m == b.x_m && a.y_m == b.y_m) continue;
                edges.push_back({a.x_m, a.y_m, b.x_m, b.y_m});
            }
        }
    return edges;
}

// Edges bucketed on a square grid; each bucket row keeps the sorted x where
// edges cross its centre line (half-open rule on y), for inside tests.
class EdgeIndex {
public:
    EdgeIndex(std::vector<Edge> edges, double reach_m) : m_edges(std::move(edges)) {
        double xmin = INFINITY, xmax = -INFINITY, ymin = INFINITY, ymax = -INFINITY;
        for (const Edge& e : m_edges) {
            xmin = std::min({xmin, e.ax, e.bx});
            xmax = std::max({xmax, e.ax, e.bx});
            ymin = std::min({ymin, e.ay, e.by});
            ymax = std::max({ymax, e.ay, e.by});
        }
        if (m_edges.empty()) return;
        constexpr double kMaxBucketsPerAxis = 2048.0;
        m_bucket = std::max({reach_m, (xmax - xmin) / kMaxBucketsPerAxis, (ymax - ymin) / kMaxBucketsPerAxis, 1e-3});
        // Two empty buckets around the edges: an item within reach of an edge
        // always has its 3×3 neighbourhood on the grid.
        m_x0 = xmin - 2.0 * m_bucket;
        m_y0 = ymin - 2.0 * m_bucket;
        m_nx = static_cast<int>(std::ceil((xmax - xmin) / m_bucket)) + 5;
        m_ny = static_cast<int>(std::ceil((ymax - ymin) / m_bucket)) + 5;
        const std::size_t buckets = static_cast<std::size_t>(m_nx) * static_cast<std::size_t>(m_ny);
        m_start.assign(buckets + 1, 0);
        m_rows.assign(static_cast<std::size_t>(m_ny), {});
        for (int pass = 0; pass < 2; ++pass) {
            std::vector<std::uint32_t> next;
            if (pass == 1) {
                for (std::size_t b = 0; b < buckets; ++b) m_start[b + 1] += m_start[b];
                m_ids.resize(m_start.back());
                next.assign(m_start.begin(), m_start.end() - 1);
            }
            for (std::uint32_t id = 0; id < m_edges.size(); ++id) {
                const Edge& e = m_edges[id];
                const int c0 = col(std::min(e.ax, e.bx)), c1 = col(std::max(e.ax, e.bx));
                const int r0 = row(std::min(e.ay, e.by)), r1 = row(std::max(e.ay, e.by));
                for (int r = r0; r <= r1; ++r)
                    for (int c = c0; c <= c1; ++c) {
                        const std::size_t b = bucket(c, r);
                        if (pass == 0)
                            ++m_start[b + 1];
                        else
                            m_ids[next[b]++] = id;
                    }
            }
        }
        for (const Edge& e : m_edges)
            for (int r = row(std::min(e.ay, e.by)); r <= row(std::max(e.ay, e.by)); ++r) {
                const double y = row_centre(r);
                if ((e.ay <= y) != (e.by <= y))
                    m_rows[static_cast<std::size_t>(r)].push_back(e.ax + (y - e.ay) * (e.bx - e.ax) / (e.by - e.ay));
            }
        for (auto& xs : m_rows) std::sort(xs.begin(), xs.end());
    }

    [[nodiscard]] bool empty() const { return m_edges.empty(); }
    [[nodiscard]] const Edge& edge(std::uint32_t id) const { return m_edges[id]; }

    [[nodiscard]] std::size_t size() const { return m_edges.size(); }

    // Inside test; appends to `near` the edges of the 3×3 buckets around p
    // (each once: `stamp` has one entry per edge, `epoch` is new per call).
    bool locate(Projected p, std::vector<std::uint32_t>& near, std::vector<std::uint32_t>& stamp,
                std::uint32_t epoch) const {
        near.clear();
        const double fc = (p.x_m - m_x0) / m_bucket, fr = (p.y_m - m_y0) / m_bucket;
        if (!(fc >= 1.0 && fr >= 1.0 && fc < m_nx - 1.0 && fr < m_ny - 1.0)) return false;
        const int c = static_cast<int>(fc), r = static_cast<int>(fr);
        // Parity along the row's centre line up to x, then along x to p.
        const auto& xs = m_rows[static_cast<std::size_t>(r)];
        bool inside = (std::lower_bound(xs.begin(), xs.end(), p.x_m) - xs.begin()) % 2 == 1;
        const double yc = row_centre(r);
        const double ylo = std::min(yc, p.y_m), yhi = std::max(yc, p.y_m);
        const std::size_t own = bucket(c, r);
        for (std::uint32_t k = m_start[own]; k < m_start[own + 1]; ++k) {
            const Edge& e = m_edges[m_ids[k]];
            if ((e.ax <= p.x_m) == (e.bx <= p.x_m)) continue;
            const double y = e.ay + (p.x_m - e.ax) * (e.by - e.ay) / (e.bx - e.ax);
            if (y >= ylo && y < yhi) inside = !inside;
        }
        for (int rr = r - 1; rr <= r + 1; ++rr)
            for (int cc = c - 1; cc <= c + 1; ++cc) {
                const std::size_t b = bucket(cc, rr);
                for (std::uint32_t k = m_start[b]; k < m_start[b + 1]; ++k) {
                    const std::uint32_t id = m_ids[k];
                    if (stamp[id] == epoch) continue;
                    stamp[id] = epoch;
                    near.push_back(id);
                }
            }
        return inside;
    }

private:
    [[nodiscard]] int col(double x) const { return std::clamp(static_cast<int>((x - m_x0) / m_bucket), 0, m_nx - 1); }
    [[nodiscard]] int row(double y) const { return std::clamp(static_cast<int>((y - m_y0) / m_bucket), 0, m_ny - 1); }
    [[nodiscard]] double row_centre(int r) const { return m_y0 + (r + 0.5) * m_bucket; }
    [[nodiscard]] std::size_t bucket(int c, int r) const {
        return static_cast<std::size_t>(r) * static_cast<std::size_t>(m_nx) + static_cast<std::size_t>(c);
    }

    std::vector<Edge> m_edges;
    double m_x0 = 0.0, m_y0 = 0.0, m_bucket = 1.0;
    int m_nx = 0, m_ny = 0;
    std::vector<std::uint32_t> m_start, m_ids;
    std::vector<std::vector<double>> m_rows;
};

// ∫ G(r)/r² dt over t in [t0, t1] for the point u(t) = f + t·d (relative to the item).
double radial_integral(Kernel kernel, double bandwidth_m, double fx, double fy, double dx, double dy, double t0,
                       double t1) {
    auto r2_at = [&](double t) {
        const double x = fx + t * dx, y = fy + t * dy;
        return x * x + y * y;
    };
    if (kernel == Kernel::quartic) {
        // G/r² = (3 − 3q + q²)/h², q = r²/h²: degree 4 in t, exact with 3 nodes.
        static constexpr std::array<double, 3> kNode{-0.7745966692414834, 0.0, 0.7745966692414834};
        static constexpr std::array<double, 3> kWeight{5.0 / 9.0, 8.0 / 9.0, 5.0 / 9.0};
        const double inv_h2 = 1.0 / (bandwidth_m * bandwidth_m);
        const double mid = 0.5 * (t0 + t1), half = 0.5 * (t1 - t0);
        double sum = 0.0;
        for (std::size_t k = 0; k < 3; ++k) {
            const double q = r2_at(mid + half * kNode[k]) * inv_h2;
            sum += kWeight[k] * (3.0 - 3.0 * q + q * q);
        }
        return sum * half * inv_h2;
    }
    // Gaussian (truncated at 4σ, renormalised): 8 nodes per σ of edge.
    static constexpr std::array<double, 8> kNode{-0.9602898564975363, -0.7966664774136267, -0.5255324099163290,
                                                 -0.1834346424956498, 0.1834346424956498,  0.5255324099163290,
                                                 0.7966664774136267,  0.9602898564975363};
    static constexpr std::array<double, 8> kWeight{0.1012285362903763, 0.2223810344533745, 0.3137066238684548,
                                                   0.3626837833783620, 0.3626837833783620, 0.3137066238684548,
                                                   0.2223810344533745, 0.1012285362903763};
    const double sigma2 = bandwidth_m * bandwidth_m;
    const double norm = 1.0 / (1.0 - std::exp(-kGaussianSupportSigmas * kGaussianSupportSigmas / 2.0));
    const double length = (t1 - t0) * std::hypot(dx, dy);
    const int pieces = std::max(1, static_cast<int>(std::ceil(length / bandwidth_m)));
    const double step = (t1 - t0) / pieces;
    double sum = 0.0;
    for (int p = 0; p < pieces; ++p) {
        const double mid = t0 + (p + 0.5) * step, half = 0.5 * step;
        for (std::size_t k = 0; k < 8; ++k) {
            const double r2 = r2_at(mid + half * kNode[k]);
            const double g_over_r2 =
                r2 > 1e-12 * sigma2 ? -std::expm1(-r2 / (2.0 * sigma2)) / r2 : 1.0 / (2.0 * sigma2);
            sum += kWeight[k] * g_over_r2 * half;
        }
    }
    return sum * norm;
}

// Share of one unit kernel at p inside the region, given the inside test and
// the edges near p.
double share(const EdgeIndex& index, Projected p, bool inside, const std::vector<std::uint32_t>& near, Kernel kernel,
             double bandwidth_m) {
    const double support = kernel_support_m(kernel, bandwidth_m);
    const double s2 = support * support;
    double boundary = 0.0;  // ∮ (G − 1) dθ over the edges within reach
    for (std::uint32_t id : near) {
        const Edge& e = index.edge(id);
        const double fx = e.ax - p.x_m, fy = e.ay - p.y_m;
        const double dx = e.bx - e.ax, dy = e.by - e.ay;
        const double a = dx * dx + dy * dy, b = 2.0 * (fx * dx + fy * dy), c = fx * fx + fy * fy - s2;
        const double disc = b * b - 4.0 * a * c;
        if (disc <= 0.0) continue;
        const double root = std::sqrt(disc);
        const double t0 = std::max(0.0, (-b - root) / (2.0 * a));
        const double t1 = std::min(1.0, (-b + root) / (2.0 * a));
        if (!(t1 > t0)) continue;
        const double u0x = fx + t0 * dx, u0y = fy + t0 * dy, u1x = fx + t1 * dx, u1y = fy + t1 * dy;
        const double angle = std::atan2(u0x * u1y - u0y * u1x, u0x * u1x + u0y * u1y);
        const double cross = fx * dy - fy * dx;  // constant along the edge
        boundary += cross * radial_integral(kernel, bandwidth_m, fx, fy, dx, dy, t0, t1) - angle;
    }
    return std::clamp((inside ? 1.0 : 0.0) + boundary / (2.0 * pi), 0.0, 1.0);
}

}  // namespace

double kernel_mass_inside(const std::vector<Projected>& points, const std::vector<double>& weights,
                          const std::vector<double>& factors, Kernel kernel, double bandwidth_m,
                          const ProjectedMultiPolygon& region, double x_stretch) {
    if (x_stretch != 1.0) {
        auto stretch = [&](Projected p) { return Projected{p.x_m * x_stretch, p.y_m / x_stretch}; };
        std::vector<Projected> stretched(points.size());
        std::transform(points.begin(), points.end(), stretched.begin(), stretch);
        ProjectedMultiPolygon shape = region;
        for (auto& poly : shape.polygons)
            for (auto& ring : poly.rings)
                for (Projected& v : ring) v = stretch(v);
        return kernel_mass_inside(stretched, weights, factors, kernel, bandwidth_m, shape, 1.0);
    }
    double max_factor = 1.0;
    for (std::size_t i = 0; i < factors.size(); ++i)
        if (weights[i] > 0.0) max_factor = std::max(max_factor, factors[i]);
    const EdgeIndex index(oriented_edges(region), kernel_support_m(kernel, bandwidth_m) * max_factor);
    if (index.empty()) return 0.0;
    // Fixed chunks summed in order: the result does not depend on threads.
    constexpr std::size_t kChunk = 4096;
    const std::size_t chunks = (points.size() + kChunk - 1) / kChunk;
    std::vector<double> partial(chunks, 0.0);
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, chunks), [&](const tbb::blocked_range<std::size_t>& r) {
        std::vector<std::uint32_t> near;
        std::vector<std::uint32_t> stamp(index.size(), 0);
        std::uint32_t epoch = 0;
        for (std::size_t ch = r.begin(); ch < r.end(); ++ch) {
            double sum = 0.0;
            for (std::size_t i = ch * kChunk; i < std::min(points.size(), (ch + 1) * kChunk); ++i) {
                if (!(weights[i] > 0.0)) continue;
                const bool inside = index.locate(points[i], near, stamp, ++epoch);
                if (near.empty()) {
                    if (inside) sum += weights[i];
                    continue;
                }
                const double h = bandwidth_m * (factors.empty() ? 1.0 : factors[i]);
                sum += weights[i] * share(index, points[i], inside, near, kernel, h);
            }
            partial[ch] = sum;
        }
    });
    double total = 0.0;
    for (double v : partial) total += v;
    return total;
}

double kernel_share_inside(Projected at, Kernel kernel, double bandwidth_m, const ProjectedMultiPolygon& region) {
    return kernel_mass_inside({at}, {1.0}, {}, kernel, bandwidth_m, region);
}

}  // namespace geo
