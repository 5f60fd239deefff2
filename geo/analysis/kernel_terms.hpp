#pragma once
// Kernel evaluation on a grid (internal to the density grid): the constant
// factors of one kernel at one bandwidth, and the unnormalised quartic term,
// shared by the direct sum (density.cpp) and the binned FFT convolution
// (density_fft.cpp), so that both evaluate a kernel with the same operations.
// Units: metres in, weight per km² out (see kernel.hpp for the kernels).
// Threads: inline pure arithmetic on plain values, safe on any thread (the
//   density grid evaluates it from TBB workers).
// Failures: none reported. Precondition, not checked: bandwidth_m finite and
//   > 0 (density.hpp validates it first); otherwise the terms are inf / NaN.
#include <cmath>
#include <numbers>

#include "geo/analysis/kernel.hpp"

namespace geo::detail {

inline constexpr double kPerM2ToPerKm2 = 1e6;

struct KernelTerms {
    Kernel kernel;
    double support2_m2;  // squared support radius, in stretched metres
    double inv_h2;       // quartic: 1/h²
    double inv_2s2;      // gaussian: 1/(2σ²)
    double norm_km2;     // constant factor, weight per km²
    // Diagonal bandwidth (kernel.hpp): d² = sx²·dx² + dy²/sx². The stretch has
    // determinant 1, so the normalisation is the isotropic one.
    double x_scale2 = 1.0;     // sx²
    double y_scale2 = 1.0;     // 1/sx²
    double support_x_m = 0.0;  // half-extent of the support along x, metres
    double support_y_m = 0.0;  // along y

    static KernelTerms make(Kernel k, double bandwidth_m, double x_stretch = 1.0) {
        KernelTerms t{k, 0.0, 0.0, 0.0, 0.0};
        const double h2 = bandwidth_m * bandwidth_m;
        const double support = kernel_support_m(k, bandwidth_m);
        t.support2_m2 = support * support;
        t.x_scale2 = x_stretch * x_stretch;
        t.y_scale2 = 1.0 / t.x_scale2;
        t.support_x_m = support / x_stretch;
        t.support_y_m = support * x_stretch;
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
// written (t + |t|) / 2, which is exact and branch-free, so that row loops
// vectorise (a compare-and-select does not under -ftrapping-math).
inline double quartic_term(double d2, double inv_h2) {
    const double t = 1.0 - d2 * inv_h2;
    const double c = 0.5 * (t + std::fabs(t));
    return c * c;
}

// The kernel's squared distance for an offset (dx, dy) in metres.
inline double stretched_d2(const KernelTerms& kt, double dx, double dy) {
    return dx * dx * kt.x_scale2 + dy * dy * kt.y_scale2;
}

// One kernel's value (weight per km² for a unit weight) at squared (stretched) distance d2.
inline double kernel_value_km2(const KernelTerms& kt, double d2) {
    if (kt.kernel == Kernel::quartic) return kt.norm_km2 * quartic_term(d2, kt.inv_h2);
    return d2 <= kt.support2_m2 ? kt.norm_km2 * std::exp(-d2 * kt.inv_2s2) : 0.0;
}

}  // namespace geo::detail
