#pragma once
// Polygons and lines turned into GPU-ready vertex arrays (CPU side, no GL).
//
// Fills are triangulated once per geometry change with GEOS's constrained
// Delaunay triangulation (holes respected; invalid input is repaired with
// GEOSMakeValid first). Outlines and polylines become segments carrying
// their style and their Mercator length along the line, for dashes
// (shaders/line.vert widens each into a quad on the GPU). Positions are float Web Mercator metres relative
// to the mesh origin. A MeshBuilder owns its GEOS context: one per thread.
// Failure: GEOS errors are reported per geometry; the rest of the mesh is
// still built.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/model/camera.hpp"
#include "app/gui/render/palette.hpp"
#include "geo/core/error.hpp"
#include "geo/core/geometry.hpp"
#include "geo/detail/handles.hpp"

namespace app::gui {

struct FillVertex {
    float x_m = 0.0f;
    float y_m = 0.0f;
    Rgba8 colour;
};
static_assert(sizeof(FillVertex) == 12);

struct LineStyle {
    float width_px = 1.0f;
    float dash_on_px = 0.0f;  // 0: solid
    float dash_off_px = 0.0f;
    friend bool operator==(const LineStyle&, const LineStyle&) = default;
};

// One corner of a line segment's quad: every corner carries both ends, the
// vertex shader (shaders/line.vert) places it. Four per segment.
struct LineVertex {
    float ax_m = 0.0f, ay_m = 0.0f;  // relative to the mesh origin
    float bx_m = 0.0f, by_m = 0.0f;
    float dist_m = 0.0f;  // Mercator length from the start of the line to a
    LineStyle style;
    Rgba8 colour;
    float corner = 0.0f;  // 0..3
};
static_assert(sizeof(LineVertex) == 40);

// The lines simplified for views up to `max_zoom` (Douglas-Peucker with a
// tolerance of one pixel at that zoom): a regional view draws a fraction of
// the segments of a street-level one, and software rasterisers pay per
// triangle.
struct LineLod {
    double max_zoom = 0.0;
    std::vector<LineVertex> lines;  // four per segment, in drawing order
    [[nodiscard]] std::size_t segment_count() const { return lines.size() / 4; }
};
// Zoom levels of the LODs; beyond the last one, full detail.
inline constexpr double kLineLodZooms[] = {4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0};
inline constexpr double kLineLodTolerancePx = 1.0;

struct PolygonMesh {
    Mercator origin;
    std::vector<FillVertex> fill;    // triangles
    std::vector<LineLod> line_lods;  // ascending max_zoom; the last one is full detail
    [[nodiscard]] bool empty() const { return fill.empty() && (line_lods.empty() || line_lods.back().lines.empty()); }
};

// Indices of the points Douglas-Peucker keeps at `tolerance` (same units),
// first and last always kept.
std::vector<std::size_t> simplify_indices(const std::vector<Mercator>& points, double tolerance);

class MeshBuilder {
public:
    explicit MeshBuilder(Mercator origin);

    // Triangulates and appends the polygon's area.
    geo::Result<void> add_fill(const geo::MultiPolygon& polygons, Rgba8 colour);
    // Appends every ring as a closed outline.
    void add_outline(const geo::MultiPolygon& polygons, Rgba8 colour, LineStyle style);
    // Appends the outlines of a set of polygons (e.g. the communes of a
    // département) with each border between neighbours drawn once: the
    // boundaries dissolved and merged by GEOS (half the segments, no doubled
    // alpha). Falls back to add_outline on a GEOS error.
    void add_shared_outlines(const std::vector<const geo::MultiPolygon*>& polygons, Rgba8 colour, LineStyle style);
    // Appends an open polyline.
    void add_line(const geo::Ring& line, Rgba8 colour, LineStyle style);

    [[nodiscard]] PolygonMesh take() { return std::move(m_mesh); }
    [[nodiscard]] const std::vector<std::string>& errors() const { return m_errors; }

private:
    void add_path(const geo::Ring& path, bool closed, Rgba8 colour, LineStyle style);

    geo::detail::GeosContext m_ctx;
    PolygonMesh m_mesh;
    std::vector<std::string> m_errors;
};

// A point inside the largest polygon, for its label (GEOS point on surface);
// nullopt for an empty or unusable geometry.
std::optional<geo::LonLat> label_point(const geo::MultiPolygon& polygons);

}  // namespace app::gui
