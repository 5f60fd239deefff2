#include "geo/analysis/ring_simplify.hpp"

#include <cmath>
#include <utility>
#include <vector>

namespace geo {
namespace {

// Squared distance from p to the segment a–b.
double segment_distance2(Projected p, Projected a, Projected b) {
    const double dx = b.x_m - a.x_m, dy = b.y_m - a.y_m;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0.0 ? ((p.x_m - a.x_m) * dx + (p.y_m - a.y_m) * dy) / len2 : 0.0;
    t = t < 0.0 ? 0.0 : (t > 1.0 ? 1.0 : t);
    const double ex = a.x_m + t * dx - p.x_m, ey = a.y_m + t * dy - p.y_m;
    return ex * ex + ey * ey;
}

// Marks the vertices of pts[first..last] (both kept) that Douglas-Peucker keeps.
void mark_chain(const std::vector<Projected>& pts, std::size_t first, std::size_t last, double tol2,
                std::vector<char>& keep) {
    std::vector<std::pair<std::size_t, std::size_t>> stack{{first, last}};
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        double worst = -1.0;
        std::size_t at = a;
        for (std::size_t i = a + 1; i < b; ++i) {
            const double d2 = segment_distance2(pts[i], pts[a], pts[b]);
            if (d2 > worst) worst = d2, at = i;
        }
        if (worst <= tol2) continue;
        keep[at] = 1;
        stack.emplace_back(a, at);
        stack.emplace_back(at, b);
    }
}

ProjectedRing simplify_ring(const ProjectedRing& ring, double tol2) {
    std::size_t n = ring.size();
    const bool closed = n > 1 && ring.front() == ring.back();
    if (closed) --n;
    if (n < 4) return ring;
    std::vector<Projected> pts(ring.begin(), ring.begin() + static_cast<std::ptrdiff_t>(n));
    // Anchors: vertex 0 and the vertex farthest from it, both kept.
    std::size_t far = 0;
    double far2 = -1.0;
    for (std::size_t i = 1; i < n; ++i) {
        const double dx = pts[i].x_m - pts[0].x_m, dy = pts[i].y_m - pts[0].y_m;
        if (dx * dx + dy * dy > far2) far2 = dx * dx + dy * dy, far = i;
    }
    pts.push_back(pts[0]);  // the second chain ends where the first began
    std::vector<char> keep(n + 1, 0);
    keep[0] = keep[far] = keep[n] = 1;
    mark_chain(pts, 0, far, tol2, keep);
    mark_chain(pts, far, n, tol2, keep);
    ProjectedRing out;
    for (std::size_t i = 0; i < n; ++i)
        if (keep[i]) out.push_back(pts[i]);
    if (out.size() < 4) return ring;
    if (closed) out.push_back(out.front());
    return out;
}

}  // namespace

ProjectedMultiPolygon simplify_rings(const ProjectedMultiPolygon& mp, double tolerance_m) {
    const double tol2 = tolerance_m * tolerance_m;
    ProjectedMultiPolygon out;
    out.polygons.reserve(mp.polygons.size());
    for (const ProjectedPolygon& poly : mp.polygons) {
        ProjectedPolygon p;
        p.rings.reserve(poly.rings.size());
        for (const ProjectedRing& ring : poly.rings) p.rings.push_back(simplify_ring(ring, tol2));
        out.polygons.push_back(std::move(p));
    }
    return out;
}

}  // namespace geo
