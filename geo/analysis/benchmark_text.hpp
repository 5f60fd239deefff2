#pragma once
// Strength, weakness and competitive-gap statements of a benchmark, in French
// and English (rules and wording: geo/analysis/benchmark.hpp). Pure functions.
// Threads: pure (inputs const&, result by value), safe on any thread.
// Failures: none: a family without a ratio reads "offre absente chez les
//   concurrents" / "no such offer at the competitors"; a negative
//   max_statements gives no statement. Nothing is thrown.
#include <array>
#include <vector>

#include "geo/analysis/benchmark.hpp"

namespace geo {

std::vector<BenchmarkStatement> strength_statements(const std::array<FamilyComparison, kFamilyCount>& families,
                                                    const BenchmarkParams& params);
std::vector<BenchmarkStatement> weakness_statements(const std::array<FamilyComparison, kFamilyCount>& families,
                                                    const BenchmarkParams& params);
std::vector<BenchmarkStatement> competitive_gap_statements(const std::array<FamilyComparison, kFamilyCount>& families);

}  // namespace geo
