#pragma once
// Density kernels shared by the density grid, the bandwidth selectors and the
// exact kernel mass. Units: metres of one metric CRS.
//   quartic (biweight): bandwidth_m is the radius h, K(d) = 3/(πh²)(1 − d²/h²)²
//     for d < h; mass within r: 1 − (1 − r²/h²)³.
//   gaussian: bandwidth_m is σ, truncated at 4σ and renormalised so that each
//     point still carries exactly its weight; mass within r:
//     (1 − exp(−r²/2σ²)) / (1 − e⁻⁸).
// Both kernels are compared through their canonical bandwidths: a quartic
// radius of kQuarticPerGaussian × σ smooths like a Gaussian σ (2-D).
// Diagonal bandwidths (σx, σy), as the plug-in selector returns them
// (bandwidth.hpp), are applied as the isotropic bandwidth of σ = √(σx·σy) in
// coordinates stretched by (sx, 1/sx), sx = √(σy/σx) (the "x stretch"): the
// kernel's distance is d² = (sx·dx)² + (dy/sx)². The stretch has determinant
// 1, so kernels keep their normalisation and areas their measure; sx = 1 is
// the isotropic kernel. sx > 1 narrows the kernel along x.
// Pure, thread-safe. Failures: none (arithmetic on the values given; a
// bandwidth of 0 or below is the caller's error and gives inf or NaN).
#include <string_view>

#include "geo/core/error.hpp"

namespace geo {

enum class Kernel { quartic, gaussian };

std::string_view kernel_id(Kernel k);  // "quartic", "gaussian"
Result<Kernel> kernel_from_id(std::string_view id);

// (R(K)/μ₂(K)²)^(1/6) ratio of the 2-D quartic and Gaussian kernels:
// (576/(5π) / (1/(4π)))^(1/6) = 460.8^(1/6) ≈ 2.7793.
inline constexpr double kQuarticPerGaussian = 2.779327039;
inline constexpr double kGaussianSupportSigmas = 4.0;

// Radius beyond which the kernel is zero: h (quartic) or 4σ (gaussian).
double kernel_support_m(Kernel k, double bandwidth_m);
// The Gaussian σ that smooths like `bandwidth_m` of kernel k, and back.
double equivalent_sigma_m(Kernel k, double bandwidth_m);
double bandwidth_from_sigma_m(Kernel k, double sigma_m);

}  // namespace geo
