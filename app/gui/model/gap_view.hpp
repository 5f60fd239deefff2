#pragma once
// How the Gaps layer and its ranked list present a geo::GapResult (see
// geo/analysis/gaps.hpp): the colour of a cell from its gap score, the cell
// under a point, the ranked zone rows and the view box of a zone.
// Scores are in [0, 1] (a family's audience weight caps them); positions are
// WGS 84 lon/lat. Pure functions: no GL, no ImGui; thread-safe.
// Failures: none: no gap (score <= 0 or NaN) is transparent, no cell under the point is nullopt and a
//   zone index out of range gives an empty box.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/render/palette.hpp"
#include "geo/analysis/gaps.hpp"

namespace app::gui {

// The cell colour for a gap score: transparent for no gap (score ≤ 0), then a
// sequential yellow → orange → dark red ramp whose alpha and darkness grow
// with the score (1 and above: the darkest).
Rgba8 gap_colour(double score);

// The cell whose hexagon holds `point` (even-odd test on the WGS 84 rings);
// nullopt when none does or the cells carry no polygons.
std::optional<std::size_t> pick_gap_cell(const geo::GapResult& gaps, geo::LonLat point);

enum class GapSort { rank, score, area, distance };

struct GapZoneRow {
    std::size_t zone = 0;  // index in GapResult::zones (0 = rank 1)
    int rank = 0;          // 1-based, by score × area
    geo::Family family = geo::Family::services;
    std::string where;  // commune name ("+N" when it spans several), or ""
    double area_km2 = 0.0;
    double score = 0.0;
    double mean_distance_m = 0.0;  // +∞ when no item of the family within reach
};

// The zones as rows, sorted by `sort` (rank ascending; score, area and
// distance descending; ties by rank).
std::vector<GapZoneRow> gap_zone_rows(const geo::GapResult& gaps, GapSort sort = GapSort::rank);

// The box of a zone's geometry (empty when out of range).
geo::LonLatBox gap_zone_box(const geo::GapResult& gaps, std::size_t zone);

}  // namespace app::gui
