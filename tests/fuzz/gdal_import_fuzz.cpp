// Fuzz target: the GeoJSON / CSV import path (parse_gdal_items, as
// `territoire import FILE` reads any GDAL vector file). The input is written
// to /vsimem/ as .geojson when it starts with '{' (after blanks), else as
// .csv. It must never crash or throw; every kept item lies in lon/lat range.
#include <cstdint>
#include <cstdlib>
#include <string>

#include <cpl_vsi.h>

#include "geo/io/gdal_importer.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::size_t first = 0;
    while (first < size && (data[first] == ' ' || data[first] == '\n' || data[first] == '\r' || data[first] == '\t'))
        ++first;
    const bool json = first < size && data[first] == '{';
    const std::string path = json ? "/vsimem/fuzz/items.geojson" : "/vsimem/fuzz/items.csv";
    // GDAL takes the buffer without copying it and does not free it.
    VSILFILE* f = VSIFileFromMemBuffer(path.c_str(), const_cast<GByte*>(data), static_cast<vsi_l_offset>(size), FALSE);
    if (!f) std::abort();
    VSIFCloseL(f);
    auto parsed = geo::parse_gdal_items(path, {}, fuzz::taxonomy());
    VSIUnlink(path.c_str());
    fuzz::check_parsed_items(parsed);
    return 0;
}
