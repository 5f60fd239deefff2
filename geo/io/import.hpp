#pragma once
// One entry point per kind of import, as used by the command line and the
// GUI: parse a source (dispatching on its form), then write it to the
// catalogue in one transaction.
//
// Dispatch (detect_source_format):
//   a folder, or a .zip, holding index.json or objects/ → DATAtourisme feed
//   *.osm.pbf, *.osm, *.osm.bz2, …                      → OpenStreetMap
//   anything else (a .zip through /vsizip/)             → GDAL vector file
// The demo file <data_dir()>/demo/items.geojson is imported as source "demo"
// (kind "demo"); other GDAL files as "file:<basename>".
//
// Failure leaves the catalogue as it was: the input cannot be read, or it
// yields no usable record (every record skipped, no offer item with a
// tourism meaning): the message names the file and the first skipped records;
// or a write fails (a full disk, a file size limit): the transaction is rolled
// back and the message says so, with the system's reason.
// Not thread-safe with respect to the Catalogue (one per thread).
#include <string>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"
#include "geo/core/taxonomy.hpp"
#include "geo/io/gdal_importer.hpp"
#include "geo/io/territory_importer.hpp"
#include "geo/store/catalogue.hpp"

namespace geo {

enum class SourceFormat { datatourisme, osm, gdal };

// The format `path` will be read as (see above).
SourceFormat detect_source_format(const std::string& path);

struct ImportOptions {
    GdalImportOptions gdal;  // for GDAL sources only
};

// Parses `path` and upserts its items. The report carries read / imported /
// updated / skipped / unknown types / warnings.
Result<ImportReport> import_source(Catalogue& catalogue, const std::string& path, const ImportOptions& options,
                                   const Taxonomy& taxonomy, Progress progress = {});

// Parses a polygon file and upserts its territories at `level`.
Result<ImportReport> import_territories(Catalogue& catalogue, const std::string& path, TerritoryLevel level,
                                        const TerritoryImportOptions& options, Progress progress = {});

}  // namespace geo
