#pragma once
// RFC 7946 conformance check of a GeoJSON file, as the exporters promise it
// and as partners' tools expect it (also `territoire validate FILE`).
//
// Reported (one message per violation, "FILE: WHERE: WHAT"):
//  - a pipe or a device (not read), not JSON / not UTF-8, unknown or missing "type", missing members
//    ("features", "geometry", "properties", "coordinates");
//  - a "crs" member anywhere (§4: WGS 84 only);
//  - a position that is not 2 or 3 numbers, or outside lon [-180, 180],
//    lat [-90, 90];
//  - a coordinate with more than 7 significant decimals (house rule, ≈ 1 cm);
//  - a linear ring with fewer than 4 positions, not closed, outer ring not
//    counter-clockwise, hole not clockwise, zero area (§3.1.6);
//  - a "bbox" of the wrong length, south > north, or not containing the
//    coordinates it covers (tolerance 1e-7 deg). A missing "bbox" is allowed
//    by the RFC and reported only with require_bbox.
// The file is streamed: features are checked one at a time, so memory stays
// bounded on large files. Thread-safe; reads the file, writes nothing.
// Failures: reported as messages in the result, never thrown: a file that
// cannot be opened, is not a regular file or is not JSON is one message.
#include <cstddef>
#include <string>
#include <vector>

namespace geo {

struct Rfc7946CheckOptions {
    bool require_bbox = false;        // report a FeatureCollection without "bbox"
    std::size_t max_messages = 1000;  // beyond, one last message counts the rest
};

// Every violation found; empty when the file conforms.
std::vector<std::string> check_rfc7946(const std::string& geojson_path, const Rfc7946CheckOptions& options = {});

}  // namespace geo
