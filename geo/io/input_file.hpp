#pragma once
// The checks every reader makes before opening a file it was given: it
// exists, it is a regular file (a pipe would block the read forever, a
// device such as /dev/zero would never end) and it is not empty. One message
// for each, naming the path.
// Threads: free function, no shared state.
// Failures: Result with "PATH: no such file", "PATH: not a regular file (a
//   pipe or a device)" or "PATH: the file is empty".
#include <string>

#include "geo/core/error.hpp"

namespace geo {

struct InputFileRules {
    bool allow_directory = false;  // GDAL opens some formats as folders (shapefile sets, FileGDB)
    bool allow_empty = false;
};

// Ok (true) when `path` may be opened for reading under `rules`.
Result<bool> check_input_file(const std::string& path, InputFileRules rules = {});

}  // namespace geo
