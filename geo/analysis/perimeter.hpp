#pragma once
// Destination perimeter: the highest-density region of the audience-weighted
// offer, as clean WGS 84 polygons with their statistics.
//
// Pipeline: positions (WGS 84) -> metric CRS (choose_metric_crs: Lambert-93 in
//   metropolitan France, else UTM) -> weighted kernel density on a grid
//   (density.hpp) -> per level, the density threshold whose region holds that
//   share of the grid's mass (hdr.hpp) -> marching-squares contour
//   (contour.hpp) -> holes under min_hole_km2 filled, components under
//   min_area_km2 dropped (areas measured in the metric CRS) ->
//   simplification (simplify_m; Douglas-Peucker ring by ring, GEOS's
//   topology-preserving simplifier where that would leave an invalid polygon;
//   halved up to three times while it would move the captured mass by more
//   than 0.2 % of the total; the tolerance applied is reported per level) ->
//   made valid if needed -> each level clipped to the next larger level so that levels are nested
//   exactly (0.5 ⊂ 0.8 ⊂ 0.95) -> inverse projection to WGS 84.
// Output geometry: WGS 84 lon/lat, rings explicitly closed, outer rings
//   counter-clockwise and holes clockwise (RFC 7946), valid (GEOSisValid).
//   A level whose region is entirely below min_area_km2 has an empty geometry.
// Statistics per level:
//   area_km2            geodesic area on the WGS 84 ellipsoid (geometry_measure.hpp)
//   components          number of polygons
//   captured_mass_share the kernel-density mass inside the final (cleaned,
//                       simplified, nested) polygons / Σ weights, within
//                       0.005 of the true one whatever the cell. At the
//                       default cell (σ/4, or finer) it is the integral of
//                       the grid's bilinear surface over the polygons, with
//                       the smoothing of the bilinear reading and of binning
//                       removed (grid_integral.hpp; measured within 1e-4,
//                       asserted within 1e-3, of the exact mass); with
//                       a coarser cell each item's kernel is integrated over
//                       the polygons (kernel_mass.hpp, Green's theorem along
//                       the boundary). The threshold is corrected (secant on
//                       that share, up to three times) until the share is
//                       within kLevelTolerance / 2 of the level, so the share
//                       reported is close to the level asked for and always
//                       the true one
//   density_threshold   iso-value of the contour, weight per km²
//   compactness         Polsby-Popper 4πA/P² of the level as a whole (A total
//                       area, P total boundary length including holes, both in
//                       the metric CRS): 1 for a disc; fragmentation lowers it
// Threads: density and projection run in parallel (TBB); the call itself is
//   pure (inputs const&, result by value) and may run on any thread.
// Failures: sizes differ, a weight negative or not finite, a positive-weight
//   position outside [-180, 180] x [-90, 90], no positive weight ("no offer
//   item with a positive weight"), a parameter out of range (level outside
//   [kMinLevel, 1], non-positive bandwidth or cell, negative areas), PROJ/GEOS errors.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "geo/analysis/density.hpp"
#include "geo/core/coords.hpp"
#include "geo/core/error.hpp"
#include "geo/core/geometry.hpp"
#include "geo/crs/metric_crs.hpp"

namespace geo {

// Default simplification tolerance, in cells. Douglas-Peucker (under GEOS's
// topology-preserving simplifier) replaces arcs by chords, which lie inside
// convex boundaries: on the cluster mixtures of perimeter_test a tolerance of
// half a cell shrank perimeters by ~8 % of their area and ~3 % of their mass;
// a tenth of a cell costs < 0.5 % of area and keeps ~60 % of the contour's
// vertices, and the 0.2 % mass guard above bounds what is left.
inline constexpr double kDefaultSimplifyCells = 0.1;

// Largest accepted gap between the exact captured share and the level before
// the threshold is corrected.
inline constexpr double kLevelTolerance = 0.005;

// The smallest level accepted: under 1 % of the mass the region shrinks to a
// point and every component falls under the minimum area (an empty perimeter).
inline constexpr double kMinLevel = 0.01;

struct PerimeterParams {
    std::vector<double> levels{0.8};    // shares of mass in [kMinLevel, 1]; sorted, deduplicated
    std::optional<double> bandwidth_m;  // fixed (kernel's unit); when absent `bandwidth_selector` decides
    BandwidthSelector bandwidth_selector = BandwidthSelector::plugin;  // bandwidth.hpp
    std::optional<double> cell_m;  // default: σ / kDefaultCellsPerSigma (density.hpp)
    Kernel kernel = Kernel::quartic;
    double min_area_km2 = 0.5;          // smaller components are dropped
    double min_hole_km2 = 0.5;          // smaller holes are filled
    std::optional<double> simplify_m;   // default: kDefaultSimplifyCells × cell used; 0 = none
    std::size_t max_cells = 4'000'000;  // grid cap; cell_m grows to fit
};

struct PerimeterLevel {
    double level = 0.0;
    MultiPolygon geometry;  // WGS 84
    double area_km2 = 0.0;
    int components = 0;
    double captured_mass_share = 0.0;
    double density_threshold = 0.0;  // weight per km²
    double compactness = 0.0;        // Polsby-Popper of the whole level
    double simplify_m = 0.0;         // tolerance applied (<= PerimeterResult::simplify_m)
};

struct PerimeterResult {
    std::string metric_crs;  // e.g. "EPSG:2154"
    Kernel kernel = Kernel::quartic;
    double bandwidth_m = 0.0;
    bool bandwidth_from_data = false;
    BandwidthSelection bandwidth;        // selector, rule applied, diagonal plug-in, notes
    double cell_m = 0.0;                 // the cell used (may exceed the one asked for)
    double simplify_m = 0.0;             // the tolerance asked for (or its default)
    double total_weight = 0.0;           // Σ weights
    std::size_t items_used = 0;          // items with a positive weight
    std::vector<PerimeterLevel> levels;  // ascending level
    DensityGrid grid;                    // in metric_crs, for display (origin, cell, width, height, values)
};

// Chooses the metric CRS from the positive-weight positions, projects them and
// computes the perimeter. Zero-weight items are ignored.
Result<PerimeterResult> compute_perimeter(const std::vector<LonLat>& positions, const std::vector<double>& weights,
                                          const PerimeterParams& params);

// Same from positions already projected with `projector` (whose CRS must be
// metric): lets a caller project a catalogue once and recompute perimeters as
// weights change (audience sliders). `projector` is used on the calling thread
// only, for the inverse projection of the polygons.
Result<PerimeterResult> compute_perimeter(const Projector& projector, const std::vector<Projected>& points,
                                          const std::vector<double>& weights, const PerimeterParams& params);

}  // namespace geo
