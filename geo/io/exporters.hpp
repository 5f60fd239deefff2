#pragma once
// Exporters: offer items and territories to the files partners use, the
// format chosen from the output extension (case-insensitive):
//   .geojson .json  RFC 7946 GeoJSON (geo/io/geojson_writer.hpp), with the
//                   provenance under the "territoire" member
//   .gpkg           GeoPackage (GDAL GPKG), layer "items" / "territories",
//                   EPSG:4326, written in one transaction, provenance in the
//                   layer metadata item TERRITOIRE_PROVENANCE
//   .csv            RFC 4180, UTF-8, CRLF; items: lon, lat then the
//                   properties; territories: wkt (MULTIPOLYGON, WGS 84) then
//                   the properties (GDAL and QGIS read the wkt column); text
//                   cells formula-neutralised unless csv.cells is raw, in csv.dialect
//                   (geo/io/text_output.hpp, CsvCells)
//   .kml            KML 2.2 (geo/io/kml_writer.hpp): placemark name and a
//                   description, the properties as extended data, XML-escaped
// Properties: ExportSchema (geo/io/export_schema.hpp): lists as JSON arrays
// in GeoJSON, ";"-joined elsewhere.
// Coordinates: WGS 84 lon/lat degrees, at most 7 decimals in text formats.
//
// Files are written under a temporary name in the destination folder and
// renamed on success: a failed export leaves no partial file and an existing
// destination untouched. Returns the number of features written.
// Failure: unknown extension, missing folder, unwritable file, a record with
// a position outside WGS 84 (named in the message), a GDAL error (captured).
// Thread-safety: distinct calls on distinct threads are safe.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"
#include "geo/io/text_output.hpp"

namespace geo {

enum class ExportFormat : std::uint8_t { geojson, gpkg, csv, kml };

struct ExportOptions {
    nlohmann::json metadata;  // provenance object (audience, parameters, sources, date…); null: none
    std::string layer_name;   // empty: "items" / "territories"
    CsvOptions csv;           // CSV only: cells and dialect
};

// The format for a path's extension; fails naming the extension and the
// supported ones.
Result<ExportFormat> export_format_for(const std::string& path);

Result<std::int64_t> export_items(const std::vector<OfferItem>& items, const std::string& out_path,
                                  const ExportOptions& options = {});

Result<std::int64_t> export_territories(const std::vector<Territory>& territories, const std::string& out_path,
                                        const ExportOptions& options = {});

}  // namespace geo
