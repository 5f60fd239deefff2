#pragma once
// territoire catalogue copy: moves a whole catalogue between a SpatiaLite
// file and a PostGIS database (either way, or file to file), losslessly:
// every source with its licence, attribution and import date, every offer
// item with all its fields, every territory, theme name, audience and
// stored perimeter (with its creation date). Row ids are renumbered:
// items source by source (in key order), territories, perimeters in order.
//
// Threads: runs on the caller's thread; opens both catalogues itself.
// Memory: one source's items (or all territories, or all perimeters) at a
//   time, not the whole catalogue.
// Failure: the destination must be empty (no source, item, territory,
//   audience or perimeter) and distinct from the source, else nothing is
//   written. A copy that fails half-way deletes the file it created; a
//   database destination keeps what landed before the failure (each source
//   is its own transaction) and the message says so.
#include <cstdint>
#include <string>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"

namespace geo {

struct CatalogueCopyReport {
    std::int64_t sources = 0;
    std::int64_t items = 0;
    std::int64_t territories = 0;
    std::int64_t theme_names = 0;
    std::int64_t audiences = 0;
    std::int64_t perimeters = 0;
};

// Copies the catalogue at `from` (file path or database address, read
// only) into `to` (created when it is a file that does not exist).
// Progress counts items and territories copied.
Result<CatalogueCopyReport> copy_catalogue(const std::string& from, const std::string& to, Progress progress = {});

}  // namespace geo
