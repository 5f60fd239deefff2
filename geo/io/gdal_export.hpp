#pragma once
// GDAL-backed exporters (GeoPackage, KML) behind geo/io/exporters.hpp.
// Layer in EPSG:4326 (traditional GIS order), fields of ExportSchema (lists
// ";"-joined), GPKG written in one transaction; KML gets a "description"
// field for the placemark balloon. Full double precision is kept.
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

// `format` is ExportFormat::gpkg or ExportFormat::kml.
Result<std::int64_t> write_gdal_items(const std::string& path, ExportFormat format,
                                      const std::vector<OfferItem>& items,
                                      const ExportOptions& options);
Result<std::int64_t> write_gdal_territories(const std::string& path, ExportFormat format,
                                            const std::vector<Territory>& territories,
                                            const ExportOptions& options);

}  // namespace geo
