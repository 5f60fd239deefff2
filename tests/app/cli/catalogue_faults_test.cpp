// Issues 13 and 16: the catalogue survives faults. An import killed with
// SIGKILL at many moments (parsing, writing, packing the spatial index,
// committing) leaves a catalogue that read-only commands open (the hot
// journal is rolled back), that `territoire check` finds sound, and that
// holds either the counts from before or those of a complete import. Two
// imports at once both land or one fails cleanly. A damaged file is refused
// by info and import and left untouched.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include "tests/support/cli_process.hpp"
#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;

namespace {

const char* kBinary = TERRITOIRE_BINARY_DIR "/app/territoire";

// Starts `territoire ARGS` (stdout/stderr to /dev/null); returns its pid.
pid_t spawn(const std::vector<std::string>& args) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        std::freopen("/dev/null", "w", stdout);
        std::freopen("/dev/null", "w", stderr);
        std::vector<char*> argv{const_cast<char*>(kBinary)};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(kBinary, argv.data());
        ::_exit(127);
    }
    return pid;
}

int wait_exit(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

// 30,000 points around Tours as a GeoJSON file: an import whose write phase
// (rows, then the bulk-packed spatial index) lasts long enough to be hit.
fs::path many_points(const fs::path& dir) {
    const fs::path path = dir / "many.geojson";
    std::ofstream out(path);
    out << R"({"type":"FeatureCollection","features":[)";
    for (int i = 0; i < 30'000; ++i) {
        out << (i ? "," : "") << R"({"type":"Feature","properties":{"name":"Lieu )" << i
            << R"(","family":"heritage","id":"p)" << i << R"("},"geometry":{"type":"Point","coordinates":[)"
            << 0.5 + 0.00003 * (i % 1000) << "," << 47.2 + 0.00003 * (i / 1000) << "]}}";
    }
    out << "]}";
    return path;
}

struct Counts {
    std::int64_t items = -1, territories = -1;
    bool operator==(const Counts&) const = default;
};

// `territoire check --json`: sound, with its counts.
Counts checked_counts(const fs::path& dir, const fs::path& catalogue) {
    const auto run = test::run_territoire(dir, {"check", "--catalogue", catalogue.string(), "--json"});
    EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
    const auto j = nlohmann::json::parse(run.out, nullptr, false);
    if (!j.is_object()) return {};
    EXPECT_TRUE(j.value("ok", false)) << run.out;
    return {j.value("items", std::int64_t{-1}), j.value("territories", std::int64_t{-1})};
}

class CatalogueFaults : public ::testing::Test {
protected:
    void SetUp() override {
        REQUIRE_SHARED_DATA();
        dir = test::temp_dir();
        base = dir / "base.sqlite";
        auto r = test::run_territoire(dir, {"import", "--catalogue", base.string(), "--territories",
                                            test::communes37_path().string(), "--level", "commune"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        r = test::run_territoire(dir, {"import", "--catalogue", base.string(),
                                       (fs::path(TERRITOIRE_SOURCE_DATA_DIR) / "demo/items.geojson").string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        before = checked_counts(dir, base);
    }
    fs::path dir, base;
    Counts before;
};

TEST_F(CatalogueFaults, KillNineDuringAnImportLeavesTheCatalogueAsBeforeOrComplete) {
    const fs::path points = many_points(dir);
    const std::vector<fs::path> inputs = {points, test::shared_data() / "poi/datatourisme-touraine-2020"};
    std::set<std::string> outcomes;
    for (const fs::path& input : inputs) {
        // The count after a complete import, for comparison.
        const fs::path full = dir / "full.sqlite";
        fs::copy_file(base, full, fs::copy_options::overwrite_existing);
        ASSERT_EQ(wait_exit(spawn({"import", "--catalogue", full.string(), input.string()})), 0);
        const Counts complete = checked_counts(dir, full);
        ASSERT_GT(complete.items, before.items);

        // Kill moments from 20 ms until the import finishes before its kill,
        // so that the whole import is swept however loaded the machine is.
        bool finished = false;
        for (int delay_ms = 20; !finished && delay_ms <= 60'000; delay_ms = delay_ms * 3 / 2) {
            const fs::path cat = dir / "killed.sqlite";
            fs::remove(fs::path(cat.string() + "-journal"));
            fs::copy_file(base, cat, fs::copy_options::overwrite_existing);
            const pid_t pid = spawn({"import", "--catalogue", cat.string(), input.string()});
            std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
            ::kill(pid, SIGKILL);
            const int code = wait_exit(pid);
            const bool journal = fs::exists(cat.string() + "-journal");
            // Read-only first: it must cope with the hot journal itself.
            const auto info = test::run_territoire(dir, {"info", "--catalogue", cat.string(), "--json"});
            EXPECT_EQ(info.exit_code, 0) << "after " << delay_ms << " ms: " << info.err;
            const Counts after = checked_counts(dir, cat);
            EXPECT_TRUE(after == before || after == complete)
                << input.filename() << " killed after " << delay_ms << " ms: " << after.items << " items";
            outcomes.insert(code == -SIGKILL ? (journal ? "killed with a hot journal" : "killed") : "finished");
            finished = code != -SIGKILL;
        }
    }
    // The moments chosen do hit a write in progress at least once.
    EXPECT_TRUE(outcomes.count("killed with a hot journal")) << "no kill landed during a write";
}

TEST_F(CatalogueFaults, TwoImportsAtOnceBothLandOrOneFailsCleanly) {
    const fs::path points = many_points(dir);
    const fs::path feed = test::shared_data() / "poi/datatourisme-touraine-2020";
    const pid_t a = spawn({"import", "--catalogue", base.string(), points.string()});
    const pid_t b = spawn({"import", "--catalogue", base.string(), feed.string()});
    const int code_a = wait_exit(a), code_b = wait_exit(b);
    EXPECT_TRUE(code_a == 0 || code_a == 1) << code_a;
    EXPECT_TRUE(code_b == 0 || code_b == 1) << code_b;
    const Counts after = checked_counts(dir, base);
    const std::int64_t expected = before.items + (code_a == 0 ? 30'000 : 0) + (code_b == 0 ? 1'399 : 0);
    EXPECT_EQ(after.items, expected);
    EXPECT_EQ(after.territories, before.territories);
}

TEST_F(CatalogueFaults, ReadingWhileAnImportRunsSeesAConsistentCatalogue) {
    const fs::path points = many_points(dir);
    const pid_t writer = spawn({"import", "--catalogue", base.string(), points.string()});
    for (int i = 0; i < 5; ++i) {
        const auto info = test::run_territoire(dir, {"info", "--catalogue", base.string(), "--json"});
        EXPECT_EQ(info.exit_code, 0) << info.err;
        const auto j = nlohmann::json::parse(info.out, nullptr, false);
        ASSERT_TRUE(j.is_object()) << info.out << info.err;
        const auto items = j.value("items", std::int64_t{-1});
        EXPECT_TRUE(items == before.items || items == before.items + 30'000) << items;
    }
    EXPECT_EQ(wait_exit(writer), 0);
}

TEST_F(CatalogueFaults, DamagedFileIsRefusedAndLeftUntouched) {
    // Flipped bytes in the middle of the file (index and item pages).
    const auto size = fs::file_size(base);
    {
        std::fstream f(base, std::ios::in | std::ios::out | std::ios::binary);
        for (std::uintmax_t off = size / 2; off < size / 2 + 12'000; off += 97) {
            f.seekg(static_cast<std::streamoff>(off));
            char c = 0;
            f.get(c);
            f.seekp(static_cast<std::streamoff>(off));
            f.put(static_cast<char>(c ^ 0xFF));
        }
    }
    const std::string damaged = test::file_checksum(base);
    const auto check = test::run_territoire(dir, {"check", "--catalogue", base.string()});
    EXPECT_EQ(check.exit_code, 1) << check.out << check.err;
    EXPECT_NE(check.out.find("DAMAGED"), std::string::npos) << check.out;
    const auto info = test::run_territoire(dir, {"info", "--catalogue", base.string()});
    EXPECT_EQ(info.exit_code, 1);
    EXPECT_NE(info.err.find("damaged"), std::string::npos) << info.err;
    const auto import =
        test::run_territoire(dir, {"import", "--catalogue", base.string(),
                                   (fs::path(TERRITOIRE_SOURCE_DATA_DIR) / "demo/items.geojson").string()});
    EXPECT_EQ(import.exit_code, 1);
    EXPECT_NE(import.err.find("Nothing was written"), std::string::npos) << import.err;
    EXPECT_EQ(test::file_checksum(base), damaged);

    // A truncated file: a clear message, no crash.
    fs::resize_file(base, size / 3);
    const auto truncated = test::run_territoire(dir, {"check", "--catalogue", base.string()});
    EXPECT_EQ(truncated.exit_code, 1) << truncated.out << truncated.err;
}

// Files that are not (this version's) catalogues: a clear message from every
// command, exit 1, the file byte for byte as it was.
TEST_F(CatalogueFaults, ForeignAndNewerFilesAreRefusedUntouched) {
    const fs::path gpkg = dir / "partage.gpkg";
    ASSERT_EQ(
        test::run_territoire(dir, {"export", "--catalogue", base.string(), "--items", "-o", gpkg.string()}).exit_code,
        0);
    const fs::path plain = dir / "plain.sqlite";
    const fs::path newer = dir / "newer.sqlite";
    fs::copy_file(base, newer);
    for (const auto& [path, sql] :
         {std::pair{plain, "CREATE TABLE t(x); INSERT INTO t VALUES (1);"},
          std::pair{newer, "UPDATE territoire_meta SET value='99' WHERE key='schema_version';"}}) {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
    }
    const std::string demo = (fs::path(TERRITOIRE_SOURCE_DATA_DIR) / "demo/items.geojson").string();
    for (const auto& [path, message] : {std::pair{gpkg, std::string("not a Territoire catalogue")},
                                        std::pair{plain, std::string("not a Territoire catalogue")},
                                        std::pair{newer, std::string("newer than this Territoire supports")}}) {
        const std::string sum = test::file_checksum(path);
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"check", "--catalogue", path.string()},
              std::vector<std::string>{"info", "--catalogue", path.string()},
              std::vector<std::string>{"import", "--catalogue", path.string(), demo}}) {
            const auto run = test::run_territoire(dir, args);
            EXPECT_EQ(run.exit_code, 1) << args[0] << " " << path.filename() << ": " << run.err;
            EXPECT_NE(run.err.find(message), std::string::npos) << args[0] << " " << path.filename() << ": " << run.err;
        }
        EXPECT_EQ(test::file_checksum(path), sum) << path.filename();
    }
}

}  // namespace
