#include "geo/analysis/density.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

namespace geo {
namespace {

// Ratio of the quartic radius to the Gaussian σ with the same smoothing
// (canonical bandwidths in 2-D): (576/(5π) / (1/(4π)))^(1/6) = 460.8^(1/6).
const double kQuarticPerGaussian = std::pow(460.8, 1.0 / 6.0);
constexpr double kGaussianSupportSigmas = 4.0;
constexpr double kPerM2ToPerKm2 = 1e6;

// --- Kernel evaluation, shared by the grid and by density_at so that each
// point's term is computed with the same floating-point operations. ----------
struct KernelTerms {
    Kernel kernel;
    double support2_m2;  // squared support radius
    double inv_h2;       // quartic: 1/h²
    double inv_2s2;      // gaussian: 1/(2σ²)
    double norm_km2;     // constant factor, weight per km²

    static KernelTerms make(Kernel k, double bandwidth_m) {
        KernelTerms t{k, 0.0, 0.0, 0.0, 0.0};
        const double h2 = bandwidth_m * bandwidth_m;
        const double support = kernel_support_m(k, bandwidth_m);
        t.support2_m2 = support * support;
        if (k == Kernel::quartic) {
            t.inv_h2 = 1.0 / h2;
            t.norm_km2 = 3.0 / (std::numbers::pi * h2) * kPerM2ToPerKm2;
        } else {
            t.inv_2s2 = 1.0 / (2.0 * h2);
            const double kept = 1.0 - std::exp(-kGaussianSupportSigmas * kGaussianSupportSigmas / 2);
            t.norm_km2 = 1.0 / (2.0 * std::numbers::pi * h2 * kept) * kPerM2ToPerKm2;
        }
        return t;
    }
};

// Unnormalised quartic term (1 − d²/h²)² for d < h, else 0. max(t, 0) is
// written (t + |t|) / 2, which is exact and branch-free, so that the row loop
// below vectorises (a compare-and-select does not under -ftrapping-math).
inline double quartic_term(double d2, double inv_h2) {
    const double t = 1.0 - d2 * inv_h2;
    const double c = 0.5 * (t + std::fabs(t));
    return c * c;
}

// row[k] += w · quartic(dx2[k] + dy2), k < n.
void add_quartic_row(double* __restrict row, const double* __restrict dx2, std::size_t n,
                     double dy2, double w, double inv_h2) {
    for (std::size_t k = 0; k < n; ++k) row[k] += w * quartic_term(dx2[k] + dy2, inv_h2);
}

// row[k] += wy · gx[k], k < n.
void add_gaussian_row(double* __restrict row, const double* __restrict gx, std::size_t n,
                      double wy) {
    for (std::size_t k = 0; k < n; ++k) row[k] += wy * gx[k];
}

struct Spread {
    double total_w = 0.0;
    double sum_w2 = 0.0;
    double sd_x = 0.0, sd_y = 0.0;
    double iqr_x = 0.0, iqr_y = 0.0;
};

// Weighted quartiles by a histogram of 4096 bins, linear inside a bin.
std::array<double, 2> weighted_quartiles(const std::vector<Projected>& points,
                                         const std::vector<double>& weights, bool along_x,
                                         double lo, double hi, double total_w) {
    constexpr int kBins = 4096;
    if (!(hi > lo)) return {lo, lo};
    std::vector<double> hist(kBins, 0.0);
    const double scale = kBins / (hi - lo);
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (weights[i] <= 0.0) continue;
        const double v = along_x ? points[i].x_m : points[i].y_m;
        const int b = std::min(kBins - 1, static_cast<int>((v - lo) * scale));
        hist[static_cast<std::size_t>(b)] += weights[i];
    }
    std::array<double, 2> out{};
    const std::array<double, 2> targets{0.25 * total_w, 0.75 * total_w};
    double cum = 0.0;
    int q = 0;
    for (int b = 0; b < kBins && q < 2; ++b) {
        const double h = hist[static_cast<std::size_t>(b)];
        while (q < 2 && cum + h >= targets[static_cast<std::size_t>(q)]) {
            const double frac = h > 0.0 ? (targets[static_cast<std::size_t>(q)] - cum) / h : 0.0;
            out[static_cast<std::size_t>(q)] = lo + (b + frac) / scale;
            ++q;
        }
        cum += h;
    }
    if (q < 2) out[1] = hi;
    return out;
}

Spread measure_spread(const std::vector<Projected>& points, const std::vector<double>& weights) {
    Spread s;
    // Moments about the first weighted point, to keep the squares small.
    Projected ref{};
    bool have_ref = false;
    double sx = 0, sy = 0, sxx = 0, syy = 0;
    double xmin = INFINITY, xmax = -INFINITY, ymin = INFINITY, ymax = -INFINITY;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double w = weights[i];
        if (w <= 0.0) continue;
        if (!have_ref) ref = points[i], have_ref = true;
        const double dx = points[i].x_m - ref.x_m, dy = points[i].y_m - ref.y_m;
        s.total_w += w;
        s.sum_w2 += w * w;
        sx += w * dx;
        sy += w * dy;
        sxx += w * dx * dx;
        syy += w * dy * dy;
        xmin = std::min(xmin, points[i].x_m);
        xmax = std::max(xmax, points[i].x_m);
        ymin = std::min(ymin, points[i].y_m);
        ymax = std::max(ymax, points[i].y_m);
    }
    if (s.total_w <= 0.0) return s;
    const double mx = sx / s.total_w, my = sy / s.total_w;
    s.sd_x = std::sqrt(std::max(0.0, sxx / s.total_w - mx * mx));
    s.sd_y = std::sqrt(std::max(0.0, syy / s.total_w - my * my));
    const auto qx = weighted_quartiles(points, weights, true, xmin, xmax, s.total_w);
    const auto qy = weighted_quartiles(points, weights, false, ymin, ymax, s.total_w);
    s.iqr_x = qx[1] - qx[0];
    s.iqr_y = qy[1] - qy[0];
    return s;
}

Result<double> validate(const std::vector<Projected>& points, const std::vector<double>& weights) {
    if (points.size() != weights.size())
        return fail(fmt::format("density: {} points but {} weights", points.size(),
                                weights.size()));
    double total = 0.0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double w = weights[i];
        if (!std::isfinite(w) || w < 0.0)
            return fail(fmt::format("density: weight of point {} is {}, expected a finite "
                                    "number >= 0",
                                    i, w));
        if (w > 0.0 && (!std::isfinite(points[i].x_m) || !std::isfinite(points[i].y_m)))
            return fail(fmt::format("density: point {} has coordinates ({}, {}) m, expected "
                                    "finite numbers",
                                    i, points[i].x_m, points[i].y_m));
        total += w;
    }
    if (!(total > 0.0)) return fail("density: no offer item with a positive weight");
    return total;
}

struct WeightedPoint {
    double x_m, y_m, w;
};

// The positive-weight points sorted by the grid row holding them (counting
// sort, stable): start[r] .. start[r+1] are the points of row r.
struct RowSortedPoints {
    std::vector<WeightedPoint> points;
    std::vector<std::size_t> start;
};

RowSortedPoints sort_by_row(const std::vector<Projected>& points,
                            const std::vector<double>& weights, const DensityGrid& g) {
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
        if (weights[i] > 0.0) s.points[next[row_of(points[i])]++] = {points[i].x_m, points[i].y_m, weights[i]};
    return s;
}

// Adds the (unnormalised) kernels of points [first, last) to rows
// [row_lo, row_hi) of the grid.
void splat_band(const WeightedPoint* first, const WeightedPoint* last, int row_lo, int row_hi,
                const KernelTerms& kt, double support_m, const std::vector<double>& cx,
                const std::vector<double>& cy, DensityGrid& g) {
    std::vector<double> along_x;  // dx² (quartic) or exp(−dx²/2σ²) (gaussian) per column
    std::vector<double> dx2;
    const double inv_cell = 1.0 / g.cell_m;
    for (const WeightedPoint* pt = first; pt != last; ++pt) {
        const double px = pt->x_m, py = pt->y_m, w = pt->w;
        // Cells whose centre may lie within the support, widened by one.
        const int c0 = std::max(0, static_cast<int>(std::floor((px - support_m - g.origin.x_m) * inv_cell - 0.5)));
        const int c1 = std::min(g.width - 1, static_cast<int>(std::ceil((px + support_m - g.origin.x_m) * inv_cell - 0.5)));
        const int r0 = std::max(row_lo, static_cast<int>(std::floor((py - support_m - g.origin.y_m) * inv_cell - 0.5)));
        const int r1 = std::min(row_hi - 1, static_cast<int>(std::ceil((py + support_m - g.origin.y_m) * inv_cell - 0.5)));
        if (c0 > c1 || r0 > r1) continue;
        const auto nc = static_cast<std::size_t>(c1 - c0 + 1);
        dx2.resize(nc);
        for (std::size_t k = 0; k < nc; ++k) {
            const double dx = cx[static_cast<std::size_t>(c0) + k] - px;
            dx2[k] = dx * dx;
        }
        if (kt.kernel == Kernel::gaussian) {
            along_x.resize(nc);
            for (std::size_t k = 0; k < nc; ++k) along_x[k] = std::exp(-dx2[k] * kt.inv_2s2);
        }
        for (int r = r0; r <= r1; ++r) {
            const double dy = cy[static_cast<std::size_t>(r)] - py;
            const double dy2 = dy * dy;
            if (dy2 >= kt.support2_m2) continue;
            double* row = g.values.data() +
                          static_cast<std::size_t>(r) * static_cast<std::size_t>(g.width) +
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

std::string_view kernel_id(Kernel k) { return k == Kernel::quartic ? "quartic" : "gaussian"; }

Result<Kernel> kernel_from_id(std::string_view id) {
    if (id == "quartic") return Kernel::quartic;
    if (id == "gaussian") return Kernel::gaussian;
    return fail(fmt::format("kernel \"{}\": expected \"quartic\" or \"gaussian\"", id));
}

double kernel_support_m(Kernel k, double bandwidth_m) {
    return k == Kernel::quartic ? bandwidth_m : kGaussianSupportSigmas * bandwidth_m;
}

double DensityGrid::total_mass() const {
    double sum = 0.0;
    for (double v : values) sum += v;
    return sum * cell_area_km2();
}

namespace {

// The rule of default_bandwidth_m, on validated input.
double bandwidth_rule(const std::vector<Projected>& points, const std::vector<double>& weights,
                      Kernel kernel) {
    const Spread s = measure_spread(points, weights);
    auto robust = [](double sd, double iqr) {
        const double r = iqr / 1.349;
        return r > 0.0 ? std::min(sd, r) : sd;
    };
    const double ax = robust(s.sd_x, s.iqr_x), ay = robust(s.sd_y, s.iqr_y);
    const double sigma = std::sqrt(ax * ay);
    const double n_eff = s.total_w * s.total_w / s.sum_w2;
    const double gaussian = sigma * std::pow(n_eff, -1.0 / 6.0);
    const double quartic =
        std::clamp(gaussian * kQuarticPerGaussian, kMinQuarticBandwidthM, kMaxQuarticBandwidthM);
    return kernel == Kernel::quartic ? quartic : quartic / kQuarticPerGaussian;
}

}  // namespace

Result<double> default_bandwidth_m(const std::vector<Projected>& points,
                                   const std::vector<double>& weights, Kernel kernel) {
    if (auto v = validate(points, weights); !v) return tl::unexpected(v.error());
    return bandwidth_rule(points, weights, kernel);
}

Result<DensityGrid> compute_density(const std::vector<Projected>& points,
                                    const std::vector<double>& weights,
                                    const DensityParams& params) {
    if (auto v = validate(points, weights); !v) return tl::unexpected(v.error());
    DensityGrid g;
    g.kernel = params.kernel;
    if (params.bandwidth_m) {
        if (!std::isfinite(*params.bandwidth_m) || *params.bandwidth_m <= 0.0)
            return fail(fmt::format("density: bandwidth_m {} must be a positive number",
                                    *params.bandwidth_m));
        g.bandwidth_m = *params.bandwidth_m;
    } else {
        g.bandwidth_m = bandwidth_rule(points, weights, params.kernel);
        g.bandwidth_from_data = true;
    }
    double cell = params.cell_m.value_or(g.bandwidth_m / (params.kernel == Kernel::quartic ? 4.0 : 2.0));
    if (!std::isfinite(cell) || cell <= 0.0)
        return fail(fmt::format("density: cell_m {} must be a positive number", cell));
    if (params.max_cells < 16 || params.max_cells > kMaxGridCells)
        return fail(fmt::format("density: max_cells {} must be in [16, {}]", params.max_cells,
                                kMaxGridCells));

    double xmin = INFINITY, xmax = -INFINITY, ymin = INFINITY, ymax = -INFINITY;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (weights[i] <= 0.0) continue;
        xmin = std::min(xmin, points[i].x_m);
        xmax = std::max(xmax, points[i].x_m);
        ymin = std::min(ymin, points[i].y_m);
        ymax = std::max(ymax, points[i].y_m);
    }
    const double support = kernel_support_m(params.kernel, g.bandwidth_m);
    // Grow the cell until the padded grid fits in max_cells.
    for (;;) {
        const double pad = support + cell;
        const double w = std::ceil((xmax - xmin + 2 * pad) / cell);
        const double h = std::ceil((ymax - ymin + 2 * pad) / cell);
        if (w * h <= static_cast<double>(params.max_cells)) {
            g.width = static_cast<int>(w);
            g.height = static_cast<int>(h);
            g.origin = {xmin - pad, ymin - pad};
            break;
        }
        cell *= std::max(1.001, std::sqrt(w * h / static_cast<double>(params.max_cells)));
    }
    g.cell_m = cell;
    g.values.assign(static_cast<std::size_t>(g.width) * static_cast<std::size_t>(g.height), 0.0);

    std::vector<double> cx(static_cast<std::size_t>(g.width)), cy(static_cast<std::size_t>(g.height));
    for (int c = 0; c < g.width; ++c) cx[static_cast<std::size_t>(c)] = g.cell_centre(c, 0).x_m;
    for (int r = 0; r < g.height; ++r) cy[static_cast<std::size_t>(r)] = g.cell_centre(0, r).y_m;

    const KernelTerms kt = KernelTerms::make(params.kernel, g.bandwidth_m);
    // Bands of rows, each written by one task: no locks. Each cell sums its
    // points in row-sorted order whatever the bands, so results do not depend
    // on the number of threads. A band takes the points of the rows within
    // reach of its own.
    const RowSortedPoints pts = sort_by_row(points, weights, g);
    const int reach = static_cast<int>(std::ceil(support / cell)) + 2;
    const int workers = tbb::this_task_arena::max_concurrency();
    const int band = std::max(1, (g.height + 4 * workers - 1) / (4 * workers));
    const int bands = (g.height + band - 1) / band;
    tbb::parallel_for(tbb::blocked_range<int>(0, bands, 1), [&](const tbb::blocked_range<int>& br) {
        for (int b = br.begin(); b < br.end(); ++b) {
            const int row_lo = b * band, row_hi = std::min(g.height, row_lo + band);
            const auto first = pts.start[static_cast<std::size_t>(std::max(0, row_lo - reach))];
            const auto last = pts.start[static_cast<std::size_t>(std::min(g.height, row_hi + reach))];
            splat_band(pts.points.data() + first, pts.points.data() + last, row_lo, row_hi, kt,
                       support, cx, cy, g);
        }
    });
    for (double& v : g.values) v *= kt.norm_km2;
    return g;
}

double density_at(const std::vector<Projected>& points, const std::vector<double>& weights,
                  Projected at, Kernel kernel, double bandwidth_m) {
    const KernelTerms kt = KernelTerms::make(kernel, bandwidth_m);
    double sum = 0.0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double w = weights[i];
        if (w <= 0.0) continue;
        const double dx = at.x_m - points[i].x_m, dy = at.y_m - points[i].y_m;
        const double d2 = dx * dx + dy * dy;
        if (kernel == Kernel::quartic)
            sum += w * quartic_term(d2, kt.inv_h2);
        else if (d2 <= kt.support2_m2)
            sum += w * std::exp(-d2 * kt.inv_2s2);
    }
    return sum * kt.norm_km2;
}

}  // namespace geo
