#include "geo/analysis/density_fft.hpp"

#include <algorithm>
#include <cmath>
#include <mutex>

#include <tbb/parallel_invoke.h>

#include "geo/analysis/kernel_terms.hpp"
#include "geo/detail/fftw_plans.hpp"
#include "geo/detail/fftw_scratch.hpp"
#include "geo/detail/handles.hpp"

namespace geo::detail {
namespace {

// Values under this share of the peak are transform round-off (double
// precision FFTs of these sizes err by up to ~1e-10 of the peak).
constexpr double kRoundOffShare = 1e-9;

// The smallest n' >= n whose prime factors are 2, 3, 5 and 7 (FFTW's fast sizes).
int fast_size(int n) {
    for (int m = std::max(n, 1);; ++m) {
        int r = m;
        for (int p : {2, 3, 5, 7})
            while (r % p == 0) r /= p;
        if (r == 1) return m;
    }
}

// An in-place real-to-complex array of rows × cols reals (each row padded
// to 2·(cols/2 + 1) doubles, as FFTW's in-place layout wants), in the
// thread's kept scratch memory (fftw_scratch.hpp).
struct SpectralArray {
    int rows, cols, stride;  // stride: doubles per row
    ScratchReals data;

    SpectralArray(int r, int c)
        : rows(r),
          cols(c),
          stride(2 * (c / 2 + 1)),
          data(static_cast<std::size_t>(r) * static_cast<std::size_t>(stride)) {
        std::fill(data.get(), data.get() + static_cast<std::size_t>(rows) * static_cast<std::size_t>(stride), 0.0);
    }
    double& at(int row, int col) {
        return data[static_cast<std::size_t>(row) * static_cast<std::size_t>(stride) + static_cast<std::size_t>(col)];
    }
    fftw_complex* spectrum() { return data.complexes(); }
    [[nodiscard]] std::size_t spectrum_size() const {
        return static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols / 2 + 1);
    }
};

SharedFftwPlan forward_plan(SpectralArray& a) {
    return cached_fftw_plan(FftKind::r2c_2d, a.rows, a.cols, a.data.get(), a.spectrum());
}

SharedFftwPlan inverse_plan(SpectralArray& a) {
    return cached_fftw_plan(FftKind::c2r_2d, a.rows, a.cols, a.data.get(), a.spectrum());
}

void forward(const SharedFftwPlan& plan, SpectralArray& a) {
    fftw_execute_dft_r2c(plan.get(), a.data.get(), a.spectrum());
}

// Linear binning of the positive-weight points onto the cell centres.
void bin_points(const std::vector<Projected>& points, const std::vector<double>& weights, const DensityGrid& g,
                SpectralArray& bins) {
    const double inv_cell = 1.0 / g.cell_m;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double w = weights[i];
        if (w <= 0.0) continue;
        const double fx = (points[i].x_m - g.origin.x_m) * inv_cell - 0.5;
        const double fy = (points[i].y_m - g.origin.y_m) * inv_cell - 0.5;
        const int c = std::clamp(static_cast<int>(std::floor(fx)), 0, g.width - 2);
        const int r = std::clamp(static_cast<int>(std::floor(fy)), 0, g.height - 2);
        const double tx = std::clamp(fx - c, 0.0, 1.0), ty = std::clamp(fy - r, 0.0, 1.0);
        bins.at(r, c) += w * (1 - tx) * (1 - ty);
        bins.at(r, c + 1) += w * tx * (1 - ty);
        bins.at(r + 1, c) += w * (1 - tx) * ty;
        bins.at(r + 1, c + 1) += w * tx * ty;
    }
}

// Cells from a kernel's centre to the edge of its support, rounded up.
int kernel_reach_cells(const DensityGrid& g) {
    const double stretch = std::max(g.x_stretch, 1.0 / g.x_stretch);
    return static_cast<int>(std::ceil(kernel_support_m(g.kernel, g.bandwidth_m) * stretch / g.cell_m));
}

// The kernel sampled at every cell offset within its support, wrapped
// cyclically (offset −k sits at index size − k).
void sample_kernel(const DensityGrid& g, SpectralArray& kernel) {
    const KernelTerms kt = KernelTerms::make(g.kernel, g.bandwidth_m, g.x_stretch);
    const int reach = kernel_reach_cells(g);
    for (int dy = -reach; dy <= reach; ++dy) {
        const int row = (dy + kernel.rows) % kernel.rows;
        for (int dx = -reach; dx <= reach; ++dx) {
            const double x = dx * g.cell_m, y = dy * g.cell_m;
            kernel.at(row, (dx + kernel.cols) % kernel.cols) = kernel_value_km2(kt, stretched_d2(kt, x, y));
        }
    }
}

}  // namespace

void convolve_binned(const std::vector<Projected>& points, const std::vector<double>& weights, DensityGrid& g) {
    // Large enough that the kernel around any bin stays clear of the far
    // side, and at least twice its reach so that ±offsets do not overlap.
    const int reach = kernel_reach_cells(g);
    const int rows = fast_size(std::max(g.height, 2 * reach + 1));
    const int cols = fast_size(std::max(g.width, 2 * reach + 1));
    SpectralArray bins(rows, cols), kernel(rows, cols);
    // Both forward transforms share one cached plan (same sizes, placement
    // and alignment); so do later calls at these sizes.
    const SharedFftwPlan bins_plan = forward_plan(bins), kernel_plan = forward_plan(kernel);
    const SharedFftwPlan back_plan = inverse_plan(bins);
    tbb::parallel_invoke(
        [&] {
            bin_points(points, weights, g, bins);
            forward(bins_plan, bins);
        },
        [&] {
            sample_kernel(g, kernel);
            forward(kernel_plan, kernel);
        });
    // Pointwise product of the spectra, with FFTW's 1/N for the round trip.
    const double scale = 1.0 / (static_cast<double>(rows) * static_cast<double>(cols));
    fftw_complex* a = bins.spectrum();
    const fftw_complex* k = kernel.spectrum();
    for (std::size_t i = 0, n = bins.spectrum_size(); i < n; ++i) {
        const double re = a[i][0] * k[i][0] - a[i][1] * k[i][1];
        const double im = a[i][0] * k[i][1] + a[i][1] * k[i][0];
        a[i][0] = re * scale;
        a[i][1] = im * scale;
    }
    fftw_execute_dft_c2r(back_plan.get(), bins.spectrum(), bins.data.get());
    g.values.resize(static_cast<std::size_t>(g.width) * static_cast<std::size_t>(g.height));
    double peak = 0.0;
    for (int r = 0; r < g.height; ++r)
        for (int c = 0; c < g.width; ++c) peak = std::max(peak, bins.at(r, c));
    // Round-off leaves values of ~1e-16 × the peak, of either sign, where the
    // density is zero: they are zero again (a density is never negative).
    const double noise = peak * kRoundOffShare;
    for (int r = 0; r < g.height; ++r)
        for (int c = 0; c < g.width; ++c) {
            const double v = bins.at(r, c);
            g.values[static_cast<std::size_t>(r) * static_cast<std::size_t>(g.width) + static_cast<std::size_t>(c)] =
                v > noise ? v : 0.0;
        }
}

double binned_cost(const DensityGrid& g) {
    const int reach = kernel_reach_cells(g);
    const double n = static_cast<double>(fast_size(std::max(g.height, 2 * reach + 1))) *
                     static_cast<double>(fast_size(std::max(g.width, 2 * reach + 1)));
    // Three transforms of ~2.5 n log2 n flops each, plus binning and product.
    return 7.5 * n * std::log2(std::max(n, 2.0)) + 10.0 * n;
}

double direct_cost(const DensityGrid& g, std::size_t n_points) {
    const double side = 2.0 * kernel_reach_cells(g) + 1.0;
    // The kernel's disc of cells per point, ~4 flops a cell.
    return 4.0 * 0.785 * side * side * static_cast<double>(n_points);
}

}  // namespace geo::detail
