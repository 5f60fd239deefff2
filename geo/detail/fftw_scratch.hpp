#pragma once
// FFTW-aligned scratch arrays kept per thread (internal to geo/analysis). The
// audience sliders recompute transforms of the same sizes again and again;
// fresh arrays of a few MB each cost page faults and zeroing by the kernel,
// about a fifth of the 100k-item slider path (perf, perimeter_bench). A
// lease hands out one of the calling thread's kept arrays of at least n
// doubles (grown when too small), or a new array when all kept ones are
// leased (a nested call on the same thread, e.g. through TBB work stealing);
// the lease gives it back when destroyed. Contents are unspecified: callers
// fill what they read. Arrays over kMaxKeptScratchDoubles are never kept.
// Memory: at most kMaxKeptScratchArrays arrays per thread that leased, each
//   as large as the largest request it served (≈ 15 MB at 1M items).
// Threads: a lease is used by one thread at a time but may be read by tasks
//   the leasing thread waits for; kept arrays are per thread, no locks.
// Failures: out of memory throws std::bad_alloc.
#include <cstddef>

#include "geo/detail/handles.hpp"

namespace geo::detail {

inline constexpr std::size_t kMaxKeptScratchArrays = 4;
inline constexpr std::size_t kMaxKeptScratchDoubles = std::size_t{8} << 20;  // 64 MB

class ScratchReals {
public:
    explicit ScratchReals(std::size_t n);
    ~ScratchReals();
    ScratchReals(const ScratchReals&) = delete;
    ScratchReals& operator=(const ScratchReals&) = delete;

    [[nodiscard]] double* get() const { return m_data; }
    [[nodiscard]] double& operator[](std::size_t i) const { return m_data[i]; }
    // The same memory as n / 2 complex numbers (FFTW's fftw_complex is double[2]).
    [[nodiscard]] fftw_complex* complexes() const { return reinterpret_cast<fftw_complex*>(m_data); }

private:
    double* m_data = nullptr;
    int m_slot = -1;    // index in the thread's kept arrays, or -1 when owned here
    FftwReals m_owned;  // an array not kept (pool busy or too large)
};

// How many arrays were allocated by leases since the process started (for tests).
std::size_t scratch_allocations();

}  // namespace geo::detail
