#include "app/gui/model/gap_view.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

namespace app::gui {
namespace {

// YlOrRd-like stops, alpha rising with the score.
constexpr std::array<Rgba8, 4> kGapRamp = {{
    {254, 217, 118, 120},
    {253, 141, 60, 165},
    {227, 26, 28, 200},
    {128, 0, 38, 225},
}};

bool ring_contains(const geo::Ring& ring, geo::LonLat p) {
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const geo::LonLat& a = ring[i];
        const geo::LonLat& b = ring[j];
        if ((a.lat_deg > p.lat_deg) != (b.lat_deg > p.lat_deg) &&
            p.lon_deg < (b.lon_deg - a.lon_deg) * (p.lat_deg - a.lat_deg) / (b.lat_deg - a.lat_deg) + a.lon_deg)
            inside = !inside;
    }
    return inside;
}

}  // namespace

Rgba8 gap_colour(double score) {
    if (!(score > 0.0)) return {0, 0, 0, 0};
    return ramp_colour(kGapRamp, score);
}

std::optional<std::size_t> pick_gap_cell(const geo::GapResult& gaps, geo::LonLat point) {
    for (std::size_t i = 0; i < gaps.cells.size(); ++i) {
        const geo::Ring& ring = gaps.cells[i].hexagon;
        if (ring.size() < 4) continue;
        const auto [lo, hi] =
            std::minmax_element(ring.begin(), ring.end(), [](auto& a, auto& b) { return a.lon_deg < b.lon_deg; });
        if (point.lon_deg < lo->lon_deg || point.lon_deg > hi->lon_deg) continue;
        if (ring_contains(ring, point)) return i;
    }
    return std::nullopt;
}

std::vector<GapZoneRow> gap_zone_rows(const geo::GapResult& gaps, GapSort sort) {
    std::vector<GapZoneRow> rows;
    rows.reserve(gaps.zones.size());
    for (std::size_t z = 0; z < gaps.zones.size(); ++z) {
        const geo::GapZone& g = gaps.zones[z];
        std::string where = g.commune_name;
        if (!where.empty() && g.commune_count > 1) where += fmt::format(" (+{})", g.commune_count - 1);
        rows.push_back(
            {z, static_cast<int>(z) + 1, g.family, std::move(where), g.area_km2, g.score, g.mean_distance_m});
    }
    const auto key = [sort](const GapZoneRow& r) {
        switch (sort) {
            case GapSort::score:
                return r.score;
            case GapSort::area:
                return r.area_km2;
            case GapSort::distance:
                return r.mean_distance_m;
            case GapSort::rank:
                break;
        }
        return -static_cast<double>(r.rank);
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const GapZoneRow& a, const GapZoneRow& b) {
        const double ka = key(a), kb = key(b);
        if (ka != kb) return ka > kb;
        return a.rank < b.rank;
    });
    return rows;
}

geo::LonLatBox gap_zone_box(const geo::GapResult& gaps, std::size_t zone) {
    if (zone >= gaps.zones.size()) return {};
    return gaps.zones[zone].geometry.bounds();
}

}  // namespace app::gui
