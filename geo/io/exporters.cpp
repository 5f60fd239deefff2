#include "geo/io/exporters.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include <fmt/format.h>

#include "geo/core/text_fold.hpp"
#include "geo/io/csv_writer.hpp"
#include "geo/io/gdal_export.hpp"
#include "geo/io/geojson_writer.hpp"
#include "geo/io/kml_writer.hpp"

namespace geo {

Result<ExportFormat> export_format_for(const std::string& path) {
    const std::string ext = lower_extension(path);
    if (ext == ".geojson" || ext == ".json") return ExportFormat::geojson;
    if (ext == ".gpkg") return ExportFormat::gpkg;
    if (ext == ".csv") return ExportFormat::csv;
    if (ext == ".kml") return ExportFormat::kml;
    return fail_fmt(
        "{}: unknown export format \"{}\"; expected .geojson, .json, .gpkg, "
        ".csv or .kml",
        path, ext.empty() ? std::string("(no extension)") : ext);
}

namespace {

GeoJsonOptions geojson_options(const ExportOptions& options) {
    GeoJsonOptions out;
    out.layer_name = options.layer_name;
    out.metadata = options.metadata;
    return out;
}

}  // namespace

Result<std::int64_t> export_items(const std::vector<OfferItem>& items, const std::string& out_path,
                                  const ExportOptions& options) {
    auto format = export_format_for(out_path);
    if (!format) return tl::unexpected(format.error());
    switch (*format) {
        case ExportFormat::geojson:
            return write_geojson_items(out_path, items, geojson_options(options));
        case ExportFormat::csv:
            return write_csv_items(out_path, items, options.csv);
        case ExportFormat::gpkg:
            return write_gpkg_items(out_path, items, options);
        case ExportFormat::kml:
            return write_kml_items(out_path, items, options.layer_name);
    }
    return fail_fmt("unreachable export format");
}

Result<std::int64_t> export_territories(const std::vector<Territory>& territories, const std::string& out_path,
                                        const ExportOptions& options) {
    auto format = export_format_for(out_path);
    if (!format) return tl::unexpected(format.error());
    switch (*format) {
        case ExportFormat::geojson:
            return write_geojson_territories(out_path, territories, geojson_options(options));
        case ExportFormat::csv:
            return write_csv_territories(out_path, territories, options.csv);
        case ExportFormat::gpkg:
            return write_gpkg_territories(out_path, territories, options);
        case ExportFormat::kml:
            return write_kml_territories(out_path, territories, options.layer_name);
    }
    return fail_fmt("unreachable export format");
}

}  // namespace geo
