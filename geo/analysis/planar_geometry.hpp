#pragma once
// Polygons in a metric CRS (metres), the working form of analyses between the
// grid and GEOS; geo::MultiPolygon (geo/core/geometry.hpp) is the WGS 84
// exchange form. Same conventions: rings[0] outer, then holes; a ring is closed
// implicitly or explicitly. Plain values, no failure modes, thread-compatible.
#include <vector>

#include "geo/core/coords.hpp"

namespace geo {

using ProjectedRing = std::vector<Projected>;

struct ProjectedPolygon {
    std::vector<ProjectedRing> rings;  // rings[0] outer, then holes
};

struct ProjectedMultiPolygon {
    std::vector<ProjectedPolygon> polygons;
    [[nodiscard]] bool empty() const { return polygons.empty(); }
};

// Shoelace area in m², positive when counter-clockwise.
double signed_area_m2(const ProjectedRing& ring);
// Length of the closed ring in metres.
double ring_length_m(const ProjectedRing& ring);
// |outer| − Σ |holes|, m².
double area_m2(const ProjectedPolygon& polygon);
double area_m2(const ProjectedMultiPolygon& mp);
// Total length of all rings (outer and holes), metres.
double boundary_length_m(const ProjectedMultiPolygon& mp);
// Even-odd point-in-ring test (a point on the boundary may go either way).
bool ring_contains(const ProjectedRing& ring, Projected p);
// Outer rings counter-clockwise, holes clockwise (the RFC 7946 orientation).
void orient_rfc7946(ProjectedMultiPolygon& mp);
// Polsby-Popper compactness of the whole multipolygon: 4π·A / P², with A the
// total area and P the total boundary length (holes included). 1 for a disc,
// lower for elongated, ragged or fragmented shapes; 0 when empty.
double polsby_popper(const ProjectedMultiPolygon& mp);

}  // namespace geo
