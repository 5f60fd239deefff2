// Issue 13 item 2 / issue 16 item 4: a full disk during an import, an export
// or a render, simulated with RLIMIT_FSIZE (SIGXFSZ ignored, so write()
// fails with EFBIG as it fails with ENOSPC on a full disk) at several sizes so
// that the writes fail at different moments. The command exits non-zero with
// a message naming the file and the system reason; the catalogue opens
// afterwards with PRAGMA integrity_check "ok" and its counts from before;
// the previous good output is not replaced; no temporary is left behind.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include "tests/support/limited_run.hpp"
#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;

namespace {

// Names and checksums of the files in `dir`.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out[e.path().filename().string()] = test::file_checksum(e.path());
    return out;
}

std::string integrity(const fs::path& catalogue) {
    sqlite3* db = nullptr;
    std::string result = "cannot open";
    if (sqlite3_open_v2(catalogue.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW)
            result = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return result;
}

std::pair<std::int64_t, std::int64_t> counts(const fs::path& dir, const fs::path& catalogue) {
    const auto run = test::run_limited(dir, {"check", "--catalogue", catalogue.string(), "--json"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    const auto j = nlohmann::json::parse(run.out, nullptr, false);
    if (!j.is_object()) return {-1, -1};
    EXPECT_TRUE(j.value("ok", false)) << run.out;
    return {j.value("items", std::int64_t{-1}), j.value("territories", std::int64_t{-1})};
}

std::string feed() {
    return (test::shared_data() / "poi/datatourisme-touraine-2020").string();
}

class DiskFullCli : public ::testing::Test {
protected:
    void SetUp() override {
        REQUIRE_SHARED_DATA();
        dir = test::temp_dir();
        const auto r = test::run_limited(dir, {"import", "--catalogue", "cat.sqlite", "--territories",
                                               test::communes37_path().string(), "--level", "commune"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    fs::path dir;
};

}  // namespace

TEST_F(DiskFullCli, ImportRollsBackAndLeavesTheCatalogueAsItWas) {
    const auto before = counts(dir, dir / "cat.sqlite");
    ASSERT_EQ(before.second, 272);
    const auto files = snapshot(dir);
    const auto size = fs::file_size(dir / "cat.sqlite");
    // Room for 4 KiB, 256 KiB and 1 MiB more: the journal or the new pages
    // of items or of the spatial index hit the limit.
    for (const rlim_t room : {rlim_t{4} << 10, rlim_t{256} << 10, rlim_t{1} << 20}) {
        SCOPED_TRACE("room " + std::to_string(room));
        test::Limits limits;
        limits.file_bytes = size + room;
        const auto run = test::run_limited(dir, {"import", "--catalogue", "cat.sqlite", feed()}, limits);
        EXPECT_EQ(run.signal, 0);
        EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
        EXPECT_NE(run.err.find("territoire import: cat.sqlite: "), std::string::npos) << run.err;
        EXPECT_NE(run.err.find("disk I/O error (File too large: the file size limit of "), std::string::npos)
            << run.err;
        EXPECT_NE(run.err.find("the import was rolled back: the catalogue is as it was"), std::string::npos) << run.err;
        EXPECT_EQ(integrity(dir / "cat.sqlite"), "ok");
        EXPECT_EQ(counts(dir, dir / "cat.sqlite"), before);
        EXPECT_EQ(snapshot(dir), files) << "the catalogue changed, or a journal or temporary was left";
    }
    // With room, the same import lands.
    const auto run = test::run_limited(dir, {"import", "--catalogue", "cat.sqlite", feed()});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(counts(dir, dir / "cat.sqlite"), std::make_pair(before.first + 1399, before.second));
}

TEST_F(DiskFullCli, ExportAndRenderKeepThePreviousFileAndLeaveNoTemporary) {
    ASSERT_EQ(test::run_limited(dir, {"import", "--catalogue", "cat.sqlite", feed()}).exit_code, 0);
    struct Output {
        std::vector<std::string> args;
        std::string reason;  // as printed: our writers give errno's text, GDAL's GeoPackage SQLite's
    };
    std::vector<Output> outputs = {
        {{"export", "--catalogue", "cat.sqlite", "--items", "-o", "items.geojson"}, "File too large"},
        {{"export", "--catalogue", "cat.sqlite", "--items", "-o", "items.csv"}, "File too large"},
        {{"export", "--catalogue", "cat.sqlite", "--items", "-o", "items.kml"}, "File too large"},
        {{"export", "--catalogue", "cat.sqlite", "--items", "-o", "items.gpkg"}, "disk I/O error"},
        {{"export", "--catalogue", "cat.sqlite", "--territories", "-o", "communes.gpkg"}, "disk I/O error"},
    };
    if (TERRITOIRE_HAS_GUI)
        outputs.push_back(
            {{"render", "--catalogue", "cat.sqlite", "--audience", "patrimoine", "--size", "800x600", "-o", "map.png"},
             "File too large"});
    for (const auto& output : outputs) {
        const std::string name = output.args.back();
        SCOPED_TRACE(name);
        const auto first = test::run_limited(dir, output.args);
        ASSERT_EQ(first.exit_code, 0) << first.err;
        const auto good_bytes = fs::file_size(dir / name);
        const auto files = snapshot(dir);
        test::Limits limits;
        limits.file_bytes = good_bytes / 2;  // the catalogue is only read
        const auto run = test::run_limited(dir, output.args, limits);
        EXPECT_EQ(run.signal, 0);
        EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
        EXPECT_NE(run.err.find(name), std::string::npos) << run.err;
        EXPECT_NE(run.err.find(output.reason), std::string::npos) << run.err;
        EXPECT_EQ(run.out.find("Exported"), std::string::npos) << run.out;
        EXPECT_EQ(snapshot(dir), files) << "the previous file was replaced, or a temporary was left";
    }
    EXPECT_EQ(integrity(dir / "cat.sqlite"), "ok");
}
