#pragma once
// Access to the files of a DATAtourisme feed (internal to geo/io): a folder
// or a .zip holding index.json, context.jsonld and objects/**/*.json. Both are
// read through GDAL's virtual file system (/vsizip/ for archives), so folder
// and zip share one code path. GDAL messages are captured (GdalErrorCapture), never printed.
// Thread-safety: read_file() may be called from several threads at once (each
// call opens its own VSI handle).
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "geo/core/error.hpp"
#include "geo/io/zip_reader.hpp"

namespace geo::detail {

struct DatatourismeFeed {
    std::string root;  // VSI path of the folder holding index.json / objects/
    // For a .zip: its directory, read once, and the folder of the feed inside
    // it ("" or "feed/"); files are read through it (O(1) per lookup).
    std::shared_ptr<const ZipReader> zip;
    std::string zip_prefix;
    std::vector<std::string> files;    // relative to root, e.g. "objects/4/4c/15-….json", in index order
    std::vector<std::string> missing;  // listed in index.json but absent
    std::vector<Error> warnings;
};

// Locates the feed at `path` (a folder, a .zip, or a folder/zip whose single
// top folder holds the feed) and lists its object files: index.json order,
// then (when index.json is absent, unreadable or lists missing files) the
// unlisted files found by scanning objects/ recursively, sorted.
// Fails when `path` does not exist or holds neither index.json nor objects/.
Result<DatatourismeFeed> open_datatourisme_feed(const std::string& path);

// True when `path` (a folder or a .zip) holds a feed, at its top or in its
// single top folder (`zip -r feed.zip feed/`).
bool holds_datatourisme_feed(const std::string& path);

// Largest feed file read (index.json or one object; the largest real object
// is ~100 KB): 64 MiB, checked against the listed size before reading, also
// inside a zip (the uncompressed size).
inline constexpr std::size_t kMaxFeedFileBytes = std::size_t{64} << 20;

// The bytes of the feed file `relative`; fails with the relative path and the
// reason (missing, not a regular file, over kMaxFeedFileBytes, short read,
// damaged zip entry).
Result<std::string> read_feed_file(const DatatourismeFeed& feed, const std::string& relative);

}  // namespace geo::detail
