#pragma once
// Territories (named polygons: communes, EPCI, départements, regions, parks,
// destinations, competitors) from any GDAL polygon layer. Parses only: the
// caller hands the result to Catalogue::upsert_territories.
//
// Fields, unless named in the options, detected ignoring case:
//   name  nom, name, libelle, DRGP_L_LIB, NOM_COM, NOM_DEP, NOM_REG, NOM_EPCI …
//   code  code, INSEE_COM, insee, code_insee, INSEE_DEP, INSEE_REG,
//         CODE_EPCI, SIREN_EPCI, DRGP_C_COD …
// Geometries are reprojected to WGS 84 lon/lat; invalid polygons are made
// valid (OGRGeometry::MakeValid) with a warning naming the record.
// Layers: the named one, else every polygon layer.
// Source key "territories:<basename>", kind "territories".
//
// Failures (input unusable): missing, empty or unreadable file, no polygon
// layer, no features, unknown CRS, no name and no code field. Skipped records
// ("file:layer:FID n: reason"): null or empty geometry, geometry that is not
// a polygon, polygon that cannot be repaired, neither name nor code.
//
// Thread-safety: reentrant.
#include <string>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"
#include "geo/io/import_types.hpp"

namespace geo {

struct TerritoryImportOptions {
    std::string layer;       // empty: every polygon layer
    std::string name_field;  // empty: detected
    std::string code_field;  // empty: detected
    std::string source_key;  // empty: "territories:<basename>"
    std::string licence;
    std::string attribution;
};

Result<ParsedTerritories> parse_territories(const std::string& path, TerritoryLevel level,
                                            const TerritoryImportOptions& options, Progress progress = {});

}  // namespace geo
