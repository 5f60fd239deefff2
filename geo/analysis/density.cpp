#include "geo/analysis/density.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "geo/analysis/density_fft.hpp"
#include "geo/analysis/kernel_terms.hpp"

namespace geo {
namespace {

using detail::KernelTerms;
using detail::quartic_term;

// row[k] += w · quartic(dx2[k] + dy2), k < n.
void add_quartic_row(double* __restrict row, const double* __restrict dx2, std::size_t n, double dy2, double w,
                     double inv_h2) {
    for (std::size_t k = 0; k < n; ++k) row[k] += w * quartic_term(dx2[k] + dy2, inv_h2);
}

// row[k] += wy · gx[k], k < n.
void add_gaussian_row(double* __restrict row, const double* __restrict gx, std::size_t n, double wy) {
    for (std::size_t k = 0; k < n; ++k) row[k] += wy * gx[k];
}

struct WeightedPoint {
    double x_m, y_m, w;
    double factor;  // bandwidth factor (1 unless adaptive)
};

// The positive-weight points sorted by the grid row holding them (counting
// sort, stable): start[r] .. start[r+1] are the points of row r.
struct RowSortedPoints {
    std::vector<WeightedPoint> points;
    std::vector<std::size_t> start;
};

RowSortedPoints sort_by_row(const std::vector<Projected>& points, const std::vector<double>& weights,
                            const std::vector<double>& factors, const DensityGrid& g) {
    auto row_of = [&](const Projected& p) {
        return static_cast<std::size_t>(
            std::clamp(static_cast<int>((p.y_m - g.origin.y_m) / g.cell_m), 0, g.height - 1));
    };
    RowSortedPoints s;
    s.start.assign(static_cast<std::size_t>(g.height) + 1, 0);
    for (std::size_t i = 0; i < points.size(); ++i)
        if (weights[i] > 0.0) ++s.start[row_of(points[i]) + 1];
    for (std::size_t r = 0; r + 1 < s.start.size(); ++r) s.start[r + 1] += s.start[r];
    s.points.resize(s.start.back());
    std::vector<std::size_t> next(s.start.begin(), s.start.end() - 1);
    for (std::size_t i = 0; i < points.size(); ++i)
        if (weights[i] > 0.0)
            s.points[next[row_of(points[i])]++] = {points[i].x_m, points[i].y_m, weights[i],
                                                   factors.empty() ? 1.0 : factors[i]};
    return s;
}

// Adds the (unnormalised) kernels of points [first, last) to rows
// [row_lo, row_hi) of the grid.
// Terms are normalised per point (adaptive bandwidths differ), so the grid
// holds weight per km² directly.
void splat_band(const WeightedPoint* first, const WeightedPoint* last, int row_lo, int row_hi, const KernelTerms& fixed,
                const std::vector<double>& cx, const std::vector<double>& cy, DensityGrid& g) {
    std::vector<double> along_x;  // dx² (quartic) or exp(−dx²/2σ²) (gaussian) per column
    std::vector<double> dx2;
    const double inv_cell = 1.0 / g.cell_m;
    for (const WeightedPoint* pt = first; pt != last; ++pt) {
        const KernelTerms kt =
            pt->factor == 1.0 ? fixed : KernelTerms::make(fixed.kernel, g.bandwidth_m * pt->factor, g.x_stretch);
        const double sx_m = kt.support_x_m, sy_m = kt.support_y_m;
        const double px = pt->x_m, py = pt->y_m, w = pt->w * kt.norm_km2;
        // Cells whose centre may lie within the support, widened by one.
        const int c0 = std::max(0, static_cast<int>(std::floor((px - sx_m - g.origin.x_m) * inv_cell - 0.5)));
        const int c1 = std::min(g.width - 1, static_cast<int>(std::ceil((px + sx_m - g.origin.x_m) * inv_cell - 0.5)));
        const int r0 = std::max(row_lo, static_cast<int>(std::floor((py - sy_m - g.origin.y_m) * inv_cell - 0.5)));
        const int r1 = std::min(row_hi - 1, static_cast<int>(std::ceil((py + sy_m - g.origin.y_m) * inv_cell - 0.5)));
        if (c0 > c1 || r0 > r1) continue;
        const auto nc = static_cast<std::size_t>(c1 - c0 + 1);
        dx2.resize(nc);
        for (std::size_t k = 0; k < nc; ++k) {
            const double dx = cx[static_cast<std::size_t>(c0) + k] - px;
            dx2[k] = dx * dx * kt.x_scale2;
        }
        if (kt.kernel == Kernel::gaussian) {
            along_x.resize(nc);
            for (std::size_t k = 0; k < nc; ++k) along_x[k] = std::exp(-dx2[k] * kt.inv_2s2);
        }
        for (int r = r0; r <= r1; ++r) {
            const double dy = cy[static_cast<std::size_t>(r)] - py;
            const double dy2 = dy * dy * kt.y_scale2;
            if (dy2 >= kt.support2_m2) continue;
            double* row = g.values.data() + static_cast<std::size_t>(r) * static_cast<std::size_t>(g.width) +
                          static_cast<std::size_t>(c0);
            if (kt.kernel == Kernel::quartic) {
                // Outside the support the term is exactly 0: no trimming needed.
                add_quartic_row(row, dx2.data(), nc, dy2, w, kt.inv_h2);
                continue;
            }
            // Gaussian: columns inside the support disc on this row, by the same
            // test as density_at (d² <= support²), from both ends of the convex dx².
            std::size_t lo = 0, hi = nc;
            while (lo < hi && dx2[lo] + dy2 > kt.support2_m2) ++lo;
            while (hi > lo && dx2[hi - 1] + dy2 > kt.support2_m2) --hi;
            add_gaussian_row(row + lo, along_x.data() + lo, hi - lo, w * std::exp(-dy2 * kt.inv_2s2));
        }
    }
}

}  // namespace

double DensityGrid::total_mass() const {
    double sum = 0.0;
    for (double v : values) sum += v;
    return sum * cell_area_km2();
}

namespace {

struct Extent {
    double xmin = INFINITY, xmax = -INFINITY, ymin = INFINITY, ymax = -INFINITY;
};

Extent weighted_extent(const std::vector<Projected>& points, const std::vector<double>& weights) {
    Extent e;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (weights[i] <= 0.0) continue;
        e.xmin = std::min(e.xmin, points[i].x_m);
        e.xmax = std::max(e.xmax, points[i].x_m);
        e.ymin = std::min(e.ymin, points[i].y_m);
        e.ymax = std::max(e.ymax, points[i].y_m);
    }
    return e;
}

std::size_t positive_count(const std::vector<double>& weights) {
    return static_cast<std::size_t>(std::count_if(weights.begin(), weights.end(), [](double w) { return w > 0.0; }));
}

// Sizes the grid: the cell grows until the padded grid fits in max_cells.
Result<void> fit_grid(const Extent& e, double support_m, double cell, std::size_t max_cells, DensityGrid& g) {
    for (int attempt = 0; attempt < 200; ++attempt) {
        const double pad = support_m + cell;
        const double w = std::ceil((e.xmax - e.xmin + 2 * pad) / cell);
        const double h = std::ceil((e.ymax - e.ymin + 2 * pad) / cell);
        if (std::isfinite(w * h) && w * h <= static_cast<double>(max_cells)) {
            g.width = static_cast<int>(w);
            g.height = static_cast<int>(h);
            g.origin = {e.xmin - pad, e.ymin - pad};
            g.cell_m = cell;
            return {};
        }
        // At least the cell that fits the unpadded box, then 0.1 % steps.
        const double fit =
            std::sqrt((e.xmax - e.xmin + 2 * pad) * (e.ymax - e.ymin + 2 * pad) / static_cast<double>(max_cells));
        cell = std::max(cell * 1.001, fit);
    }
    return fail_fmt("density: no grid of at most {} cells fits the points", max_cells);
}

// Splats every positive-weight point (bandwidth factors optional) onto g,
// whose geometry and bandwidth are set.
void splat(const std::vector<Projected>& points, const std::vector<double>& weights, const std::vector<double>& factors,
           double max_support_m, DensityGrid& g) {
    g.values.assign(static_cast<std::size_t>(g.width) * static_cast<std::size_t>(g.height), 0.0);
    std::vector<double> cx(static_cast<std::size_t>(g.width)), cy(static_cast<std::size_t>(g.height));
    for (int c = 0; c < g.width; ++c) cx[static_cast<std::size_t>(c)] = g.cell_centre(c, 0).x_m;
    for (int r = 0; r < g.height; ++r) cy[static_cast<std::size_t>(r)] = g.cell_centre(0, r).y_m;
    const KernelTerms kt = KernelTerms::make(g.kernel, g.bandwidth_m, g.x_stretch);
    // Bands of rows, each written by one task: no locks. Each cell sums its
    // points in row-sorted order whatever the bands, so results do not depend
    // on the number of threads. A band takes the points of the rows within
    // reach of its own.
    const RowSortedPoints pts = sort_by_row(points, weights, factors, g);
    const int reach = static_cast<int>(std::ceil(max_support_m / g.cell_m)) + 2;
    const int workers = tbb::this_task_arena::max_concurrency();
    const int band = std::max(1, (g.height + 4 * workers - 1) / (4 * workers));
    const int bands = (g.height + band - 1) / band;
    tbb::parallel_for(tbb::blocked_range<int>(0, bands, 1), [&](const tbb::blocked_range<int>& br) {
        for (int b = br.begin(); b < br.end(); ++b) {
            const int row_lo = b * band, row_hi = std::min(g.height, row_lo + band);
            const auto first = pts.start[static_cast<std::size_t>(std::max(0, row_lo - reach))];
            const auto last = pts.start[static_cast<std::size_t>(std::min(g.height, row_hi + reach))];
            splat_band(pts.points.data() + first, pts.points.data() + last, row_lo, row_hi, kt, cx, cy, g);
        }
    });
}

Result<DensityGrid> fixed_grid(const std::vector<Projected>& points, const std::vector<double>& weights,
                               const DensityParams& params, const BandwidthSelection& selection,
                               const std::vector<double>& factors) {
    DensityGrid g;
    g.kernel = params.kernel;
    g.bandwidth_m = selection.bandwidth_m;
    g.x_stretch = selection.x_stretch;
    g.selection = selection;
    g.bandwidth_from_data = selection.selector != BandwidthSelector::fixed;
    double min_factor = 1.0, max_factor = 1.0;
    for (std::size_t i = 0; i < factors.size(); ++i)
        if (weights[i] > 0.0) {
            min_factor = std::min(min_factor, factors[i]);
            max_factor = std::max(max_factor, factors[i]);
        }
    // σ along the narrower axis of the kernel.
    const double narrow = std::min(g.x_stretch, 1.0 / g.x_stretch);
    g.default_cell_m =
        equivalent_sigma_m(params.kernel, g.bandwidth_m) * narrow * std::max(min_factor, 0.5) / kDefaultCellsPerSigma;
    const double cell = params.cell_m.value_or(g.default_cell_m);
    if (!std::isfinite(cell) || cell < kMinCellM || cell > kMaxCellM)
        return fail_fmt("density: cell_m {} must be a number of metres in [{}, {}]", cell, kMinCellM, kMaxCellM);
    // The support's larger half-extent (along x or y).
    const double support =
        kernel_support_m(params.kernel, g.bandwidth_m) * max_factor * std::max(g.x_stretch, 1.0 / g.x_stretch);
    const Extent extent = weighted_extent(points, weights);
    if (auto r = fit_grid(extent, support, cell, params.max_cells, g); !r) return tl::unexpected(r.error());
    const double cells = static_cast<double>(g.width) * static_cast<double>(g.height);
    const bool binned = factors.empty() && cells <= static_cast<double>(kMaxBinnedCells) &&
                        (params.method == DensityMethod::binned_fft ||
                         (params.method == DensityMethod::automatic &&
                          detail::binned_cost(g) < detail::direct_cost(g, positive_count(weights))));
    g.binned = binned;
    if (binned) {
        // Linear binning moves weight by up to one cell: one more cell of
        // margin keeps every kernel inside the grid.
        if (auto r = fit_grid(extent, support + g.cell_m, g.cell_m, params.max_cells, g); !r)
            return tl::unexpected(r.error());
        detail::convolve_binned(points, weights, g);
    } else
        splat(points, weights, factors, support, g);
    g.bandwidth_factors = factors;
    return g;
}

}  // namespace

Result<DensityGrid> compute_density(const std::vector<Projected>& points, const std::vector<double>& weights,
                                    const DensityParams& params) {
    if (params.max_cells < 16 || params.max_cells > kMaxGridCells)
        return fail_fmt("density: max_cells {} must be in [16, {}]", params.max_cells, kMaxGridCells);
    if (params.bandwidth_m &&
        !(*params.bandwidth_m >= kMinFixedBandwidthM && *params.bandwidth_m <= kMaxFixedBandwidthM))
        return fail_fmt("density: bandwidth_m {} must be a number of metres in [{}, {}]", *params.bandwidth_m,
                        kMinFixedBandwidthM, kMaxFixedBandwidthM);
    BandwidthChoice choice{params.selector, 0.0};
    if (params.bandwidth_m) choice = {BandwidthSelector::fixed, *params.bandwidth_m};
    auto selection = select_bandwidth(points, weights, params.kernel, choice);
    if (!selection) return tl::unexpected(selection.error());
    if (choice.selector != BandwidthSelector::adaptive) return fixed_grid(points, weights, params, *selection, {});
    // Adaptive: a pilot grid at the plug-in bandwidth, Abramson factors at
    // the items, then the grid with one bandwidth per item.
    auto pilot = fixed_grid(points, weights, params, *selection, {});
    if (!pilot) return tl::unexpected(pilot.error());
    std::vector<double> at_items(points.size(), 0.0);
    for (std::size_t i = 0; i < points.size(); ++i)
        if (weights[i] > 0.0) at_items[i] = grid_value_at(*pilot, points[i]);
    return fixed_grid(points, weights, params, *selection, abramson_factors(at_items, weights));
}

double grid_value_at(const DensityGrid& g, Projected at) {
    if (g.width <= 0 || g.height <= 0) return 0.0;
    const double fx = (at.x_m - g.origin.x_m) / g.cell_m - 0.5;
    const double fy = (at.y_m - g.origin.y_m) / g.cell_m - 0.5;
    if (!(fx >= 0.0 && fy >= 0.0 && fx <= g.width - 1.0 && fy <= g.height - 1.0)) return 0.0;
    const int c = std::min(static_cast<int>(fx), std::max(0, g.width - 2));
    const int r = std::min(static_cast<int>(fy), std::max(0, g.height - 2));
    const double tx = fx - c, ty = fy - r;
    const int c1 = std::min(c + 1, g.width - 1), r1 = std::min(r + 1, g.height - 1);
    return (1 - tx) * (1 - ty) * g.at(c, r) + tx * (1 - ty) * g.at(c1, r) + (1 - tx) * ty * g.at(c, r1) +
           tx * ty * g.at(c1, r1);
}

double density_at(const std::vector<Projected>& points, const std::vector<double>& weights, Projected at, Kernel kernel,
                  double bandwidth_m) {
    return density_at(points, weights, {}, at, kernel, bandwidth_m);
}

double density_at(const std::vector<Projected>& points, const std::vector<double>& weights,
                  const std::vector<double>& factors, Projected at, Kernel kernel, double bandwidth_m,
                  double x_stretch) {
    const KernelTerms fixed = KernelTerms::make(kernel, bandwidth_m, x_stretch);
    double sum = 0.0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double w = weights[i];
        if (w <= 0.0) continue;
        const double f = factors.empty() ? 1.0 : factors[i];
        const KernelTerms kt = f == 1.0 ? fixed : KernelTerms::make(kernel, bandwidth_m * f, x_stretch);
        const double dx = at.x_m - points[i].x_m, dy = at.y_m - points[i].y_m;
        sum += w * detail::kernel_value_km2(kt, detail::stretched_d2(kt, dx, dy));
    }
    return sum;
}

}  // namespace geo
