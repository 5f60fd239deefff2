#include "geo/analysis/hdr.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <functional>
#include <utility>

namespace geo {
namespace {

// Bins on a log scale from the IEEE-754 bits of positive doubles: the exponent
// and the top 6 mantissa bits, so 64 bins per octave, bin 0 holding the
// largest values. Monotone: a larger value never lands in a later bin.
constexpr int kMantissaBits = 6;
constexpr std::uint16_t kBins = 4096;  // 64 octaves below the maximum

std::uint64_t key_of(double v) {
    return std::bit_cast<std::uint64_t>(v) >> (52 - kMantissaBits);
}

// Index from a coordinate, clamped to [lo, hi] before the cast (no overflow).
int clamped_index(double v, int lo, int hi) {
    return static_cast<int>(std::clamp(v, static_cast<double>(lo), static_cast<double>(hi)));
}

}  // namespace

std::vector<double> hdr_thresholds(const DensityGrid& grid, const std::vector<double>& levels) {
    const std::vector<double>& values = grid.values;
    double max_value = 0.0, min_positive = INFINITY, total = 0.0;
    for (double v : values) {
        if (v <= 0.0) continue;
        max_value = std::max(max_value, v);
        min_positive = std::min(min_positive, v);
        total += v;
    }
    std::vector<double> out(levels.size(), min_positive);
    if (!(total > 0.0)) return out;

    const std::uint64_t top = key_of(max_value);
    // The bin of a positive value (recomputed where needed: cheaper than
    // keeping one per cell).
    auto bin_of = [top](double v) {
        return static_cast<std::uint16_t>(std::min<std::uint64_t>(top - key_of(v), kBins - 1));
    };
    std::vector<double> bin_mass(kBins, 0.0);
    for (double v : values)
        if (v > 0.0) bin_mass[bin_of(v)] += v;
    std::vector<double> in_bin;
    for (std::size_t l = 0; l < levels.size(); ++l) {
        const double target = levels[l] * total;
        double cum = 0.0;
        std::uint16_t b = 0;
        while (b < kBins && cum + bin_mass[b] < target) cum += bin_mass[b++];
        if (b == kBins) continue;  // rounding at level 1: keep every positive cell
        in_bin.clear();
        for (double v : values)
            if (v > 0.0 && bin_of(v) == b) in_bin.push_back(v);
        std::sort(in_bin.begin(), in_bin.end(), std::greater<>());
        out[l] = in_bin.back();
        for (double v : in_bin) {
            cum += v;
            if (cum >= target) {
                out[l] = v;
                break;
            }
        }
    }
    return out;
}

double mass_inside(const DensityGrid& grid, const ProjectedMultiPolygon& mp) {
    if (grid.width <= 0 || grid.height <= 0) return 0.0;  // no cell: nothing inside (and no empty clamp range)
    // Scanline at each row's centre: crossings of every ring edge, even-odd.
    const double oy = grid.origin.y_m, ox = grid.origin.x_m, cell = grid.cell_m;
    std::vector<std::pair<int, double>> crossings;  // (row, x)
    for (const auto& poly : mp.polygons)
        for (const auto& ring : poly.rings) {
            const std::size_t n = ring.size();
            for (std::size_t k = 0; k < n; ++k) {
                const Projected a = ring[k], b = ring[(k + 1) % n];
                if (a.y_m == b.y_m) continue;
                const double lo = std::min(a.y_m, b.y_m), hi = std::max(a.y_m, b.y_m);
                // Rows whose centre has lo <= y < hi: candidates widened by one
                // (contour vertices sit exactly on row centres and the division
                // may round either way), then tested exactly.
                const int r0 = clamped_index(std::floor((lo - oy) / cell - 0.5), 0, grid.height);
                const int r1 = clamped_index(std::ceil((hi - oy) / cell - 0.5), 0, grid.height - 1);
                for (int r = r0; r <= r1; ++r) {
                    const double y = grid.cell_centre(0, r).y_m;
                    if (y < lo || y >= hi) continue;
                    const double x = a.x_m + (y - a.y_m) * (b.x_m - a.x_m) / (b.y_m - a.y_m);
                    crossings.emplace_back(r, x);
                }
            }
        }
    std::sort(crossings.begin(), crossings.end());
    double sum = 0.0;
    for (std::size_t k = 0; k + 1 < crossings.size(); k += 2) {
        const auto [row, x0] = crossings[k];
        const auto [row1, x1] = crossings[k + 1];
        if (row1 != row) {  // odd count on a row cannot happen for closed rings
            --k;
            continue;
        }
        // Columns whose centre has x0 <= x < x1 (widened, then exact).
        const int c0 = clamped_index(std::floor((x0 - ox) / cell - 0.5), 0, grid.width);
        const int c1 = clamped_index(std::ceil((x1 - ox) / cell - 0.5), 0, grid.width - 1);
        for (int c = c0; c <= c1; ++c) {
            const double x = grid.cell_centre(c, row).x_m;
            if (x >= x0 && x < x1) sum += grid.at(c, row);
        }
    }
    return sum * grid.cell_area_km2();
}

}  // namespace geo
