#pragma once
// Weighted kernel density of points on a regular grid, in a metric CRS.
//
// Units and CRS: points, bandwidth_m, cell_m and the grid origin are in metres
//   of one metric CRS (see geo/crs/metric_crs.hpp); density values are weight
//   per km² (the kernel integrates to 1, so the grid's mass Σ value × cell area
//   equals the total weight up to discretisation).
// Kernels: kernel.hpp (quartic radius h or Gaussian σ, each point carrying
//   exactly its weight). The bandwidth comes from bandwidth.hpp: a fixed value,
//   or a selector (plug-in by default, Scott, adaptive). Adaptive: item i's
//   bandwidth is bandwidth_m × bandwidth_factors[i] (Abramson factors from a
//   pilot grid at the plug-in bandwidth, bilinear at the item).
//   The quartic's shape is QGIS's heatmap "quartic" kernel with radius h: QGIS
//   "raw" output w·(1 − d²/h²)² times 3e6/(π h²) is our weight per km².
// Grid: cell (col, row) covers [origin + col·cell, origin + (col+1)·cell) in x
//   and likewise in y (row 0 is the southern row); its value is the density at
//   its centre, summed directly or by binned FFT convolution (DensityMethod
//   below: the cheaper one by default, so large catalogues are binned). The grid
//   extends the largest kernel support radius + one cell (two when binned)
//   beyond the points' bounding box on every side, so no kernel is cut at
//   the edge. Default cell:
//   σ / kDefaultCellsPerSigma (σ the equivalent Gaussian σ along the kernel's
//   narrower axis, the smallest adaptive one down to σ/2); it grows until
//   width × height <= max_cells. Diagonal bandwidths: the selection's x
//   stretch (kernel.hpp) applies to every kernel, adaptive ones included.
// Threads: compute_density() runs in parallel (TBB: bands of rows, or the two
//   forward transforms); the result is deterministic (each cell sums its
//   points in one fixed order; FFTW's estimated plans depend on sizes only).
// Failures: mismatched sizes, negative or non-finite weights or coordinates, no
//   positive weight, a bandwidth outside [kMinFixedBandwidthM,
//   kMaxFixedBandwidthM], a cell outside [kMinCellM, kMaxCellM], max_cells out of
//   range.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "geo/analysis/bandwidth.hpp"
#include "geo/analysis/kernel.hpp"
#include "geo/core/coords.hpp"
#include "geo/core/error.hpp"

namespace geo {

inline constexpr double kDefaultCellsPerSigma = 4.0;
inline constexpr double kMinFixedBandwidthM = 1.0;
inline constexpr double kMaxFixedBandwidthM = 500'000.0;
inline constexpr double kMinCellM = 1.0;
inline constexpr double kMaxCellM = 100'000.0;  // a grid cell of 100 km: coarser says nothing of a destination

// Upper bound accepted for DensityParams::max_cells (memory: 8 bytes a cell).
inline constexpr std::size_t kMaxGridCells = 100'000'000;

// How the fixed-bandwidth grid is summed (adaptive grids are always direct).
//   direct: each kernel evaluated at every cell centre within its support
//     (the exact density there);
//   binned_fft: linear binning and FFT convolution (density_fft.hpp), cost
//     independent of the number of points, within a fraction of a percent of
//     the peak of the direct sum at the default cell;
//   automatic: the cheaper of the two for these points and this grid.
// Grids over kMaxBinnedCells are always summed directly: the transforms need
// four times the grid's memory (32 bytes a cell).
enum class DensityMethod { automatic, direct, binned_fft };
inline constexpr std::size_t kMaxBinnedCells = 16'000'000;

struct DensityParams {
    std::optional<double> bandwidth_m;  // fixed; when absent, `selector` decides
    BandwidthSelector selector = BandwidthSelector::plugin;
    std::optional<double> cell_m;  // default: σ / kDefaultCellsPerSigma
    Kernel kernel = Kernel::quartic;
    std::size_t max_cells = 4'000'000;  // cell_m grows until width × height fits
    DensityMethod method = DensityMethod::automatic;
};

struct DensityGrid {
    Projected origin;  // south-west corner of cell (0, 0), metres
    double cell_m = 0.0;
    int width = 0;
    int height = 0;
    std::vector<double> values;  // row-major, row 0 south; weight per km²
    Kernel kernel = Kernel::quartic;
    double bandwidth_m = 0.0;
    double x_stretch = 1.0;            // diagonal bandwidth (kernel.hpp): selection.x_stretch
    bool bandwidth_from_data = false;  // true when a selector derived bandwidth_m
    BandwidthSelection selection;      // how bandwidth_m was chosen
    bool binned = false;               // summed by binned FFT convolution (DensityMethod)
    double default_cell_m = 0.0;       // the default cell for this bandwidth (σ / kDefaultCellsPerSigma)
    // Adaptive only: one factor per input point (the point's bandwidth is
    // bandwidth_m × factor); empty for a fixed bandwidth.
    std::vector<double> bandwidth_factors;

    [[nodiscard]] double at(int col, int row) const {
        return values[static_cast<std::size_t>(row) * static_cast<std::size_t>(width) + static_cast<std::size_t>(col)];
    }
    [[nodiscard]] Projected cell_centre(int col, int row) const {
        return {origin.x_m + (col + 0.5) * cell_m, origin.y_m + (row + 0.5) * cell_m};
    }
    [[nodiscard]] double cell_area_km2() const { return cell_m * cell_m * 1e-6; }
    // Σ value × cell area: the weight the grid holds.
    [[nodiscard]] double total_mass() const;
};

// Grid of density values, as described above.
Result<DensityGrid> compute_density(const std::vector<Projected>& points, const std::vector<double>& weights,
                                    const DensityParams& params);

// The density at one place by the closed-form sum Σ w·K(d) (weight per km²),
// for tests and probes. Preconditions: sizes match, bandwidth_m > 0.
double density_at(const std::vector<Projected>& points, const std::vector<double>& weights, Projected at, Kernel kernel,
                  double bandwidth_m);
// Same with one bandwidth factor per point (adaptive; empty = all 1) and a
// diagonal bandwidth's x stretch (kernel.hpp).
double density_at(const std::vector<Projected>& points, const std::vector<double>& weights,
                  const std::vector<double>& factors, Projected at, Kernel kernel, double bandwidth_m,
                  double x_stretch = 1.0);
// Bilinear interpolation of the grid between cell centres (0 outside).
double grid_value_at(const DensityGrid& grid, Projected at);

}  // namespace geo
