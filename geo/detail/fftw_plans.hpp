#pragma once
// FFTW plans reused across calls (internal to geo/analysis): making an
// FFTW_ESTIMATE plan costs about as much as executing it at the sizes of a
// perimeter grid, and the audience sliders recompute the same sizes again
// and again, so plans are kept per (transform, sizes, placement, alignment)
// and executed on the caller's arrays with FFTW's new-array functions
// (fftw_execute_dft_r2c / _c2r), which FFTW allows for arrays of the same
// sizes, placement (in place or not) and alignment as at planning. Arrays
// from fftw_reals() / fftw_complexes() (handles.hpp) all share one alignment.
// At most kMaxCachedFftwPlans plans are kept, the least recently used one
// dropped first; a plan in use stays alive until its user releases it.
// Threads: thread-safe (plans are made and destroyed under
//   fftw_planner_mutex(); executing a plan from several threads at once is
//   allowed by FFTW). Failures: a plan FFTW cannot make throws
//   std::runtime_error (FFTW_ESTIMATE does not fail on these transforms; it
//   would be out of memory).
#include <cstddef>
#include <memory>

#include "geo/detail/handles.hpp"

namespace geo::detail {

enum class FftKind { r2c_2d, c2r_2d, r2c_1d };

inline constexpr std::size_t kMaxCachedFftwPlans = 32;

using SharedFftwPlan = std::shared_ptr<fftw_plan_s>;

// A plan for `kind` over rows × cols reals (r2c_1d: cols reals, rows ignored)
// and their spectrum; `reals` and `spectrum` are the arrays it will first run
// on (equal addresses: in place). FFTW_ESTIMATE planning does not touch them.
SharedFftwPlan cached_fftw_plan(FftKind kind, int rows, int cols, double* reals, fftw_complex* spectrum);

// How many plans were made since the process started (for tests).
std::size_t fftw_plans_made();

}  // namespace geo::detail
