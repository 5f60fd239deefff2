#pragma once
// Offer items from any GDAL vector source: GeoJSON, GeoPackage, Shapefile,
// KML, FlatGeobuf, CSV with lon/lat columns, … Parses only: the caller hands
// the result to Catalogue::upsert_items, or the runs of stream_gdal_items to
// an ItemImport.
//
// Fields are detected by name, ignoring case, unless named in the options:
//   name      name, nom, title, titre, label, libelle, nom_du_poi …
//   id        source + source_id (our own exports), else id, identifier,
//             identifiant, osm_id, uuid, ref …, else the feature id (FID)
//   family    family, famille, category, categorie, type (a family id, a
//             French or English family name, or a subtype id, read by
//             Taxonomy::classify_value), or a fixed `family` for all records
//   subtypes (subtype), labels, themes, opening_months (months, mois),
//             producer, commune_insee (insee, code_insee): lists are JSON
//             arrays or ";"-joined text, months are 1..12, names or ranges
//   lon / lat (CSV and other tables without geometry): lon, lng, long,
//             longitude, x / lat, latitude, y
// Every other non-null field lands in the item's extra_json. This reads back
// our own exports (id, source, source_id, name, family, subtypes, labels,
// themes, opening_months, producer, commune_insee) without loss.
//
// Positions: reprojected from the layer's CRS to WGS 84 lon/lat; a layer with
// no CRS is taken as WGS 84 only when its coordinates fit in lon/lat range.
// Lines and polygons give a point on their surface.
//
// Layers: the named one, else every point layer (or table with lon/lat
// columns), else every layer with a geometry. With several layers, source
// ids are prefixed by "<layer>/".
//
// Source key "file:<basename>", kind "gdal" (override in the options).
//
// Failures (the whole input is unusable): missing, empty or unreadable file,
// no features, unknown CRS, no name field, no family field and no fixed
// family. Skipped records ("file:layer:FID n: reason") land in the report:
// null, empty or invalid geometry, coordinates out of range or not numbers,
// no name, unknown or missing family.
//
// Thread-safety: reentrant (GDAL messages are captured per thread).
#include <string>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"
#include "geo/core/taxonomy.hpp"
#include "geo/io/import_types.hpp"

namespace geo {

struct GdalImportOptions {
    std::string layer;         // empty: see above
    std::string name_field;    // empty: detected
    std::string id_field;      // empty: detected, else FID
    std::string family_field;  // empty: detected
    std::string family;        // a fixed family (or subtype) for every record
    std::string lon_field;     // empty: detected when the layer has no geometry
    std::string lat_field;
    // Provenance overrides (empty: "file:<basename>", "gdal", no licence).
    std::string source_key;
    std::string source_kind;
    std::string licence;
    std::string attribution;
    // GeoJSON FeatureCollections of points read by geojson_points.hpp, not
    // GDAL's driver (same items; off to compare the two).
    bool fast_geojson = true;
};

Result<ParsedItems> parse_gdal_items(const std::string& path, const GdalImportOptions& options,
                                     const Taxonomy& taxonomy, Progress progress = {});

// The same read streamed (ItemStream, import_types.hpp): the file is read on
// a thread of its own, which also calls `progress`, while this thread hands
// the previous run of kept items (4,096) to `stream.batch`, so reading and
// writing overlap and memory holds a few runs, not the file's items. The
// result holds the report, no items.
Result<ParsedItems> stream_gdal_items(const std::string& path, const GdalImportOptions& options,
                                      const Taxonomy& taxonomy, const ItemStream& stream, Progress progress = {});

}  // namespace geo
