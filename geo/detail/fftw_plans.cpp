#include "geo/detail/fftw_plans.hpp"

#include <algorithm>
#include <list>
#include <mutex>
#include <stdexcept>

namespace geo::detail {
namespace {

struct PlanKey {
    FftKind kind;
    int rows, cols;
    bool in_place;
    int reals_alignment, spectrum_alignment;
    bool operator==(const PlanKey&) const = default;
};

struct Cache {
    std::mutex mutex;                                     // guards the list, held apart from the planner mutex
    std::list<std::pair<PlanKey, SharedFftwPlan>> plans;  // most recent first
    std::size_t made = 0;
};

Cache& cache() {
    // The planner's mutex is made first so that it outlives the cache, whose
    // plans lock it when they are destroyed at exit.
    static std::mutex& planner = fftw_planner_mutex();
    (void)planner;
    static Cache c;
    return c;
}

fftw_plan make_plan(const PlanKey& key, double* reals, fftw_complex* spectrum) {
    std::lock_guard lock(fftw_planner_mutex());
    switch (key.kind) {
        case FftKind::r2c_2d:
            return fftw_plan_dft_r2c_2d(key.rows, key.cols, reals, spectrum, FFTW_ESTIMATE);
        case FftKind::c2r_2d:
            return fftw_plan_dft_c2r_2d(key.rows, key.cols, spectrum, reals, FFTW_ESTIMATE);
        case FftKind::r2c_1d:
            return fftw_plan_dft_r2c_1d(key.cols, reals, spectrum, FFTW_ESTIMATE);
    }
    return nullptr;
}

}  // namespace

SharedFftwPlan cached_fftw_plan(FftKind kind, int rows, int cols, double* reals, fftw_complex* spectrum) {
    const PlanKey key{kind,
                      kind == FftKind::r2c_1d ? 1 : rows,
                      cols,
                      static_cast<void*>(reals) == static_cast<void*>(spectrum),
                      fftw_alignment_of(reals),
                      fftw_alignment_of(reinterpret_cast<double*>(spectrum))};
    Cache& c = cache();
    {
        std::lock_guard lock(c.mutex);
        auto it = std::find_if(c.plans.begin(), c.plans.end(), [&](const auto& entry) { return entry.first == key; });
        if (it != c.plans.end()) {
            c.plans.splice(c.plans.begin(), c.plans, it);
            return c.plans.front().second;
        }
    }
    SharedFftwPlan plan(make_plan(key, reals, spectrum), FftwPlanDeleter{});
    if (!plan) throw std::runtime_error("FFTW could not plan a transform of these sizes");
    std::lock_guard lock(c.mutex);
    ++c.made;
    // Another thread may have made the same plan meanwhile: either is fine.
    c.plans.emplace_front(key, plan);
    if (c.plans.size() > kMaxCachedFftwPlans) c.plans.pop_back();
    return plan;
}

std::size_t fftw_plans_made() {
    Cache& c = cache();
    std::lock_guard lock(c.mutex);
    return c.made;
}

}  // namespace geo::detail
