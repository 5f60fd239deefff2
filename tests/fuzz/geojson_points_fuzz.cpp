// Fuzz target: the fast GeoJSON reader (geo/io/geojson_points.hpp) against
// GDAL's driver. The input is written to a scratch .geojson file and read by
// parse_gdal_items twice, with and without the fast reader: both must end the
// same way (same failure when the fast reader takes the file, or the same
// items, skips and warnings), never crash or throw, and keep items in lon/lat
// range. Aborts on any difference.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "geo/io/gdal_importer.hpp"
#include "geo/io/geojson_points.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace {

bool same_items(const geo::ParsedItems& a, const geo::ParsedItems& b) {
    if (a.items.size() != b.items.size() || a.report.read != b.report.read ||
        a.report.skipped.size() != b.report.skipped.size() || a.report.warnings.size() != b.report.warnings.size() ||
        a.report.unknown_types != b.report.unknown_types)
        return false;
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        const geo::OfferItem& x = a.items[i];
        const geo::OfferItem& y = b.items[i];
        if (x.source_id != y.source_id || x.name != y.name || x.family != y.family || x.subtypes != y.subtypes ||
            x.labels != y.labels || x.themes != y.themes || x.opening_months != y.opening_months ||
            x.producer != y.producer || x.commune_insee != y.commune_insee || x.extra_json != y.extra_json ||
            !(x.position == y.position))
            return false;
    }
    for (std::size_t i = 0; i < a.report.skipped.size(); ++i)
        if (a.report.skipped[i].record != b.report.skipped[i].record ||
            a.report.skipped[i].reason.message != b.report.skipped[i].reason.message)
            return false;
    for (std::size_t i = 0; i < a.report.warnings.size(); ++i)
        if (a.report.warnings[i].message != b.report.warnings[i].message) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path =
        fuzz::scratch_file("items.geojson", std::string_view(reinterpret_cast<const char*>(data), size));
    geo::GdalImportOptions fast, gdal;
    gdal.fast_geojson = false;
    const auto a = geo::parse_gdal_items(path, fast, fuzz::taxonomy());
    const auto b = geo::parse_gdal_items(path, gdal, fuzz::taxonomy());
    fuzz::check_parsed_items(a);
    if (a.has_value() != b.has_value()) std::abort();
    // Two GDAL reads of a file the fast reader leaves alone may fail with
    // different words (seen: "posix_spawnp() failed" once): compared only
    // when the fast reader takes the file.
    const geo::gdal::FieldRoles none{[](std::string_view) { return false; }, [](std::string_view) { return false; }};
    const bool taken = geo::gdal::open_geojson_points(path, none) != nullptr;
    if (!a && taken && a.error().message != b.error().message) std::abort();
    if (a && !same_items(*a, *b)) std::abort();
    return 0;
}
