#pragma once
// Offer items from an OpenStreetMap extract (.osm.pbf, .osm, .osm.bz2,
// .osm.gz), read with libosmium in two passes:
//   1. multipolygon / boundary / route relations with a tourism meaning, and the ids
//      of their member ways;
//   2. nodes (node locations kept in a NodeLocationsForWays index) and ways.
// Only objects that Taxonomy::classify_osm recognises become items; their
// position is the node itself, the centroid of a way's node locations, or the
// centroid of the node locations of a multipolygon's member ways, or the
// start of a route (the first node of its first member way in the extract),
// in WGS 84.
// name = name, else name:fr, else brand; unnamed objects are skipped with a
// reason. Labels from Taxonomy::labels_from_osm, opening months from simple
// month ranges in opening_hours; website, wikidata, stars, cuisine, … land in
// extra_json.
//
// Source key "osm", kind "osm", source ids "n123" / "w456" / "r789",
// licence ODbL 1.0, "© OpenStreetMap contributors".
// report.read counts the objects with a tourism meaning; a warning line gives
// the numbers of nodes, ways and relations read.
//
// Failures: missing, empty or corrupt file (the libosmium message, with the
// file name), cancellation. Thread-safety: reentrant.
#include <string>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"
#include "geo/core/taxonomy.hpp"
#include "geo/io/import_types.hpp"

namespace geo {

Result<ParsedItems> parse_osm(const std::string& path, const Taxonomy& taxonomy, Progress progress = {});

// True for file names libosmium reads: *.osm.pbf, *.pbf, *.osm, *.osm.bz2,
// *.osm.gz, *.o5m, *.opl.
bool is_osm_file(const std::string& path);

}  // namespace geo
