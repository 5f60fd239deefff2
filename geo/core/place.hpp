#pragma once
// A named place of the map's place-name layer: a town or village, where its
// name is written, how important it is. Read from a place file
// (geo/io/places_file.hpp); drawn with label placement
// (geo/analysis/label_placement.hpp); found by search
// (geo/analysis/place_search.hpp). A plain value type.
// Threads: a value, safe to share for reading. Failures: none.
#include <cstdint>
#include <string>

#include "geo/core/coords.hpp"

namespace geo {

struct Place {
    std::string name;             // as written on the map (UTF-8)
    std::string insee;            // INSEE code of its commune, "" when unknown
    int rank = 3;                 // 1 = most important (labelled first); kPlaceRankMax the least
    std::int64_t population = 0;  // inhabitants, 0 when unknown: orders places of one rank
    LonLat position;              // WGS 84
};

inline constexpr int kPlaceRankMax = 9;

// The rank a place gets from its population when its file has none:
// 1 from 50,000 inhabitants, 2 from 10,000, 3 from 3,000, 4 from 1,000, else 5.
int place_rank_from_population(std::int64_t population);

}  // namespace geo
