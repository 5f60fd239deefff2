#pragma once
// The fixed-bandwidth density grid by linear binning and FFT convolution
// (internal to compute_density; density.hpp says when it is used).
//
// Method (Wand & Jones 1995, §D; as ks and KernSmooth do): each point's
// weight is shared among the four cell centres around it in proportion to
// the opposite sub-rectangle's area (linear binning, which keeps the weight
// and its centroid), and the binned weights are convolved with the kernel
// sampled at the grid's cell offsets, by FFTW real transforms. The grid
// keeps a margin of one support radius + two cells around the points
// (density.hpp; binning moves weight by up to a cell), so a cyclic
// convolution on an array at least as large as the grid wraps nothing. Cost O(cells · log cells) whatever the number of
// points; the value at a cell centre differs from the direct sum by
// O(cell² · ∂²f), a fraction of a percent of the peak at cell = σ/4.
// Units: metres of one metric CRS in, weight per km² out.
// Thread-safe (FFTW plans are made under detail::fftw_planner_mutex()).
// Failures: none reported; density.hpp validates sizes and bandwidths
// first (FFTW allocation failure aborts, as FFTW does).
#include <vector>

#include "geo/analysis/density.hpp"

namespace geo::detail {

// Fills g.values (sized width × height). The geometry (origin, cell_m,
// width, height), kernel and bandwidth_m of g must be set, and every
// positive-weight point must lie at least one support radius + two cells
// inside the grid.
void convolve_binned(const std::vector<Projected>& points, const std::vector<double>& weights, DensityGrid& g);

// Arithmetic operations of the binned path and of the direct sum for n
// points on g, in comparable units, to pick the cheaper one.
double binned_cost(const DensityGrid& g);
double direct_cost(const DensityGrid& g, std::size_t n_points);

}  // namespace geo::detail
