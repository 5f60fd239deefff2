#pragma once
// Hostile input files for the fault tests (issues 13 and 16), written at
// test time: zip archives whose entries inflate to gigabytes from a few MB
// (a zip bomb, built in milliseconds), JSON nested 40,000 levels deep, and a
// self-crossing star polygon. Threads: any; each call writes its own file.
// Failures: a file that cannot be written throws std::runtime_error.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace test {

struct ZipEntry {
    std::string name;
    std::string bytes;             // the entry's content, then…
    std::uint32_t spaces_mib = 0;  // …this many MiB of spaces (the bomb part)
};

// A plain (non-Zip64) deflated archive: every entry's sizes and CRC are
// true, so only a limit on the listed size protects the reader. The spaces
// are written as one repeated full-flush deflate block (about 1 KB a MiB).
// Total uncompressed size per entry under 4 GiB.
void write_zip(const std::filesystem::path& path, const std::vector<ZipEntry>& entries);

// `depth` opening brackets then as many closing ones: "[[[…]]]".
std::string nested_json_array(int depth);

// A GeoJSON FeatureCollection of one Polygon feature (properties code, nom):
// the star polygon {n / (n/2)} of `vertices` points around (lon, lat), whose
// edges cross each other about vertices² / 4 times.
std::string star_polygon_geojson(int vertices, double lon_deg, double lat_deg, const std::string& code);

}  // namespace test
