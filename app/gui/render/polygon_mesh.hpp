#pragma once
// Polygons and lines turned into GPU-ready vertex arrays (CPU side, no GL).
//
// Fills are triangulated once per geometry change with GEOS's constrained
// Delaunay triangulation (holes respected; invalid input is repaired with
// GEOSMakeValid first). Outlines and polylines become GL_LINES segments
// carrying their Mercator length along the line, for dashes (line.geom
// widens them on the GPU). Positions are float Web Mercator metres relative
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

struct LineVertex {
    float x_m = 0.0f;
    float y_m = 0.0f;
    float dist_m = 0.0f;  // Mercator length from the start of the line
    Rgba8 colour;
};
static_assert(sizeof(LineVertex) == 16);

struct LineStyle {
    float width_px = 1.0f;
    float dash_on_px = 0.0f;  // 0: solid
    float dash_off_px = 0.0f;
    friend bool operator==(const LineStyle&, const LineStyle&) = default;
};

struct LineRange {
    std::uint32_t first = 0;  // vertex index
    std::uint32_t count = 0;  // vertices (two per segment)
    LineStyle style;
};

struct PolygonMesh {
    Mercator origin;
    std::vector<FillVertex> fill;  // triangles
    std::vector<LineVertex> lines;  // segments
    std::vector<LineRange> line_ranges;
    [[nodiscard]] bool empty() const { return fill.empty() && lines.empty(); }
};

class MeshBuilder {
public:
    explicit MeshBuilder(Mercator origin);

    // Triangulates and appends the polygon's area.
    geo::Result<void> add_fill(const geo::MultiPolygon& polygons, Rgba8 colour);
    // Appends every ring as a closed outline.
    void add_outline(const geo::MultiPolygon& polygons, Rgba8 colour, LineStyle style);
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
