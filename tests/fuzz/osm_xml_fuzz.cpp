// Fuzz target: an OpenStreetMap XML extract (geo::parse_osm, as `territoire
// import FILE.osm` reads it through libosmium). The input is written to a
// scratch .osm file. It must never crash or throw; every kept item lies in
// lon/lat range.
#include <cstdint>
#include <string_view>

#include "geo/io/osm_importer.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path =
        fuzz::scratch_file("input.osm", std::string_view(reinterpret_cast<const char*>(data), size));
    fuzz::check_parsed_items(geo::parse_osm(path, fuzz::taxonomy()));
    return 0;
}
