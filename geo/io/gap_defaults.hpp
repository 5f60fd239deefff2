#pragma once
// Offer-gap defaults from data/gap_defaults.json: cell spacing (metres), the
// perimeter level, and per family the acceptable distance (metres) to the
// nearest item (see geo/analysis/gaps.hpp for the score). Reads a file; not pure.
// Failures: unreadable file, not JSON, a family missing or unknown, a value
// that is not a number > 0 (level in (0, 1]); the message names the file and key.
// Nothing is thrown.
// Threads: reads one file (and $TERRITOIRE_DATA_DIR through data_dir()) into a
// plain value: safe on any thread.
#include <array>
#include <string>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"

namespace geo {

struct GapDefaults {
    double cell_m = 0.0;
    double level = 0.0;
    std::array<double, kFamilyCount> acceptable_m{};  // by Family index
};

Result<GapDefaults> load_gap_defaults(const std::string& path);
// <data_dir()>/gap_defaults.json.
Result<GapDefaults> load_gap_defaults();

}  // namespace geo
