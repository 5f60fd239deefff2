#pragma once
// Price positioning of a benchmark (rules: geo/analysis/benchmark.hpp): fills
// the competitors' mean of median prices and the price ratios per family and
// per subtype from the territories' medians. Pure; safe on any thread.
// Failures: none (a family or subtype without prices gets nullopt). Nothing
//   is thrown.
#include "geo/analysis/benchmark.hpp"

namespace geo {

// Precondition: res.territories[0] is ours and at least one competitor follows.
void compare_prices(BenchmarkResult& res);

}  // namespace geo
