#pragma once
// Reads a place-name file (towns and villages for the map's place layer)
// through GDAL: any vector file with point features, e.g. the demo's
// data/demo/places.geojson. Per feature: a name (field `name`, `nom`,
// `NAME`, `toponyme`…; required), an INSEE code (`insee`, `code_insee`,
// `INSEE_COM`, `code`; optional), a rank (`rank`, `scalerank`; a whole
// number 1…9, 1 = most important; optional) and a population (`population`,
// `pop`, `POPULATION`; a whole number ≥ 0; optional). Without a rank the
// place gets one from its population (geo::place_rank_from_population), and
// without either rank 3. Coordinates are reprojected to WGS 84 lon/lat.
// Failure: the file cannot be opened, holds no name field, or one record
// is unusable (no geometry, not a point, empty name, rank or population not
// a whole number in range, position outside lon/lat range); the message
// names the file and the record ("places.geojson:places:FID 3: rank "x":
// expected a whole number 1…9"). A file of no place at all fails too.
// Reads files: not pure. One call per thread at a time (GDAL dataset).
#include <string>
#include <vector>

#include "geo/core/error.hpp"
#include "geo/core/place.hpp"

namespace geo {

Result<std::vector<Place>> read_places_file(const std::string& path);

}  // namespace geo
