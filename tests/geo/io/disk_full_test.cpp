// Issue 16, item 4: an export that hits a file size limit (RLIMIT_FSIZE, the
// same errors as a full disk: EFBIG / ENOSPC on write) fails with a message
// naming the file and the reason, and leaves the previous good file and no
// temporary behind. Each export runs in a forked child with the limit set
// (and SIGXFSZ ignored, as app/main.cpp does).
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "geo/io/exporters.hpp"
#include "tests/support/test_support.hpp"

namespace {
namespace fs = std::filesystem;

std::vector<geo::OfferItem> many_items(std::size_t n) {
    std::vector<geo::OfferItem> items;
    for (std::size_t i = 0; i < n; ++i) {
        geo::OfferItem item;
        item.id = static_cast<std::int64_t>(i + 1);
        item.source = "bulk";
        item.source_id = "b" + std::to_string(i);
        item.name = "Château numéro " + std::to_string(i) + " — une longue description";
        item.producer = "Office de Tourisme";
        item.family = geo::Family::heritage;
        item.position = {0.5 + 1e-5 * static_cast<double>(i % 1000), 47.0 + 1e-5 * static_cast<double>(i / 1000)};
        items.push_back(std::move(item));
    }
    return items;
}

struct ChildOutcome {
    int exit_code = -1;
    std::string message;
};

// Runs export_items in a child limited to `limit_bytes` per file.
ChildOutcome export_under_limit(const std::vector<geo::OfferItem>& items, const fs::path& path, rlim_t limit_bytes) {
    int fds[2];
    if (::pipe(fds) != 0) return {};
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{limit_bytes, limit_bytes};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        auto written = geo::export_items(items, path.string());
        const std::string message = written ? "ok" : written.error().message;
        [[maybe_unused]] auto n = ::write(fds[1], message.data(), message.size());
        ::_exit(written ? 0 : 1);
    }
    ::close(fds[1]);
    ChildOutcome out;
    char buf[4096];
    ssize_t n = 0;
    while ((n = ::read(fds[0], buf, sizeof buf)) > 0) out.message.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    out.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return out;
}

class DiskFull : public ::testing::TestWithParam<const char*> {};

}  // namespace

TEST_P(DiskFull, ExportFailsWithAMessageAndKeepsThePreviousFile) {
    const auto dir = test::temp_dir();
    const auto path = dir / (std::string("items.") + GetParam());
    const auto items = many_items(20'000);
    // A previous good export, made without a limit.
    auto previous = geo::export_items(many_items(10), path.string());
    ASSERT_TRUE(previous) << previous.error().message;
    const std::string before = test::file_checksum(path);

    const ChildOutcome outcome = export_under_limit(items, path, 64 * 1024);
    EXPECT_EQ(outcome.exit_code, 1) << outcome.message;
    EXPECT_NE(outcome.message.find(path.string()), std::string::npos) << outcome.message;
    // Our writers give the system reason; GeoPackage goes through SQLite.
    const char* reason = std::string(GetParam()) == "gpkg" ? "disk I/O error" : "File too large";
    EXPECT_NE(outcome.message.find(reason), std::string::npos) << outcome.message;
    EXPECT_EQ(test::file_checksum(path), before) << "the previous file was replaced";
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        ++files;
        EXPECT_EQ(entry.path(), path) << "left behind";
    }
    EXPECT_EQ(files, 1u);

    // Without the limit the same export succeeds and replaces the file.
    const ChildOutcome unlimited = export_under_limit(items, path, RLIM_INFINITY);
    EXPECT_EQ(unlimited.exit_code, 0) << unlimited.message;
    EXPECT_NE(test::file_checksum(path), before);
}

INSTANTIATE_TEST_SUITE_P(Formats, DiskFull, ::testing::Values("kml", "csv", "geojson", "gpkg"));
