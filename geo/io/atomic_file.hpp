#pragma once
// AtomicFile: write an output under a temporary name in the destination's
// folder, then rename it into place, so a failed or interrupted export never
// leaves a half-written file and never damages an existing one.
//
// The temporary name keeps the destination's extension (GDAL drivers choose
// their behaviour from it): "out/items.gpkg" → "out/.items.gpkg.tmp<pid>-<n>.gpkg".
// Ownership: an uncommitted AtomicFile removes its temporary file (and the
// SQLite side files "-journal", "-wal", "-shm") when destroyed, and so does
// SIGINT, SIGTERM or SIGHUP while it exists (temp_registry.hpp). Move-only.
// Thread-safety: distinct instances may be used on distinct threads.
// commit() flushes the temporary file to disk (fsync) before the rename and
// the folder after it, so that a crash leaves the old file or the new one.
// Failure: prepare() fails when the folder does not exist or the destination
// is a folder, a pipe or a device (a rename would replace /dev/null); commit() fails when the flush or the rename fails
// (both name the path).
#include <string>

#include "geo/core/error.hpp"

namespace geo {

class AtomicFile {
public:
    static Result<AtomicFile> prepare(const std::string& final_path);

    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&& other) noexcept;
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();

    // Where to write: does not exist yet.
    [[nodiscard]] const std::string& temp_path() const { return m_temp_path; }
    [[nodiscard]] const std::string& final_path() const { return m_final_path; }

    // Renames the temporary file to the final path (replacing it).
    Result<void> commit();
    // Removes the temporary file now; the destination is left as it was.
    void discard();

private:
    AtomicFile(std::string final_path, std::string temp_path);

    std::string m_final_path;
    std::string m_temp_path;
    bool m_active = false;   // a temporary file may exist and is ours to remove
    int m_signal_slot = -1;  // in the table a signal handler empties (temp_registry.hpp)
};

}  // namespace geo
