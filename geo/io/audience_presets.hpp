#pragma once
// Loading audiences: the presets file (data/audiences.json), a user's JSON
// file, or an audience stored in the catalogue. Reads files; not pure.
#include <string>
#include <vector>

#include "geo/analysis/audience.hpp"
#include "geo/core/error.hpp"

namespace geo {
class Catalogue;

// Reads a presets file: {"audiences": [ {...}, ... ]}. Fails naming the file
// and the entry.
Result<std::vector<Audience>> load_audiences(const std::string& path);
// <data_dir()>/audiences.json.
Result<std::vector<Audience>> load_audience_presets();

// Resolves what a user typed after --audience: a JSON file path (one
// audience object, or a presets file with exactly one entry), a preset id, a
// preset's French or English name (case-insensitive), or an audience saved
// in `catalogue` (may be null). The error lists the known preset ids.
Result<Audience> resolve_audience(const std::string& name_or_path, const Catalogue* catalogue);

}  // namespace geo
