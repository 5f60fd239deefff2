// The zoom bands of an OSM basemap: what each band keeps and how much it is
// simplified. Pure functions.
#include <cmath>

#include "geo/io/osm_basemap.hpp"

namespace geo {
namespace {

constexpr double kMetresPerDegLat = 110574.0;
constexpr double kMetresPerDegLonEquator = 111320.0;

struct BandRule {
    double min_zoom, max_zoom;
    double tolerance_m;       // Douglas-Peucker, about a pixel at max_zoom near 47° N
    double min_area_m2;       // smaller areas are left out of the band
    BasemapClass least_road;  // road classes up to this one are kept
};
// Zoom 11 is ~50 m/px at 47° N, zoom 14 ~6.5 m/px.
constexpr BandRule kBands[] = {
    {0.0, 11.0, 25.0, 100000.0, BasemapClass::primary},
    {11.0, 14.0, 4.0, 2000.0, BasemapClass::tertiary},
    {14.0, 99.0, 0.0, 0.0, BasemapClass::minor},
};

// Local metres around `origin` (equirectangular: fine for simplification
// tolerances and area thresholds).
struct Local {
    double x_m, y_m;
};
Local local(LonLat p, double cos_lat) {
    return {p.lon_deg * kMetresPerDegLonEquator * cos_lat, p.lat_deg * kMetresPerDegLat};
}

double segment_distance_m(Local p, Local a, Local b) {
    const double dx = b.x_m - a.x_m, dy = b.y_m - a.y_m;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x_m - a.x_m) * dx + (p.y_m - a.y_m) * dy) / len2 : 0.0;
    t = std::fmax(0.0, std::fmin(1.0, t));
    return std::hypot(p.x_m - (a.x_m + t * dx), p.y_m - (a.y_m + t * dy));
}

Ring simplify(const Ring& ring, double tolerance_m) {
    if (tolerance_m <= 0.0 || ring.size() < 3) return ring;
    const double cos_lat = std::cos(ring.front().lat_deg * M_PI / 180.0);
    std::vector<Local> pts;
    pts.reserve(ring.size());
    for (const LonLat& p : ring) pts.push_back(local(p, cos_lat));
    std::vector<bool> keep(ring.size(), false);
    keep.front() = keep.back() = true;
    std::vector<std::pair<std::size_t, std::size_t>> stack{{0, ring.size() - 1}};
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        double worst = 0.0;
        std::size_t at = a;
        for (std::size_t i = a + 1; i < b; ++i)
            if (const double d = segment_distance_m(pts[i], pts[a], pts[b]); d > worst) {
                worst = d;
                at = i;
            }
        if (worst > tolerance_m) {
            keep[at] = true;
            stack.push_back({a, at});
            stack.push_back({at, b});
        }
    }
    Ring out;
    for (std::size_t i = 0; i < ring.size(); ++i)
        if (keep[i]) out.push_back(ring[i]);
    return out;
}

double ring_area_m2(const Ring& ring) {
    if (ring.size() < 3) return 0.0;
    const double cos_lat = std::cos(ring.front().lat_deg * M_PI / 180.0);
    double twice = 0.0;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const Local a = local(ring[j], cos_lat), b = local(ring[i], cos_lat);
        twice += a.x_m * b.y_m - b.x_m * a.y_m;
    }
    return std::fabs(twice) / 2.0;
}

bool road_kept(BasemapClass cls, BasemapClass least_road) {
    const bool road = static_cast<int>(cls) <= static_cast<int>(BasemapClass::minor);
    return !road || static_cast<int>(cls) <= static_cast<int>(least_road);
}

}  // namespace

OsmBasemap band_osm_basemap(const OsmBasemap& full) {
    OsmBasemap out;
    out.places = full.places;
    out.bounds = full.bounds;
    out.source = full.source;
    const BasemapBand* all = full.bands.empty() ? nullptr : &full.bands.back();
    for (const BandRule& rule : kBands) {
        BasemapBand band{rule.min_zoom, rule.max_zoom, {}, {}};
        if (all) {
            for (const BasemapLine& line : all->lines) {
                if (!road_kept(line.cls, rule.least_road)) continue;
                Ring points = simplify(line.points, rule.tolerance_m);
                if (points.size() >= 2) band.lines.push_back({line.cls, std::move(points)});
            }
            for (const BasemapArea& area : all->areas) {
                BasemapArea kept{area.cls, {}};
                for (const Polygon& polygon : area.polygons.polygons) {
                    if (polygon.rings.empty() || ring_area_m2(polygon.rings[0]) < rule.min_area_m2) continue;
                    Polygon simple;
                    for (const Ring& ring : polygon.rings) {
                        Ring r = simplify(ring, rule.tolerance_m);
                        if (r.size() >= 4 && ring_area_m2(r) >= rule.min_area_m2 / 4)
                            simple.rings.push_back(std::move(r));
                        else if (simple.rings.empty())
                            break;  // the outer ring collapsed: drop the polygon
                    }
                    if (!simple.rings.empty()) kept.polygons.polygons.push_back(std::move(simple));
                }
                if (!kept.polygons.empty()) band.areas.push_back(std::move(kept));
            }
        }
        out.bands.push_back(std::move(band));
    }
    return out;
}

}  // namespace geo
