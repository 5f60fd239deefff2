#pragma once
// The exact mass of a weighted kernel density inside polygons, whatever the
// grid: Σᵢ wᵢ ∫_P K(x − Xᵢ) dx, the share of the audience-weighted offer that
// the kernel estimate puts inside the perimeter.
//
// Method: for a radial kernel, Green's theorem turns the area integral into
// one along the boundary: ∫_P K(|x − X|) dx = wind(X) + (1/2π) ∮_∂P (G(r) − 1) dθ,
// with G(r) the kernel's mass within radius r (kernel.hpp) and θ the angle seen
// from X. G − 1 vanishes beyond the kernel's support, so only the boundary
// edges within one support radius of an item count; items farther from the
// boundary count 1 (inside) or 0 (outside). Per clipped edge, ∫ G dθ is a
// smooth integral (G(r)/r² is a polynomial in r² for the quartic kernel,
// integrated exactly by 3-point Gauss-Legendre; 8 points per σ of edge for the
// Gaussian) and ∫ dθ is exact (atan2). Edges are bucketed on a grid of one
// support radius; inside/outside comes from the crossings of each bucket row's
// centre line plus the few edges between it and the item.
// Units: points, polygons and bandwidths in metres of one metric CRS; result
//   in the weights' unit. Rings: any orientation (outer rings and holes are
//   told apart by their place in ProjectedPolygon), implicitly or explicitly
//   closed; polygons must not overlap (valid multipolygon).
// Pure, thread-safe. Preconditions: sizes match (factors empty or one per
//   point), bandwidth_m > 0, weights >= 0.
// Failures: none reported; throws std::bad_alloc only. Preconditions are not checked (mismatched sizes
//   read out of bounds); an empty region gives 0, and points of weight <= 0 or NaN are skipped.
#include <vector>

#include "geo/analysis/kernel.hpp"
#include "geo/analysis/planar_geometry.hpp"
#include "geo/core/coords.hpp"

namespace geo {

// `factors`: per-point bandwidth factors (adaptive), or empty for all 1.
// `x_stretch`: a diagonal bandwidth's stretch (kernel.hpp); points and region
// are stretched (a map of determinant 1) and the isotropic kernel integrated.
double kernel_mass_inside(const std::vector<Projected>& points, const std::vector<double>& weights,
                          const std::vector<double>& factors, Kernel kernel, double bandwidth_m,
                          const ProjectedMultiPolygon& region, double x_stretch = 1.0);

// ∫_P K(x − at) dx for one unit kernel, in [0, 1] (for tests and probes).
double kernel_share_inside(Projected at, Kernel kernel, double bandwidth_m, const ProjectedMultiPolygon& region);

}  // namespace geo
