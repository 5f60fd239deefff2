#pragma once
// Strength, weakness and competitive-gap statements of a benchmark, in French
// and English (rules and wording: geo/analysis/benchmark.hpp). Pure functions.
#include <array>
#include <vector>

#include "geo/analysis/benchmark.hpp"

namespace geo {

std::vector<BenchmarkStatement> strength_statements(
    const std::array<FamilyComparison, kFamilyCount>& families, const BenchmarkParams& params);
std::vector<BenchmarkStatement> weakness_statements(
    const std::array<FamilyComparison, kFamilyCount>& families, const BenchmarkParams& params);
std::vector<BenchmarkStatement> competitive_gap_statements(
    const std::array<FamilyComparison, kFamilyCount>& families);

}  // namespace geo
