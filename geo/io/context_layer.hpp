#pragma once
// Reads any GDAL vector file as the geometry of a map context layer
// (countries, rivers, roads…): the lines and polygons of every layer,
// reprojected to WGS 84 lon/lat (x = longitude). Points and attributes are
// not kept: context layers are drawn, not analysed.
// Features without geometry (e.g. one of Natural Earth's two "Loire"
// rivers) or whose coordinates cannot be transformed are counted as skipped.
// Failure: the file cannot be opened, a layer has an unknown CRS, or the
// file holds no line nor polygon (the message names the file).
// Reads files: not pure. One call per thread at a time (GDAL dataset).
#include <cstdint>
#include <string>
#include <vector>

#include "geo/core/error.hpp"
#include "geo/core/geometry.hpp"
#include "geo/core/offer.hpp"

namespace geo {

// What a context file shows, guessed from its file and layer names (Natural
// Earth, IGN BD TOPO / ADMIN EXPRESS, OSM-derived files…), so that it is
// drawn in a fitting style: water blue, roads warm, boundaries as outlines.
enum class ContextTheme : std::uint8_t { generic, water, roads, boundaries, green };
// From names such as "ne_50m_rivers_lake_centerlines", "COURS_D_EAU",
// "TRONCON_DE_ROUTE", "ne_50m_admin_0_countries", "COMMUNE", "parcs" (case-insensitive).
ContextTheme context_theme_for(const std::string& name);

struct ContextGeometry {
    std::vector<Ring> lines;    // open polylines, WGS 84
    MultiPolygon polygons;      // WGS 84
    std::int64_t features = 0;  // features read
    std::int64_t skipped = 0;   // without usable geometry
    ContextTheme theme = ContextTheme::generic;
};

Result<ContextGeometry> read_context_layer(const std::string& path, Progress progress = {});

}  // namespace geo
