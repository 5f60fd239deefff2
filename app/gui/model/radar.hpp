#pragma once
// The geometry of the benchmark's radar chart: one axis per family, one
// polygon per territory (ours first, then each competitor). A value on an
// axis is the territory's density per 100 km² for that family divided by the
// largest such density among the territories compared, so the leader of each
// family touches the rim (1) and a family nobody offers stays at the centre.
// Pure functions: no ImGui, no GL (points are plain screen coordinates, y
// down); thread-safe.
// Failures: none; a family no territory offers stays at 0 on every series, values are clamped to [0, 1]
//   and radar_point() takes a count of 0 as 1.
#include <string>
#include <vector>

#include "geo/analysis/benchmark.hpp"

namespace app::gui {

struct RadarSeries {
    std::string name;
    bool ours = false;
    std::vector<double> values;  // one per axis, in [0, 1]
};

struct RadarChart {
    std::vector<geo::Family> axes;    // the families the audience weighs (all when it weighs none)
    std::vector<double> axis_max;     // per axis, the density (per 100 km²) at the rim
    std::vector<RadarSeries> series;  // ours first
};

RadarChart radar_chart(const geo::BenchmarkResult& result);

struct RadarPoint {
    float x = 0.0f, y = 0.0f;
};

// The corner of axis `axis` of `count` at `value` (0 centre, 1 rim): axis 0
// points up, the others follow clockwise.
RadarPoint radar_point(RadarPoint centre, float radius, std::size_t axis, std::size_t count, double value);
// The polygon of a series (one corner per axis).
std::vector<RadarPoint> radar_polygon(RadarPoint centre, float radius, const std::vector<double>& values);

}  // namespace app::gui
