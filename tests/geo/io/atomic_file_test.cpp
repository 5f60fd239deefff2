// AtomicFile: temporaries of processes killed before they could clean up
// (kill -9 during an export, issue 16) are removed by the next export of
// the same file; those of live processes are left alone.
#include "geo/io/atomic_file.hpp"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;

namespace {

// The pid of a process that has exited (and been reaped).
pid_t dead_pid() {
    const pid_t pid = ::fork();
    if (pid == 0) ::_exit(0);
    ::waitpid(pid, nullptr, 0);
    return pid;
}

TEST(AtomicFile, StaleTemporariesOfDeadProcessesAreRemoved) {
    const fs::path dir = test::temp_dir();
    const pid_t dead = dead_pid();
    const fs::path stale = dir / (".partage.gpkg.tmp" + std::to_string(dead) + "-0.gpkg");
    const fs::path stale_journal = fs::path(stale.string() + "-journal");
    const fs::path live = dir / (".partage.gpkg.tmp1-0.gpkg");  // pid 1 is alive
    const fs::path other = dir / (".autre.gpkg.tmp" + std::to_string(dead) + "-0.gpkg");
    for (const auto& p : {stale, stale_journal, live, other}) std::ofstream(p) << "x";

    auto file = geo::AtomicFile::prepare((dir / "partage.gpkg").string());
    ASSERT_TRUE(file) << file.error().message;
    EXPECT_FALSE(fs::exists(stale));
    EXPECT_FALSE(fs::exists(stale_journal));
    EXPECT_TRUE(fs::exists(live));   // a running export's temporary is not touched
    EXPECT_TRUE(fs::exists(other));  // nor another file's
}

}  // namespace

TEST(AtomicFile, PipesAndDevicesAreNeverReplaced) {
    // The rename would have put a file in place of the pipe (or of /dev/null
    // for a user running as root).
    const fs::path dir = test::temp_dir();
    const fs::path fifo = dir / "out.geojson";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto refused = geo::AtomicFile::prepare(fifo.string());
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message,
              fifo.string() + ": not a regular file (a pipe or a device); refusing to replace it");
    EXPECT_TRUE(fs::is_fifo(fifo));
    fs::create_symlink("/dev/null", dir / "null.csv");
    EXPECT_FALSE(geo::AtomicFile::prepare((dir / "null.csv").string()));
}
