#pragma once
// Output paths: the one check that a command never writes over its catalogue
// or one of its inputs, and how a file name is written into the provenance
// of an export.
//
// Same file: same device and inode (stat(2): through symbolic and hard links)
// when both exist, else the same weakly canonical path; an output is also
// refused when it names an SQLite side file of an input ("CAT-journal",
// "CAT-wal", "CAT-shm"), which would corrupt the catalogue just as well.
// Thread-safety: pure functions of the file system, safe on any thread.
#include <cstdint>
#include <string>
#include <vector>

#include "geo/core/error.hpp"

namespace geo {

// A path as the user gave it, and what it is ("-o", "--catalogue",
// "--context", "SOURCE"), for the message.
struct NamedPath {
    std::string role;
    std::string path;
};

// Fails when `output` is the same file as one of `inputs`; the message names
// both and says that nothing was written: "-o territoire.sqlite is the
// catalogue (--catalogue territoire.sqlite): refusing to write over it;
// nothing was written". Inputs with an empty path are ignored.
Result<void> check_output_path(const NamedPath& output, const std::vector<NamedPath>& inputs);

// How file names appear in provenance: by default the base name only
// ("territoire.sqlite"), so that a file sent to partners does not reveal the
// sender's folders (/home/alice/clients/…); `full` writes the absolute path.
enum class ProvenancePaths : std::uint8_t { name, full };

// `path` rendered for provenance: its file name, or its absolute lexically
// normal path. "" stays "".
std::string provenance_path(const std::string& path, ProvenancePaths style);

}  // namespace geo
