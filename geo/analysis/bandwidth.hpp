#pragma once
// Kernel bandwidth selection for the destination perimeter, as a named,
// reported choice.
//
// Selectors (BandwidthSelector):
//   plugin   (default) two-stage direct plug-in (Wand & Jones 1994; Duong &
//            Hazelton 2003; R's ks::Hpi.diag is the reference). Data scaled to
//            unit variance per axis; the fourth-order density functionals
//            ψ₄₀, ψ₂₂, ψ₀₄ are estimated with a Gaussian kernel whose pilot
//            minimises the sum of their squared asymptotic biases (SAMSE),
//            itself from sixth-order functionals estimated the same way with
//            normal-reference eighth-order ones (two stages). The functionals
//            are double sums over items, computed on linear-binned data
//            (kPluginBins² bins) by FFT (FFTW): O(n + bins² log bins), so ~1M
//            items take milliseconds. The bandwidth applied is the isotropic
//            σ minimising the AMISE 1/(4π n σ²) + σ⁴/4 (ψ₄₀ + 2ψ₂₂ + ψ₀₄) in
//            metres; the diagonal optimum (σx, σy), which is what ks::Hpi.diag
//            returns, is reported next to it. It agrees with ks 1.14.0's own
//            steps within 2 % (bandwidth_test) once ks's stage-2 pilot reads
//            ψ₄₂ and ψ₂₄ (ks 1.14.0 indexes the ψ₆ vector so that it reads ψ₅₁
//            instead, which gives 15-20 % larger bandwidths).
//   diagonal the plug-in's diagonal optimum (σx, σy) applied as such: σ =
//            √(σx·σy) with the x stretch √(σy/σx) (kernel.hpp), the axes'
//            ratio kept within [1/kMaxAnisotropy, kMaxAnisotropy] (`note`
//            says when). A valley or a coast along one axis gets kernels
//            elongated along it. Not the default: its σ is 1-4 % larger
//            than the isotropic optimum's (its bias is smaller, so it
//            smooths more), and on the real Loire sample the six presets'
//            perimeters come out within 1.5 % of the isotropic ones (heritage
//            4,834 against 4,905 km²) while overlapping slightly more (mean
//            Jaccard 0.655 against 0.650, measured 2026-12-06).
//   scott    Scott's normal-reference rule on a robust spread: per axis
//            A = min(sd, IQR/1.349), σ = √(Ax·Ay)·n^(−1/6). Oversmooths
//            clustered offer (it merges clusters); kept for comparison.
//   adaptive Abramson's square-root law with the plug-in as pilot: item i gets
//            σᵢ = σ · λᵢ, λᵢ = (f̃(Xᵢ)/g)^(−1/2), g the weighted geometric mean
//            of the pilot density at the items, λ trimmed to
//            [1/kAdaptiveTrim, kAdaptiveTrim]: towns stay sharp, countryside
//            smooth (density.hpp applies the factors).
//   fixed    a bandwidth given in metres.
// Weights: n is the effective count (Σw)²/Σw² (Kish); functionals weigh pairs
//   by wᵢwⱼ. Zero weights are ignored.
// Guards: fewer than kMinPluginItems effective items, a zero spread on one
//   axis, or a non-positive functional make the plug-in fall back to Scott's
//   rule, and the selection says so (`note`). Every data-derived bandwidth is
//   clamped so that the quartic radius lies in [kMinQuarticBandwidthM,
//   kMaxQuarticBandwidthM] (`clamped`, `note`). Every selector but
//   `diagonal` gives an isotropic kernel (x stretch 1).
// Units: metres of the points' metric CRS. Threads: pure and thread-safe (FFTW
//   planning is serialised inside). Failures: sizes differ, a negative or
//   non-finite weight or coordinate, no positive weight.
#include <string>
#include <string_view>
#include <vector>

#include "geo/analysis/kernel.hpp"
#include "geo/core/coords.hpp"
#include "geo/core/error.hpp"

namespace geo {

enum class BandwidthSelector { plugin, scott, adaptive, fixed, diagonal };

std::string_view bandwidth_selector_id(BandwidthSelector s);  // "plugin", …

inline constexpr double kMinQuarticBandwidthM = 2'000.0;
inline constexpr double kMaxQuarticBandwidthM = 30'000.0;
inline constexpr double kMinPluginItems = 10.0;  // effective items
inline constexpr int kPluginBins = 256;          // per axis
inline constexpr double kAdaptiveTrim = 3.0;
inline constexpr double kMaxAnisotropy = 3.0;  // σx/σy of the applied plug-in bandwidth, at most

// What the user asked for: a selector, or a fixed bandwidth in the kernel's
// own unit (quartic radius or Gaussian σ).
struct BandwidthChoice {
    BandwidthSelector selector = BandwidthSelector::plugin;
    double fixed_m = 0.0;  // selector == fixed only
    [[nodiscard]] bool operator==(const BandwidthChoice&) const = default;
};

// "plugin", "diagonal", "scott", "adaptive" or a number of metres ("7300", "7300m").
Result<BandwidthChoice> bandwidth_choice_from_text(std::string_view text);
std::string bandwidth_choice_text(const BandwidthChoice& choice);

struct BandwidthSelection {
    BandwidthSelector selector = BandwidthSelector::plugin;  // asked for
    BandwidthSelector rule = BandwidthSelector::plugin;      // that gave the value (scott on fallback)
    double bandwidth_m = 0.0;        // in the kernel's unit (quartic radius or σ); the pilot when adaptive
    double sigma_m = 0.0;            // the equivalent Gaussian σ (geometric mean of the axes)
    double x_stretch = 1.0;          // kernel.hpp: σx = σ / x_stretch, σy = σ · x_stretch
    double diag_sigma_x_m = 0.0;     // plug-in diagonal optimum (ks::Hpi.diag), 0 otherwise
    double diag_sigma_y_m = 0.0;     //   (before the σ clamp and the ratio limit)
    double isotropic_sigma_m = 0.0;  // plug-in isotropic optimum, 0 otherwise
    double effective_items = 0.0;    // (Σw)²/Σw²
    bool clamped = false;
    std::string note;
    [[nodiscard]] double sigma_x_m() const { return sigma_m / x_stretch; }  // applied, along x
    [[nodiscard]] double sigma_y_m() const {
        return sigma_m * x_stretch;
    }  // applied, along y  // why the rule fell back or the value was clamped; empty otherwise
};

Result<BandwidthSelection> select_bandwidth(const std::vector<Projected>& points, const std::vector<double>& weights,
                                            Kernel kernel, const BandwidthChoice& choice);

// Abramson factors λᵢ from the pilot density at each item (any positive unit);
// items with weight 0 get 1. Preconditions: sizes match, densities >= 0.
std::vector<double> abramson_factors(const std::vector<double>& pilot_density, const std::vector<double>& weights);

}  // namespace geo
