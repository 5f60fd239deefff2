#include "geo/core/place.hpp"

namespace geo {

int place_rank_from_population(std::int64_t population) {
    if (population >= 50'000) return 1;
    if (population >= 10'000) return 2;
    if (population >= 3'000) return 3;
    if (population >= 1'000) return 4;
    return 5;
}

}  // namespace geo
