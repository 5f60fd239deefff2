#pragma once
// CSV (RFC 4180: comma-separated, fields quoted when needed, CRLF line ends,
// UTF-8 without BOM; or the excel-fr dialect, CsvDialect in
// geo/io/text_output.hpp) of offer items and territories, with the columns of
// ExportSchema. Items: "lon","lat" first (degrees, ≤ 7 decimals).
// Territories: "wkt" first, a WGS 84 MULTIPOLYGON (rings oriented as in
// GeoJSON, ≤ 7 decimals; "MULTIPOLYGON EMPTY" when there is none).
// Text cells are formula-neutralised unless `cells` is raw (CsvCells in
// geo/io/text_output.hpp: a leading apostrophe before = + - @ TAB CR ');
// lon, lat, id and wkt are numbers / geometry we write, never prefixed.
// Written atomically (BufferedOutput). Returns the number of rows.
// Failure: bad position (the record is named), unwritable file or missing
// folder (the path and the system reason). Every record is checked before
// anything is written; on failure the destination is left as it was. Nothing
// is thrown.
// Threads: each call owns its temporary file: distinct calls on distinct
// paths are safe on distinct threads; the records are only read.
#include <cstdint>
#include <string>
#include <vector>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"
#include "geo/io/text_output.hpp"

namespace geo {

Result<std::int64_t> write_csv_items(const std::string& path, const std::vector<OfferItem>& items,
                                     const CsvOptions& csv = {});
Result<std::int64_t> write_csv_territories(const std::string& path, const std::vector<Territory>& territories,
                                           const CsvOptions& csv = {});

}  // namespace geo
