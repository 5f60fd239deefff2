#pragma once
// Metric CRS choice and WGS 84 <-> metric projection (PROJ).
//
// What: choose_metric_crs() picks the CRS in which geo/ measures distances and
//   areas for a set of positions: Lambert-93 (EPSG:2154) when the data lie
//   inside metropolitan France's envelope, else the UTM zone of the box centre
//   (EPSG:326zz north, 327zz south; the Norway/Svalbard zone exceptions are
//   ignored). A Projector converts LonLat (WGS 84, degrees) to Projected (that
//   CRS, metres, x = easting) and back, with x = longitude order
//   (proj_normalize_for_visualization).
// Speed: proj_create_crs_to_crs searches PROJ's database (5-30 ms, longer than
//   a whole 100k-item perimeter), so for Lambert-93 and UTM the Projector is
//   built from the pipeline that PROJ itself selects for EPSG:4326 -> that CRS
//   (RGF93 v1 and WGS 84 are related by the null transformation, accuracy 1 m):
//   degrees to radians, then the map projection, the first step done here
//   rather than by a PROJ pipeline step (a third of PROJ's time per point).
//   metric_crs_test checks the result agrees with PROJ's database route to
//   1e-6 m. Any other CRS goes through proj_create_crs_to_crs.
// Ownership / threads: a Projector owns its PJ_CONTEXT and PJ (move-only) and
//   must be used by one thread at a time; clone() gives another thread its own.
//   project_all() projects in parallel with TBB, one clone per worker.
// Failures: unknown or non-metric CRS, coordinates PROJ cannot transform; the
//   message names the CRS and the offending index and value.
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geo/core/coords.hpp"
#include "geo/core/error.hpp"
#include "geo/detail/handles.hpp"

namespace geo {

// A metric CRS as PROJ names it ("EPSG:2154") and a readable name
// ("RGF93 v1 / Lambert-93", "WGS 84 / UTM zone 31N").
struct MetricCrs {
    std::string code;
    std::string name;
};

// Envelope of metropolitan France in which Lambert-93 is used: EPSG:2154's area
// of use (lon -9.86 .. 10.38, lat 41.15 .. 51.56), which includes Corsica.
inline constexpr LonLatBox kLambert93Envelope{-9.86, 41.15, 10.38, 51.56};

// Lambert-93 when `box` lies inside kLambert93Envelope, else the UTM zone of its
// centre. Fails on an empty box or one outside [-180, 180] x [-90, 90]. Boxes
// are not antimeridian-aware, and data spanning several UTM zones are measured
// with growing scale error away from the central meridian (about 0.03 % at
// 3° of longitude at 45° N, 0.7 % at 10°).
Result<MetricCrs> choose_metric_crs(const LonLatBox& box);

// UTM zone number (1..60) of a longitude in degrees.
int utm_zone(double lon_deg);

class Projector {
public:
    // WGS 84 -> `crs` (any CRS string PROJ accepts that describes a projected
    // CRS in metres: "EPSG:2154", "EPSG:32631", WKT, PROJJSON).
    static Result<Projector> create(std::string_view crs);

    Projector(Projector&&) noexcept = default;
    Projector& operator=(Projector&&) noexcept = default;
    Projector(const Projector&) = delete;
    Projector& operator=(const Projector&) = delete;
    ~Projector() = default;

    // The CRS given to create().
    [[nodiscard]] const std::string& crs() const { return m_crs; }

    [[nodiscard]] Result<Projected> forward(LonLat p) const;
    [[nodiscard]] Result<LonLat> inverse(Projected p) const;
    // Batch versions (proj_trans_generic). Fail on the first coordinate PROJ
    // cannot transform, naming its index.
    [[nodiscard]] Result<std::vector<Projected>> forward(std::span<const LonLat> points) const;
    [[nodiscard]] Result<std::vector<LonLat>> inverse(std::span<const Projected> points) const;

    // A projector for another thread (own context). Not safe to call while this
    // projector is in use on another thread.
    [[nodiscard]] Result<Projector> clone() const;

private:
    Projector() = default;
    enum class Direction { forward, inverse };
    // Transforms n interleaved (x, y) pairs in place; on failure names the
    // index, counted from first_index.
    [[nodiscard]] Result<void> transform(double* xy, std::size_t n, Direction dir, std::size_t first_index = 0) const;
    // forward() writing into out[0, points.size()), indices counted from first_index.
    [[nodiscard]] Result<void> forward_into(std::span<const LonLat> points, Projected* out,
                                            std::size_t first_index) const;
    friend Result<std::vector<Projected>> project_all(const Projector&, std::span<const LonLat>);

    std::string m_crs;
    bool m_radians = false;              // m_pj is a bare projection taking radians
    std::unique_ptr<std::string> m_log;  // PROJ messages (stable address)
    detail::ProjContext m_ctx;
    detail::ProjPtr m_pj;  // destroyed before m_ctx
};

// Projects every point with `projector`'s CRS, in parallel (TBB, one clone of
// the projector per block). Same result as projector.forward(points).
Result<std::vector<Projected>> project_all(const Projector& projector, std::span<const LonLat> points);

}  // namespace geo
