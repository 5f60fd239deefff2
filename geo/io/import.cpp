#include "geo/io/import.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>

#include <cpl_vsi.h>
#include <fmt/format.h>

#include "geo/core/data_dir.hpp"
#include "geo/core/text_fold.hpp"
#include "geo/io/datatourisme_feed.hpp"
#include "geo/io/datatourisme_importer.hpp"
#include "geo/io/osm_importer.hpp"

namespace geo {

namespace {
namespace fs = std::filesystem;

bool is_demo_file(const std::string& path) {
    std::error_code ec;
    const fs::path demo = fs::path(data_dir()) / "demo" / "items.geojson";
    return fs::exists(demo, ec) && fs::exists(path, ec) && fs::equivalent(path, demo, ec);
}

// The error for an input that yielded nothing usable, with the first reasons.
Error nothing_usable(const std::string& path, const ImportReport& report, bool territories) {
    Error e = report.read == 0   ? (territories ? error_fmt("{}: nothing to import: no territories found", path)
                                                : error_fmt("{}: nothing to import: no offer items found", path))
              : report.read == 1 ? error_fmt("{}: nothing to import: 1 record read, none usable", path)
                                 : error_fmt("{}: nothing to import: {} records read, none usable", path, report.read);
    const size_t shown = std::min<size_t>(report.skipped.size(), 3);
    for (size_t i = 0; i < shown; ++i) e = e.with_note(report.skipped[i].reason.with_context(report.skipped[i].record));
    if (report.skipped.size() > shown) e = e.with_note_fmt("and {} more", report.skipped.size() - shown);
    return e.with_note_fmt("the catalogue was not changed");
}

// A failed write (a full disk, a lock held too long) was rolled back: say so.
Error rolled_back(const Error& e) {
    if (e.message.find("othing was") != std::string::npos) return e;  // "Nothing was written", "nothing was imported"
    return e.with_note_fmt("the import was rolled back: the catalogue is as it was");
}

}  // namespace

SourceFormat detect_source_format(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec) || ascii_iends_with(path, ".zip"))
        return detail::holds_datatourisme_feed(path) ? SourceFormat::datatourisme : SourceFormat::gdal;
    if (is_osm_file(path)) return SourceFormat::osm;
    return SourceFormat::gdal;
}

namespace {

// A streamed source goes to the catalogue batch by batch, in one
// transaction: memory holds a few runs of items, not the source's.
// `read(stream)` is stream_datatourisme or stream_gdal_items; `source_path`,
// when set, is the path recorded for the source (a zip read through /vsizip/).
template <typename Read>
Result<ImportReport> import_streamed(Catalogue& catalogue, const std::string& path, const std::string& source_path,
                                     Read&& read) {
    ImportReport report;
    std::unique_ptr<ItemImport> import;
    std::int64_t kept = 0;
    ItemStream stream;
    stream.open = [&](const SourceInfo& source, std::int64_t records) -> Result<void> {
        SourceInfo recorded = source;
        if (!source_path.empty()) recorded.path = source_path;
        auto begun = catalogue.begin_items(recorded, report, records);
        if (!begun) return tl::unexpected(begun.error());
        import = std::move(*begun);
        return {};
    };
    stream.batch = [&](const std::vector<OfferItem>& batch) -> Result<void> {
        kept += static_cast<std::int64_t>(batch.size());
        return import->write(batch);
    };
    Result<ParsedItems> parsed = read(stream);
    if (!parsed) return tl::unexpected(import ? rolled_back(parsed.error()) : parsed.error());
    // The parser's report, with what the catalogue skipped (repeats) after it.
    ImportReport out = std::move(parsed->report);
    for (auto& s : report.skipped) out.skipped.push_back(std::move(s));
    if (kept == 0) return tl::unexpected(nothing_usable(path, out, false));
    if (auto ok = import->finish(parsed->theme_names); !ok) return tl::unexpected(rolled_back(ok.error()));
    out.imported = report.imported;
    out.updated = report.updated;
    return out;
}

}  // namespace

Result<ImportReport> import_source(Catalogue& catalogue, const std::string& path, const ImportOptions& options,
                                   const Taxonomy& taxonomy, Progress progress) {
    Result<ParsedItems> parsed = fail_fmt("{}: not read", path);
    switch (detect_source_format(path)) {
        case SourceFormat::datatourisme:
            return import_streamed(catalogue, path, {}, [&](const ItemStream& stream) {
                return stream_datatourisme(path, taxonomy, stream, progress);
            });
        case SourceFormat::osm:
            parsed = parse_osm(path, taxonomy, progress);
            break;
        case SourceFormat::gdal: {
            GdalImportOptions gdal = options.gdal;
            if (gdal.source_key.empty() && is_demo_file(path)) {
                gdal.source_key = "demo";
                gdal.source_kind = "demo";
                gdal.licence = "Territoire demo data, free reuse (data/demo/README.md)";
                gdal.attribution = "Territoire";
            }
            const bool zip = ascii_iends_with(path, ".zip") && !path.starts_with("/vsi");
            return import_streamed(catalogue, path, zip ? path : std::string(), [&](const ItemStream& stream) {
                return stream_gdal_items(zip ? "/vsizip/" + path : path, gdal, taxonomy, stream, progress);
            });
        }
    }
    if (!parsed) return tl::unexpected(parsed.error());
    if (parsed->items.empty()) return tl::unexpected(nothing_usable(path, parsed->report, false));
    ImportReport report = std::move(parsed->report);
    if (auto ok = catalogue.upsert_items(parsed->source, parsed->items, report, progress, parsed->theme_names); !ok)
        return tl::unexpected(rolled_back(ok.error()));
    return report;
}

Result<ImportReport> import_territories(Catalogue& catalogue, const std::string& path, TerritoryLevel level,
                                        const TerritoryImportOptions& options, Progress progress) {
    auto parsed = parse_territories(path, level, options, progress);
    if (!parsed) return tl::unexpected(parsed.error());
    if (parsed->territories.empty()) return tl::unexpected(nothing_usable(path, parsed->report, true));
    ImportReport report = std::move(parsed->report);
    if (auto ok = catalogue.upsert_territories(parsed->source, parsed->territories, report, progress); !ok)
        return tl::unexpected(rolled_back(ok.error()));
    return report;
}

}  // namespace geo
