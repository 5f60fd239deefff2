#include "app/gui/model/radar.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace app::gui {

RadarChart radar_chart(const geo::BenchmarkResult& result) {
    RadarChart chart;
    for (const geo::Family f : geo::kAllFamilies)
        if (result.families[static_cast<std::size_t>(f)].audience_weight > 0.0) chart.axes.push_back(f);
    if (chart.axes.empty()) chart.axes.assign(geo::kAllFamilies.begin(), geo::kAllFamilies.end());
    for (const geo::Family f : chart.axes) {
        double top = 0.0;
        for (const auto& t : result.territories)
            top = std::max(top, t.families[static_cast<std::size_t>(f)].density_per_100km2);
        chart.axis_max.push_back(top);
    }
    for (const auto& t : result.territories) {
        RadarSeries s{t.territory.name, t.ours, {}};
        for (std::size_t a = 0; a < chart.axes.size(); ++a) {
            const double d = t.families[static_cast<std::size_t>(chart.axes[a])].density_per_100km2;
            s.values.push_back(chart.axis_max[a] > 0.0 ? std::clamp(d / chart.axis_max[a], 0.0, 1.0) : 0.0);
        }
        chart.series.push_back(std::move(s));
    }
    return chart;
}

RadarPoint radar_point(RadarPoint centre, float radius, std::size_t axis, std::size_t count, double value) {
    const double angle = -std::numbers::pi / 2.0 + 2.0 * std::numbers::pi * static_cast<double>(axis) /
                                                       static_cast<double>(std::max<std::size_t>(count, 1));
    const double r = radius * std::clamp(value, 0.0, 1.0);
    return {centre.x + static_cast<float>(r * std::cos(angle)), centre.y + static_cast<float>(r * std::sin(angle))};
}

std::vector<RadarPoint> radar_polygon(RadarPoint centre, float radius, const std::vector<double>& values) {
    std::vector<RadarPoint> out;
    out.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        out.push_back(radar_point(centre, radius, i, values.size(), values[i]));
    return out;
}

}  // namespace app::gui
