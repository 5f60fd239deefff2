#pragma once
// Coordinate spaces. One type per space, no implicit conversions.
//
//   LonLat (WGS 84, EPSG:4326, degrees)      Projected (metric CRS, metres)
//        lat_deg ^  +90                         y_m ^  north
//                |                                  |
//   -180 --------+-------> lon_deg +180             +-------> x_m east
//                |                              origin: that of the CRS
//               -90                             (e.g. Lambert-93 EPSG:2154)
//
// x is always the longitude / easting (traditional GIS order).
// Threads: plain values and pure inline functions, safe on any thread.
// Failures: none: nothing is validated on construction; is_valid_lonlat()
//   is the check. NaN coordinates are skipped by extend() (fmin / fmax) and
//   never contained.
#include <cmath>
#include <limits>

namespace geo {

struct LonLat {
    double lon_deg = 0.0;
    double lat_deg = 0.0;
    friend bool operator==(const LonLat&, const LonLat&) = default;
};

struct Projected {
    double x_m = 0.0;
    double y_m = 0.0;
    friend bool operator==(const Projected&, const Projected&) = default;
};

// Axis-aligned box in lon/lat degrees. Empty when west > east.
struct LonLatBox {
    double west_deg = std::numeric_limits<double>::infinity();
    double south_deg = std::numeric_limits<double>::infinity();
    double east_deg = -std::numeric_limits<double>::infinity();
    double north_deg = -std::numeric_limits<double>::infinity();

    [[nodiscard]] bool empty() const { return west_deg > east_deg || south_deg > north_deg; }
    void extend(LonLat p) {
        west_deg = std::fmin(west_deg, p.lon_deg);
        east_deg = std::fmax(east_deg, p.lon_deg);
        south_deg = std::fmin(south_deg, p.lat_deg);
        north_deg = std::fmax(north_deg, p.lat_deg);
    }
    void extend(const LonLatBox& b) {
        if (b.empty()) return;
        extend(LonLat{b.west_deg, b.south_deg});
        extend(LonLat{b.east_deg, b.north_deg});
    }
    [[nodiscard]] bool contains(LonLat p) const {
        return p.lon_deg >= west_deg && p.lon_deg <= east_deg && p.lat_deg >= south_deg && p.lat_deg <= north_deg;
    }
    // Whether the two boxes share at least one point (edges included); an
    // empty box meets nothing.
    [[nodiscard]] bool intersects(const LonLatBox& o) const {
        return !empty() && !o.empty() && west_deg <= o.east_deg && o.west_deg <= east_deg && south_deg <= o.north_deg &&
               o.south_deg <= north_deg;
    }
    [[nodiscard]] LonLat center() const { return {(west_deg + east_deg) / 2.0, (south_deg + north_deg) / 2.0}; }
};

// True for finite coordinates inside [-180, 180] x [-90, 90].
inline bool is_valid_lonlat(LonLat p) {
    return std::isfinite(p.lon_deg) && std::isfinite(p.lat_deg) && p.lon_deg >= -180.0 && p.lon_deg <= 180.0 &&
           p.lat_deg >= -90.0 && p.lat_deg <= 90.0;
}

}  // namespace geo
