#pragma once
// Text output of the perimeter commands: per-level summaries, the border
// table (unit, level, code, intersected km², % of perimeter, % of unit) for
// administrative territories and for reference territories, and the
// comparison of two perimeters. Writes to stdout.
#include "geo/analysis/border_report.hpp"
#include "geo/analysis/perimeter_compare.hpp"
#include "geo/analysis/perimeter_stats.hpp"

namespace app::cli {

// True for commune, EPCI, département and région.
bool is_administrative(geo::TerritoryLevel level);

void print_level_summary(const geo::PerimeterLevelStats& level);
// The border table for the units of `report` whose level is administrative
// (administrative = true) or not (reference, destination, competitor).
void print_border_table(const geo::BorderReport& report, bool administrative);
void print_comparison(const geo::PerimeterComparison& c, const std::string& name_a,
                      const std::string& name_b);

}  // namespace app::cli
