#pragma once
// BufferedOutput: a text file written through a large in-memory buffer
// (no per-value iostream formatting) under a temporary name, renamed into
// place by commit() (see AtomicFile). Abandoning it without commit() leaves
// the destination as it was.
// Ownership: owns the temporary file and its stream (move-only).
// Thread-safety: one instance per thread.
// Failure: errors name the destination and the system reason.
#include <fstream>
#include <string>

#include "geo/core/error.hpp"
#include "geo/io/atomic_file.hpp"

namespace geo {

class BufferedOutput {
public:
    static Result<BufferedOutput> create(const std::string& path);

    // Append text here, then call flush_if_full() now and then.
    [[nodiscard]] std::string& buffer() { return m_buffer; }
    // Writes the buffer out once it holds 1 MiB or more.
    Result<void> flush_if_full();
    // Writes the rest, closes the file and renames it into place.
    Result<void> commit();

    [[nodiscard]] const std::string& path() const { return m_file.final_path(); }

private:
    explicit BufferedOutput(AtomicFile file) : m_file(std::move(file)) {}
    Result<void> write_buffer();

    AtomicFile m_file;
    std::ofstream m_out;
    std::string m_buffer;
};

}  // namespace geo
