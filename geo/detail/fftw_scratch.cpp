#include "geo/detail/fftw_scratch.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <new>

namespace geo::detail {
namespace {

struct Kept {
    FftwReals data;
    std::size_t size = 0;
    bool leased = false;
};

std::atomic<std::size_t> g_allocations{0};

FftwReals allocate(std::size_t n) {
    FftwReals a = fftw_reals(n);
    if (!a) throw std::bad_alloc();
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    return a;
}

std::array<Kept, kMaxKeptScratchArrays>& kept_arrays() {
    thread_local std::array<Kept, kMaxKeptScratchArrays> kept;
    return kept;
}

}  // namespace

ScratchReals::ScratchReals(std::size_t n) {
    n = std::max<std::size_t>(n, 1);
    if (n <= kMaxKeptScratchDoubles) {
        auto& kept = kept_arrays();
        // A free array large enough, else the largest free one, grown.
        int pick = -1;
        for (std::size_t k = 0; k < kept.size(); ++k) {
            if (kept[k].leased) continue;
            const int i = static_cast<int>(k);
            if (pick < 0) {
                pick = i;
                continue;
            }
            const Kept& best = kept[static_cast<std::size_t>(pick)];
            const bool fits = kept[k].size >= n, best_fits = best.size >= n;
            if ((fits && (!best_fits || kept[k].size < best.size)) || (!fits && !best_fits && kept[k].size > best.size))
                pick = i;
        }
        if (pick >= 0) {
            Kept& k = kept[static_cast<std::size_t>(pick)];
            if (k.size < n) {
                k.data.reset();
                k.size = 0;
                k.data = allocate(n);
                k.size = n;
            }
            k.leased = true;
            m_slot = pick;
            m_data = k.data.get();
            return;
        }
    }
    m_owned = allocate(n);
    m_data = m_owned.get();
}

ScratchReals::~ScratchReals() {
    if (m_slot >= 0) kept_arrays()[static_cast<std::size_t>(m_slot)].leased = false;
}

std::size_t scratch_allocations() {
    return g_allocations.load(std::memory_order_relaxed);
}

}  // namespace geo::detail
