#pragma once
// Weighted kernel density of points on a regular grid, in a metric CRS.
//
// Units and CRS: points, bandwidth_m, cell_m and the grid origin are in metres
//   of one metric CRS (see geo/crs/metric_crs.hpp); density values are weight
//   per km² (the kernel integrates to 1, so the grid's mass Σ value × cell area
//   equals the total weight up to discretisation).
// Kernels (d = distance from the point, h = bandwidth_m):
//   quartic (biweight, default): K(d) = 3 / (π h²) · (1 − d²/h²)² for d < h.
//     The shape is QGIS's heatmap "quartic" kernel with radius h: QGIS "raw"
//     output is w·(1 − d²/h²)², so our value = QGIS raw × 3e6 / (π h²) per km².
//     QGIS "scaled" output multiplies raw by 116/(5π h²) · 15/16 = 21.75/(π h²),
//     which does not integrate to 1 in 2-D (the exact 2-D constant is 3/(π h²));
//     our value = QGIS scaled × (3/21.75) × 1e6. Either way the two surfaces
//     are proportional, so highest-density regions are identical.
//   gaussian: bandwidth_m is the standard deviation σ,
//     K(d) = exp(−d²/(2σ²)) / (2π σ² (1 − e⁻⁸)) for d ≤ 4σ (truncated at 4σ
//     and renormalised so each point still carries exactly its weight).
// Grid: cell (col, row) covers [origin + col·cell, origin + (col+1)·cell) in x
//   and likewise in y (row 0 is the southern row); its value is the density at
//   its centre. The grid extends one kernel support radius + one cell beyond
//   the points' bounding box on every side, so no kernel is cut at the edge.
// Threads: compute_density() runs in parallel (TBB, bands of rows); the result
//   is deterministic (each cell sums its points in one fixed order).
// Failures: mismatched sizes, negative or non-finite weights or coordinates, no
//   positive weight, non-positive bandwidth or cell.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "geo/core/coords.hpp"
#include "geo/core/error.hpp"

namespace geo {

enum class Kernel { quartic, gaussian };

std::string_view kernel_id(Kernel k);                     // "quartic", "gaussian"
Result<Kernel> kernel_from_id(std::string_view id);

// Radius beyond which the kernel is zero: h (quartic) or 4σ (gaussian).
double kernel_support_m(Kernel k, double bandwidth_m);

// The default bandwidth clamp, expressed for the quartic kernel (its radius).
inline constexpr double kMinQuarticBandwidthM = 2'000.0;
inline constexpr double kMaxQuarticBandwidthM = 30'000.0;

// Upper bound accepted for DensityParams::max_cells (memory: 8 bytes a cell).
inline constexpr std::size_t kMaxGridCells = 100'000'000;

struct DensityParams {
    std::optional<double> bandwidth_m;  // default: default_bandwidth_m()
    std::optional<double> cell_m;       // default: bandwidth/4 (quartic), σ/2 (gaussian)
    Kernel kernel = Kernel::quartic;
    std::size_t max_cells = 4'000'000;  // cell_m grows until width × height fits
};

struct DensityGrid {
    Projected origin;  // south-west corner of cell (0, 0), metres
    double cell_m = 0.0;
    int width = 0;
    int height = 0;
    std::vector<double> values;  // row-major, row 0 south; weight per km²
    Kernel kernel = Kernel::quartic;
    double bandwidth_m = 0.0;
    bool bandwidth_from_data = false;  // true when bandwidth_m was derived by default_bandwidth_m

    [[nodiscard]] double at(int col, int row) const {
        return values[static_cast<std::size_t>(row) * static_cast<std::size_t>(width) +
                      static_cast<std::size_t>(col)];
    }
    [[nodiscard]] Projected cell_centre(int col, int row) const {
        return {origin.x_m + (col + 0.5) * cell_m, origin.y_m + (row + 0.5) * cell_m};
    }
    [[nodiscard]] double cell_area_km2() const { return cell_m * cell_m * 1e-6; }
    // Σ value × cell area: the weight the grid holds.
    [[nodiscard]] double total_mass() const;
};

// Bandwidth derived from the data, in metres (quartic radius or gaussian σ).
// Rule: per axis, a robust weighted spread A = min(sd, IQR / 1.349) (Silverman);
// σ = sqrt(A_x · A_y); effective count n = (Σw)² / Σw² (Kish); the Gaussian
// bandwidth is Scott's 2-D rule σ · n^(−1/6); the quartic radius is that times
// 2.7793, the ratio of the two kernels' canonical bandwidths in 2-D
// ((R(K)/μ₂(K)²)^(1/6): quartic 576/(5π), Gaussian 1/(4π)). The quartic radius is
// clamped to [kMinQuarticBandwidthM, kMaxQuarticBandwidthM] (the Gaussian σ to
// the same range / 2.7793). Zero weights are ignored.
Result<double> default_bandwidth_m(const std::vector<Projected>& points,
                                   const std::vector<double>& weights, Kernel kernel);

// Grid of density values, as described above.
Result<DensityGrid> compute_density(const std::vector<Projected>& points,
                                    const std::vector<double>& weights,
                                    const DensityParams& params);

// The density at one place by the closed-form sum Σ w·K(d) (weight per km²),
// for tests and probes. Preconditions: sizes match, bandwidth_m > 0.
double density_at(const std::vector<Projected>& points, const std::vector<double>& weights,
                  Projected at, Kernel kernel, double bandwidth_m);

}  // namespace geo
