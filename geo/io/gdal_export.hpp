#pragma once
// GDAL-backed GeoPackage exporter behind geo/io/exporters.hpp (KML has its
// own writer, geo/io/kml_writer.hpp: GDAL's LIBKML driver writes names in
// CDATA unsplit and does not report a full disk).
// Layer in EPSG:4326 (traditional GIS order), fields of ExportSchema (lists
// ";"-joined), written in one transaction. Full double precision is kept.
// Text: invalid UTF-8 and NUL become U+FFFD (geo/io/text_output.hpp).
// Written under a temporary name and renamed on success (AtomicFile).
// GDAL messages are captured into the returned error, never printed.
// Thread-safety: one call per thread (GDAL datasets are not shared).
#include <cstdint>
#include <string>
#include <vector>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"
#include "geo/io/exporters.hpp"

namespace geo {

Result<std::int64_t> write_gpkg_items(const std::string& path, const std::vector<OfferItem>& items,
                                      const ExportOptions& options);
Result<std::int64_t> write_gpkg_territories(const std::string& path, const std::vector<Territory>& territories,
                                            const ExportOptions& options);

}  // namespace geo
