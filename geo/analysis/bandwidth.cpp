#include "geo/analysis/bandwidth.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "geo/detail/fftw_plans.hpp"
#include "geo/detail/fftw_scratch.hpp"
#include "geo/detail/handles.hpp"

namespace geo {
namespace {

using std::numbers::pi;

// --- Input and spread --------------------------------------------------------

struct Moments {
    double total_w = 0.0, sum_w2 = 0.0;
    double mean_x = 0.0, mean_y = 0.0, sd_x = 0.0, sd_y = 0.0;
    double xmin = INFINITY, xmax = -INFINITY, ymin = INFINITY, ymax = -INFINITY;
    [[nodiscard]] double n_eff() const { return total_w * total_w / sum_w2; }
};

Result<Moments> measure(const std::vector<Projected>& points, const std::vector<double>& weights) {
    if (points.size() != weights.size())
        return fail_fmt("bandwidth: {} points but {} weights", points.size(), weights.size());
    Moments m;
    // Moments about the first weighted point, to keep the squares small.
    Projected ref{};
    bool have_ref = false;
    double sx = 0, sy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double w = weights[i];
        if (!std::isfinite(w) || w < 0.0)
            return fail_fmt("density: weight of point {} is {}, expected a finite number >= 0", i, w);
        if (w == 0.0) continue;
        const Projected p = points[i];
        if (!std::isfinite(p.x_m) || !std::isfinite(p.y_m))
            return fail_fmt("density: point {} has coordinates ({}, {}) m, expected finite numbers", i, p.x_m, p.y_m);
        if (!have_ref) ref = p, have_ref = true;
        const double dx = p.x_m - ref.x_m, dy = p.y_m - ref.y_m;
        m.total_w += w;
        m.sum_w2 += w * w;
        sx += w * dx;
        sy += w * dy;
        sxx += w * dx * dx;
        syy += w * dy * dy;
        m.xmin = std::min(m.xmin, p.x_m);
        m.xmax = std::max(m.xmax, p.x_m);
        m.ymin = std::min(m.ymin, p.y_m);
        m.ymax = std::max(m.ymax, p.y_m);
    }
    if (!(m.total_w > 0.0) || !std::isfinite(m.total_w))
        return fail_fmt("density: no offer item with a positive weight");
    const double mx = sx / m.total_w, my = sy / m.total_w;
    m.mean_x = ref.x_m + mx;
    m.mean_y = ref.y_m + my;
    m.sd_x = std::sqrt(std::max(0.0, sxx / m.total_w - mx * mx));
    m.sd_y = std::sqrt(std::max(0.0, syy / m.total_w - my * my));
    return m;
}

// Weighted quartiles by a histogram of 4096 bins, linear inside a bin.
std::array<double, 2> weighted_quartiles(const std::vector<Projected>& points, const std::vector<double>& weights,
                                         bool along_x, double lo, double hi, double total_w) {
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
    std::size_t q = 0;
    for (int b = 0; b < kBins && q < 2; ++b) {
        const double h = hist[static_cast<std::size_t>(b)];
        while (q < 2 && cum + h >= targets[q]) {
            const double frac = h > 0.0 ? (targets[q] - cum) / h : 0.0;
            out[q] = lo + (b + frac) / scale;
            ++q;
        }
        cum += h;
    }
    if (q < 2) out[1] = hi;
    return out;
}

// Scott's rule on the robust spread (the Gaussian σ).
double scott_sigma_m(const std::vector<Projected>& points, const std::vector<double>& weights, const Moments& m) {
    const auto qx = weighted_quartiles(points, weights, true, m.xmin, m.xmax, m.total_w);
    const auto qy = weighted_quartiles(points, weights, false, m.ymin, m.ymax, m.total_w);
    auto robust = [](double sd, double iqr) {
        const double r = iqr / 1.349;
        return r > 0.0 ? std::min(sd, r) : sd;
    };
    const double sigma = std::sqrt(robust(m.sd_x, qx[1] - qx[0]) * robust(m.sd_y, qy[1] - qy[0]));
    return sigma * std::pow(m.n_eff(), -1.0 / 6.0);
}

// --- Plug-in ------------------------------------------------------------------

// Minimises f over [lo, hi] (unimodal after a coarse scan) by golden section.
template <class F>
double argmin(F f, double lo, double hi) {
    constexpr int kScan = 64;
    int best = 0;
    double best_v = INFINITY;
    for (int k = 0; k <= kScan; ++k) {
        const double v = f(lo + (hi - lo) * k / kScan);
        if (v < best_v) best_v = v, best = k;
    }
    double a = lo + (hi - lo) * std::max(0, best - 1) / kScan;
    double b = lo + (hi - lo) * std::min(kScan, best + 1) / kScan;
    const double r = (std::sqrt(5.0) - 1.0) / 2.0;
    for (int it = 0; it < 60; ++it) {
        const double c = b - r * (b - a), d = a + r * (b - a);
        if (f(c) < f(d))
            b = d;
        else
            a = c;
    }
    return 0.5 * (a + b);
}

// Derivative of order `a` (even) of the standard normal density.
double normal_derivative(int a, double z) {
    const double phi = std::exp(-0.5 * z * z) / std::sqrt(2.0 * pi);
    const double z2 = z * z;
    switch (a) {
        case 0:
            return phi;
        case 2:
            return (z2 - 1.0) * phi;
        case 4:
            return (z2 * z2 - 6.0 * z2 + 3.0) * phi;
        case 6:
            return ((z2 - 15.0) * z2 * z2 + 45.0 * z2 - 15.0) * phi;
        default:
            return 0.0;
    }
}

// ψ_a of a 1-D standard normal: (−1)^(a/2) a! / (2^(a+1) (a/2)! √π).
double normal_psi_1d(int a) {
    double fact = 1.0, half = 1.0;
    for (int k = 2; k <= a; ++k) fact *= k;
    for (int k = 2; k <= a / 2; ++k) half *= k;
    const double sign = (a / 2) % 2 == 0 ? 1.0 : -1.0;
    return sign * fact / (std::pow(2.0, a + 1) * half * std::sqrt(pi));
}

struct Order {
    int a, b;
    double multiplicity;  // how often the entry appears in the derivative vector
};
constexpr std::array<Order, 4> kSixth{{{6, 0, 1}, {4, 2, 1}, {2, 4, 1}, {0, 6, 1}}};
constexpr std::array<Order, 3> kFourth{{{4, 0, 1}, {2, 2, 1}, {0, 4, 1}}};

// Linear-binned, unit-variance data and its power spectrum: density
// functionals ψ_(a,b)(g) = ΣᵢΣⱼ pᵢpⱼ φ_g^(a,b)(Xᵢ − Xⱼ) as one sum over
// frequencies (Parseval), the separable kernel's spectrum from 1-D FFTs.
class BinnedFunctionals {
public:
    BinnedFunctionals(const std::vector<Projected>& points, const std::vector<double>& weights, const Moments& m)
        : m_pad(2 * kPluginBins),
          m_half(m_pad / 2 + 1),
          m_power(static_cast<std::size_t>(m_pad) * static_cast<std::size_t>(m_half)) {
        const int n = kPluginBins;
        m_step_u = (m.xmax - m.xmin) / m.sd_x / (n - 1);
        m_step_v = (m.ymax - m.ymin) / m.sd_y / (n - 1);
        const std::size_t pad = static_cast<std::size_t>(m_pad);
        // Kept scratch arrays (fftw_scratch.hpp): no fresh pages on every call.
        const detail::ScratchReals grid(pad * pad);
        const detail::ScratchReals spectrum_reals(2 * pad * static_cast<std::size_t>(m_half));
        fftw_complex* spectrum = spectrum_reals.complexes();
        m_line = detail::fftw_reals(pad);
        m_line_spectrum = detail::fftw_complexes(static_cast<std::size_t>(m_half));
        std::fill(grid.get(), grid.get() + pad * pad, 0.0);
        const double inv_w = 1.0 / m.total_w;
        const double to_bx = 1.0 / ((m.xmax - m.xmin) / (n - 1));
        const double to_by = 1.0 / ((m.ymax - m.ymin) / (n - 1));
        for (std::size_t i = 0; i < points.size(); ++i) {
            if (weights[i] <= 0.0) continue;
            const double fx = std::clamp((points[i].x_m - m.xmin) * to_bx, 0.0, n - 1.0);
            const double fy = std::clamp((points[i].y_m - m.ymin) * to_by, 0.0, n - 1.0);
            const int ix = std::min(n - 2, static_cast<int>(fx));
            const int iy = std::min(n - 2, static_cast<int>(fy));
            const double tx = fx - ix, ty = fy - iy, w = weights[i] * inv_w;
            double* row = grid.get() + static_cast<std::size_t>(iy) * pad + static_cast<std::size_t>(ix);
            row[0] += w * (1 - tx) * (1 - ty);
            row[1] += w * tx * (1 - ty);
            row[pad] += w * (1 - tx) * ty;
            row[pad + 1] += w * tx * ty;
        }
        const detail::SharedFftwPlan plan_2d =
            detail::cached_fftw_plan(detail::FftKind::r2c_2d, m_pad, m_pad, grid.get(), spectrum);
        m_plan_1d = detail::cached_fftw_plan(detail::FftKind::r2c_1d, 1, m_pad, m_line.get(), m_line_spectrum.get());
        fftw_execute_dft_r2c(plan_2d.get(), grid.get(), spectrum);
        for (std::size_t k = 0, n_power = pad * static_cast<std::size_t>(m_half); k < n_power; ++k)
            m_power[k] = spectrum[k][0] * spectrum[k][0] + spectrum[k][1] * spectrum[k][1];
    }

    // ψ_(a,b) with a Gaussian pilot g (unit-variance units).
    double psi(int a, int b, double g) {
        const std::vector<double> kx = kernel_spectrum(a, g, m_step_u, m_half);
        const std::vector<double> ky_half = kernel_spectrum(b, g, m_step_v, m_half);
        // Rows run over all m_pad frequencies; the kernel is even, so row
        // frequency f and m_pad − f share a value.
        double sum = 0.0;
        for (int fy = 0; fy < m_pad; ++fy) {
            const double ky = ky_half[static_cast<std::size_t>(fy < m_half ? fy : m_pad - fy)];
            const double* row = m_power.get() + static_cast<std::size_t>(fy) * static_cast<std::size_t>(m_half);
            double acc = 0.0;
            for (int fx = 0; fx < m_half; ++fx) {
                const double mult = (fx == 0 || fx == m_pad / 2) ? 1.0 : 2.0;
                acc += mult * row[fx] * kx[static_cast<std::size_t>(fx)];
            }
            sum += ky * acc;
        }
        return sum / (static_cast<double>(m_pad) * m_pad);
    }

private:
    // Real spectrum (frequencies 0 … pad/2) of the sampled 1-D kernel
    // φ_g^(a)(j·step), lags |j| < kPluginBins, laid out circularly.
    std::vector<double> kernel_spectrum(int a, double g, double step, int half) {
        const std::size_t pad = static_cast<std::size_t>(m_pad);
        std::fill(m_line.get(), m_line.get() + pad, 0.0);
        const double scale = 1.0 / std::pow(g, a + 1);
        for (int j = 0; j < kPluginBins; ++j) {
            const double v = scale * normal_derivative(a, j * step / g);
            m_line[static_cast<std::size_t>(j)] = v;
            if (j > 0) m_line[pad - static_cast<std::size_t>(j)] = v;
        }
        fftw_execute_dft_r2c(m_plan_1d.get(), m_line.get(), m_line_spectrum.get());
        std::vector<double> out(static_cast<std::size_t>(half));
        for (std::size_t k = 0; k < out.size(); ++k) out[k] = m_line_spectrum[k][0];
        return out;
    }

    int m_pad, m_half;
    double m_step_u = 0.0, m_step_v = 0.0;
    detail::ScratchReals m_power;  // |FFT of the binned weights|², m_pad × m_half
    detail::FftwReals m_line;
    detail::FftwComplexes m_line_spectrum;
    detail::SharedFftwPlan m_plan_1d;
};

// SAMSE pilot: minimises Σ multiplicity · (φ^(r)(0)/(n g^(|r|+2)) + g²/2 · b_r)².
template <std::size_t N>
double samse_pilot(const std::array<Order, N>& orders, const std::array<double, N>& bias_sums, double n) {
    auto samse = [&](double log_g) {
        const double g = std::exp(log_g);
        double s = 0.0;
        for (std::size_t k = 0; k < N; ++k) {
            const Order& r = orders[k];
            const double at0 = normal_derivative(r.a, 0.0) * normal_derivative(r.b, 0.0);
            const double bias = at0 / (n * std::pow(g, r.a + r.b + 2)) + 0.5 * g * g * bias_sums[k];
            s += r.multiplicity * bias * bias;
        }
        return s;
    };
    return std::exp(argmin(samse, std::log(1e-4), std::log(20.0)));
}

struct PluginOutcome {
    bool ok = false;
    double sigma_m = 0.0, diag_x_m = 0.0, diag_y_m = 0.0;
    std::string why;
};

PluginOutcome plugin_sigma(const std::vector<Projected>& points, const std::vector<double>& weights, const Moments& m) {
    PluginOutcome out;
    const double n = m.n_eff();
    if (n < kMinPluginItems) {
        out.why = fmt::format("plug-in needs at least {:.0f} effective items, found {:.1f}", kMinPluginItems, n);
        return out;
    }
    if (!(m.sd_x > 0.0) || !(m.sd_y > 0.0) || !(m.xmax > m.xmin) || !(m.ymax > m.ymin)) {
        out.why = "plug-in needs a spread along both axes (items on one line or at one place)";
        return out;
    }
    BinnedFunctionals binned(points, weights, m);
    // Stage 1: sixth-order functionals, pilot from normal-reference eighth-order ones.
    std::array<double, 4> b6{};
    for (std::size_t k = 0; k < kSixth.size(); ++k) {
        const Order& r = kSixth[k];
        b6[k] = normal_psi_1d(r.a + 2) * normal_psi_1d(r.b) + normal_psi_1d(r.a) * normal_psi_1d(r.b + 2);
    }
    const double g6 = samse_pilot(kSixth, b6, n);
    std::array<double, 4> psi6{};
    for (std::size_t k = 0; k < kSixth.size(); ++k) psi6[k] = binned.psi(kSixth[k].a, kSixth[k].b, g6);
    // Stage 2: fourth-order functionals (ψ₆₀+ψ₄₂, ψ₄₂+ψ₂₄, ψ₂₄+ψ₀₆).
    const std::array<double, 3> b4{psi6[0] + psi6[1], psi6[1] + psi6[2], psi6[2] + psi6[3]};
    const double g4 = samse_pilot(kFourth, b4, n);
    const double p40 = binned.psi(4, 0, g4), p22 = binned.psi(2, 2, g4), p04 = binned.psi(0, 4, g4);
    if (!(p40 > 0.0) || !(p04 > 0.0) || !(p22 > -std::sqrt(p40 * p04))) {
        out.why = "plug-in density functionals degenerate";
        return out;
    }
    // Diagonal optimum in unit-variance space: h₁ = h, h₂ = ρh.
    auto h_of = [&](double rho) {
        const double a = p40 + 2 * rho * rho * p22 + rho * rho * rho * rho * p04;
        return std::pow(1.0 / (2.0 * pi * n * rho * a), 1.0 / 6.0);
    };
    auto amise = [&](double log_rho) {
        const double rho = std::exp(log_rho), h = h_of(rho);
        const double a = p40 + 2 * rho * rho * p22 + rho * rho * rho * rho * p04;
        return 1.0 / (4.0 * pi * n * rho * h * h) + h * h * h * h * a / 4.0;
    };
    const double rho = std::exp(argmin(amise, std::log(0.05), std::log(20.0)));
    out.diag_x_m = h_of(rho) * m.sd_x;
    out.diag_y_m = h_of(rho) * rho * m.sd_y;
    // Isotropic optimum in metres: ψ_(a,b) scales by 1/(sx^(a+1) sy^(b+1)).
    const double sx = m.sd_x, sy = m.sd_y;
    const double s_metric =
        p40 / (std::pow(sx, 5) * sy) + 2.0 * p22 / (std::pow(sx, 3) * std::pow(sy, 3)) + p04 / (sx * std::pow(sy, 5));
    out.sigma_m = std::pow(1.0 / (2.0 * pi * n * s_metric), 1.0 / 6.0);
    out.ok = std::isfinite(out.sigma_m) && out.sigma_m > 0.0;
    if (!out.ok) out.why = "plug-in bandwidth not finite";
    return out;
}

}  // namespace

Result<BandwidthSelection> select_bandwidth(const std::vector<Projected>& points, const std::vector<double>& weights,
                                            Kernel kernel, const BandwidthChoice& choice) {
    auto m = measure(points, weights);
    if (!m) return tl::unexpected(m.error());
    BandwidthSelection s;
    s.selector = choice.selector;
    s.rule = choice.selector;
    s.effective_items = m->n_eff();
    if (choice.selector == BandwidthSelector::fixed) {
        if (!std::isfinite(choice.fixed_m) || choice.fixed_m <= 0.0)
            return fail_fmt("density: bandwidth_m {} must be a positive number", choice.fixed_m);
        s.bandwidth_m = choice.fixed_m;
        s.sigma_m = equivalent_sigma_m(kernel, choice.fixed_m);
        return s;
    }
    double sigma = 0.0;
    if (choice.selector != BandwidthSelector::scott) {
        const PluginOutcome p = plugin_sigma(points, weights, *m);
        if (p.ok) {
            s.rule = choice.selector == BandwidthSelector::diagonal ? BandwidthSelector::diagonal
                                                                    : BandwidthSelector::plugin;
            s.diag_sigma_x_m = p.diag_x_m;
            s.diag_sigma_y_m = p.diag_y_m;
            s.isotropic_sigma_m = p.sigma_m;
            sigma = p.sigma_m;
            const double ratio = p.diag_x_m / p.diag_y_m;
            if (choice.selector == BandwidthSelector::diagonal && std::isfinite(ratio) && ratio > 0.0) {
                // The diagonal optimum applied: its geometric mean, stretched.
                sigma = std::sqrt(p.diag_x_m * p.diag_y_m);
                const double kept = std::clamp(ratio, 1.0 / kMaxAnisotropy, kMaxAnisotropy);
                if (kept != ratio)
                    s.note = fmt::format("plug-in axes {:.0f} × {:.0f} m limited to a ratio of {:g}", p.diag_x_m,
                                         p.diag_y_m, kMaxAnisotropy);
                s.x_stretch = 1.0 / std::sqrt(kept);
            }
        } else {
            s.rule = BandwidthSelector::scott;
            s.note = p.why + "; Scott's rule used";
        }
    }
    if (sigma <= 0.0) {
        s.rule = BandwidthSelector::scott;
        sigma = scott_sigma_m(points, weights, *m);
    }
    const double lo = kMinQuarticBandwidthM / kQuarticPerGaussian;
    const double hi = kMaxQuarticBandwidthM / kQuarticPerGaussian;
    if (!(sigma >= lo) || sigma > hi) {
        const double clamped = std::isfinite(sigma) ? std::clamp(sigma, lo, hi) : lo;
        s.clamped = true;
        if (!s.note.empty()) s.note += "; ";
        s.note += fmt::format("σ {:.0f} m clamped to {:.0f} m (quartic radius within [{:.0f}, {:.0f}] m)", sigma,
                              clamped, kMinQuarticBandwidthM, kMaxQuarticBandwidthM);
        sigma = clamped;
    }
    s.sigma_m = sigma;
    s.bandwidth_m = bandwidth_from_sigma_m(kernel, sigma);
    return s;
}

std::vector<double> abramson_factors(const std::vector<double>& pilot_density, const std::vector<double>& weights) {
    std::vector<double> out(pilot_density.size(), 1.0);
    double sum_w = 0.0, sum_log = 0.0;
    // A floor keeps empty-looking places finite (trimming bounds them anyway).
    double max_density = 0.0;
    for (double d : pilot_density) max_density = std::max(max_density, d);
    const double floor = max_density * 1e-12 + 1e-300;
    for (std::size_t i = 0; i < pilot_density.size(); ++i)
        if (weights[i] > 0.0) {
            sum_w += weights[i];
            sum_log += weights[i] * std::log(std::max(pilot_density[i], floor));
        }
    if (!(sum_w > 0.0)) return out;
    const double log_g = sum_log / sum_w;
    for (std::size_t i = 0; i < pilot_density.size(); ++i)
        if (weights[i] > 0.0) {
            const double lambda = std::exp(-0.5 * (std::log(std::max(pilot_density[i], floor)) - log_g));
            out[i] = std::clamp(lambda, 1.0 / kAdaptiveTrim, kAdaptiveTrim);
        }
    return out;
}

}  // namespace geo
