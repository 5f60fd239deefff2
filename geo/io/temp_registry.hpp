#pragma once
// The temporary files of outputs being written (AtomicFile), removed when
// the process is ended by SIGINT, SIGTERM or SIGHUP: the handler unlinks
// every registered path and its SQLite side files (-journal, -wal, -shm),
// then lets the signal end the process as it would have (the default action
// is restored and the signal raised again). The handlers are installed on
// the first registration, only for signals whose action is still the default
// (a program that handles them itself keeps its handlers).
// Async-signal-safety: the handler uses only unlink(2), sigaction(2) and
// raise(3) over a fixed table in static storage (kMaxTempFiles slots of
// kMaxTempPathBytes); registration never allocates.
// Threads: register/unregister from any thread (atomic slot states).
// Failures: none reported: a path too long or a full table is simply not
//   registered (the file is then only removed by AtomicFile itself, or by the
//   stale-temporary sweep of a later write).
#include <cstddef>
#include <string>

namespace geo::detail {

inline constexpr std::size_t kMaxTempFiles = 64;
inline constexpr std::size_t kMaxTempPathBytes = 4096;

// A slot index, or -1 when not registered.
int register_temp_file(const std::string& path);
void unregister_temp_file(int slot);

}  // namespace geo::detail
