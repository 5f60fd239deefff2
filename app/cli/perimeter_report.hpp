#pragma once
// Text output of the perimeter commands: per-level summaries, the border
// table (unit, level, code, intersected km², % of perimeter, % of unit) for
// administrative territories and for reference territories, and the
// comparison of two perimeters. Writes to stdout.
// Threads: writes stdout line by line: call from one thread (the command's)
//   at a time, or the lines interleave. The reports are only read.
// Failures: none reported; fmt::print throws std::system_error when stdout
//   cannot be written. Precondition: a BorderReport as border_report() builds
//   it (BorderLevelSummary::largest indexes report.units).
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
void print_comparison(const geo::PerimeterComparison& c, const std::string& name_a, const std::string& name_b);

}  // namespace app::cli
