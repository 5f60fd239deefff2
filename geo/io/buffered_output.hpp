#pragma once
// BufferedOutput: a text file written through a large in-memory buffer
// (no per-value iostream formatting) under a temporary name, renamed into
// place by commit() (see AtomicFile). Abandoning it without commit() leaves
// the destination as it was.
// Every write(2) is checked (short writes retried), and commit() flushes the
// data to disk (fsync) and checks close(2) before the rename: a full disk or
// a file size limit (RLIMIT_FSIZE, with SIGXFSZ ignored) is an error naming
// the file and the system reason, never a silently truncated file.
// Ownership: owns the temporary file and its descriptor (move-only).
// Thread-safety: one instance per thread.
// Failure: errors name the destination and the system reason.
#include <string>

#include "geo/core/error.hpp"
#include "geo/io/atomic_file.hpp"

namespace geo {

class BufferedOutput {
public:
    static Result<BufferedOutput> create(const std::string& path);

    BufferedOutput(BufferedOutput&& other) noexcept;
    BufferedOutput& operator=(BufferedOutput&& other) noexcept;
    BufferedOutput(const BufferedOutput&) = delete;
    BufferedOutput& operator=(const BufferedOutput&) = delete;
    ~BufferedOutput();

    // Append text here, then call flush_if_full() now and then.
    [[nodiscard]] std::string& buffer() { return m_buffer; }
    // Writes the buffer out once it holds 1 MiB or more.
    Result<void> flush_if_full();
    // Writes the rest, syncs and closes the file and renames it into place.
    Result<void> commit();

    [[nodiscard]] const std::string& path() const { return m_file.final_path(); }

private:
    BufferedOutput(AtomicFile file, int fd) : m_file(std::move(file)), m_fd(fd) {}
    Result<void> write_buffer();
    void close_fd();

    AtomicFile m_file;
    int m_fd = -1;
    std::string m_buffer;
};

}  // namespace geo
