#pragma once
// Builds the CPU meshes of each polygon layer (territories, perimeters,
// context files) with their map style, plus territory label anchors.
// Pure functions of their inputs, meant to run on a worker thread (each
// call makes its own GEOS context). No GL.
#include <string>
#include <vector>

#include "app/gui/model/map_model.hpp"
#include "app/gui/render/polygon_mesh.hpp"
#include "geo/core/offer.hpp"

namespace app::gui {

struct TerritoryLabel {
    geo::LonLat at;
    std::string name;
    geo::TerritoryLevel level = geo::TerritoryLevel::commune;
    std::string code;  // INSEE or territory code
};

struct TerritoryMesh {
    PolygonMesh mesh;              // every level but the commune outlines
    PolygonMesh commune_outlines;  // drawn only from kCommuneOutlineZoom on
    std::vector<TerritoryLabel> labels;
    std::vector<std::string> errors;  // "territory <name>: <problem>"
};

// Commune borders France-wide would be a grey patch: they appear from this
// Web Mercator zoom on (a département fills about a quarter of the view).
inline constexpr double kCommuneOutlineZoom = 8.0;

TerritoryMesh build_territory_mesh(const std::vector<geo::Territory>& territories);
// A mesh and the polygons it could not fill ("perimeter level 0.8: …"),
// which the map shows in the status line.
struct MeshResult {
    PolygonMesh mesh;
    std::vector<std::string> errors;
};
MeshResult build_perimeter_mesh(const std::vector<PerimeterOverlay>& levels);
MeshResult build_context_mesh(const ContextGeometry& geometry);
// The Gaps layer: every gap cell filled with gap_colour(score) (hexagons are
// convex: fanned directly, no triangulation), the zones outlined.
PolygonMesh build_gaps_mesh(const geo::GapResult& gaps);

// The order territory labels are placed in: when labels collide, the larger
// unit (the département) wins over the smaller (the commune).
inline constexpr geo::TerritoryLevel kLabelOrder[] = {geo::TerritoryLevel::destination, geo::TerritoryLevel::competitor,
                                                      geo::TerritoryLevel::reference,   geo::TerritoryLevel::region,
                                                      geo::TerritoryLevel::departement, geo::TerritoryLevel::epci,
                                                      geo::TerritoryLevel::commune};

// Whether a territory label of `level` reads well at `zoom` (communes only
// when zoomed in, regions only when zoomed out).
bool label_shown_at(geo::TerritoryLevel level, double zoom);
// The least important place rank (geo::Place::rank) labelled at `zoom`:
// cities France-wide, towns over a département, villages closer in.
int place_rank_shown_at(double zoom);

}  // namespace app::gui
