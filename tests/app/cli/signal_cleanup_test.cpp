// Issue 16 item 1: SIGTERM or SIGINT during an export of the real sample
// removes the output's temporary (".NAME.tmpPID-N.EXT" and, for GeoPackage,
// its SQLite side files) and leaves the previous file as it was; the process
// still ends by that signal (geo/io/temp_registry.hpp). The signal is sent
// as soon as the temporary appears in the folder.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/limited_run.hpp"
#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;

namespace {

const char* kBinary = TERRITOIRE_BINARY_DIR "/app/territoire";

pid_t spawn_export(const fs::path& dir, const std::string& output) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (::chdir(dir.c_str()) != 0) ::_exit(127);
        std::freopen("/dev/null", "w", stdout);
        std::freopen("/dev/null", "w", stderr);
        // A background shell may have set SIGINT to "ignore"; start from the defaults.
        ::signal(SIGINT, SIG_DFL);
        ::signal(SIGTERM, SIG_DFL);
        ::execl(kBinary, kBinary, "export", "--catalogue", "cat.sqlite", "--items", "-o", output.c_str(), nullptr);
        ::_exit(127);
    }
    return pid;
}

// Entries of `dir` whose name starts with `prefix`.
std::vector<std::string> entries_starting(const fs::path& dir, const std::string& prefix) {
    std::vector<std::string> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().filename().string().starts_with(prefix)) out.push_back(it->path().filename().string());
    return out;
}

class SignalCleanup : public ::testing::TestWithParam<const char*> {};

}  // namespace

TEST_P(SignalCleanup, SignalDuringAnExportRemovesItsTemporaryAndKeepsThePreviousFile) {
    REQUIRE_SHARED_DATA();
    const fs::path dir = test::temp_dir();
    const auto imported = test::run_limited(dir, {"import", "--catalogue", "cat.sqlite",
                                                  (test::shared_data() / "poi/datatourisme-touraine-2020").string()});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    const std::string output = std::string("items.") + GetParam();
    const std::string temp_prefix = "." + output + ".tmp";
    int caught = 0;
    for (int attempt = 0; attempt < 8 && caught < 2; ++attempt) {
        const int sig = attempt % 2 == 0 ? SIGTERM : SIGINT;
        SCOPED_TRACE(std::string("attempt ") + std::to_string(attempt) + ", signal " + strsignal(sig));
        const auto previous = test::run_limited(dir, {"export", "--catalogue", "cat.sqlite", "--items", "-o", output});
        ASSERT_EQ(previous.exit_code, 0) << previous.err;
        const std::string before = test::file_checksum(dir / output);
        const pid_t pid = spawn_export(dir, output);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        bool seen = false, reaped = false;
        int status = 0;
        while (!seen && std::chrono::steady_clock::now() < deadline) {
            reaped = ::waitpid(pid, &status, WNOHANG) == pid;  // finished before we saw its temporary
            if (reaped) break;
            seen = !entries_starting(dir, temp_prefix).empty();
            if (!seen) std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        if (!reaped) {
            ::kill(pid, seen ? sig : SIGKILL);
            ::waitpid(pid, &status, 0);
        }
        EXPECT_TRUE(entries_starting(dir, temp_prefix).empty()) << "temporaries left behind";
        if (seen && WIFSIGNALED(status)) {
            EXPECT_EQ(WTERMSIG(status), sig);
            EXPECT_EQ(test::file_checksum(dir / output), before) << "the previous file was replaced";
            ++caught;
        }
    }
    EXPECT_EQ(caught, 2) << "no signal landed while the temporary existed";
}

INSTANTIATE_TEST_SUITE_P(Formats, SignalCleanup, ::testing::Values("geojson", "csv", "kml", "gpkg"));
