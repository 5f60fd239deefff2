#pragma once
// Loading audiences: the presets file (data/audiences.json), a user's JSON
// file, or an audience stored in the catalogue. Reads files; not pure.
// Threads: load_audiences() and load_audience_presets() only read files (and
//   $TERRITOIRE_DATA_DIR through data_dir()): safe on any thread.
//   resolve_audience() also reads `catalogue` when given: call it on the
//   thread that uses that Catalogue.
// Failures (nothing is thrown): "PATH: cannot read the file", invalid JSON
//   (parse_json: line and byte), "PATH: \"audiences\" must be an array", a bad
//   entry ("PATH: audiences[3]: …" from audience_from_json), "PATH: no
//   audience in the file". resolve_audience() also fails when a file holds
//   more than one audience, when the presets file cannot be loaded (then even
//   an audience saved in the catalogue is not looked up), on a catalogue read
//   error, and for an unknown name (the message lists the preset ids).
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
