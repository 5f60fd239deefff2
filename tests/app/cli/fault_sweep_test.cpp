// Issue 16 acceptance 2, issue 13 acceptance 3: every `territoire`
// subcommand, on the real sample (the DATAtourisme Touraine feed and the
// communes of 37 and 41 imported into a fresh catalogue) and on hostile
// inputs (deep JSON, runaway parameters, a self-crossing star, a FIFO, a zip
// bomb, a link to /dev/zero, outputs over the catalogue), each run under a
// 2 GiB address-space cap and 60 s of CPU (and a 90 s wall deadline): none
// is killed or hangs; good cases exit 0, bad ones exit non-zero with a
// message naming the file, record or parameter, and leave the catalogue
// byte for byte as it was. The outcomes are written as a table
// (build/.../fault_sweep.md) that must match docs/fault_sweep.md; run with
// TERRITOIRE_UPDATE_DOCS=1 to rewrite the doc. Skipped under sanitizers
// (ASan reserves terabytes of address space).
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "tests/app/cli/fault_sweep_cases.hpp"
#include "tests/support/hostile_inputs.hpp"
#include "tests/support/limited_run.hpp"
#include "tests/support/test_support.hpp"

namespace fs = std::filesystem;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

void write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// The hostile files of issue 16 in `dir`.
void make_hostile_inputs(const fs::path& dir) {
    const fs::path feed = test::shared_data() / "poi/datatourisme-touraine-2020";
    const fs::path chambord = feed / "objects/4/4c/15-4c9a94a5-520f-331d-8a8e-0e19a9b22a5f.json";
    const std::string deep = test::nested_json_array(40'000);
    fs::create_directories(dir / "feed/objects");
    fs::copy_file(chambord, dir / "feed/objects/chambord.json");
    write(dir / "feed/objects/deep_type.json", R"({"@id": "t", "@type": )" + deep + "}");
    write(dir / "feed/objects/deep_label.json", R"({"@id": "l", "rdfs:label": )" + deep + "}");
    write(dir / "feed/objects/deep_id.json", R"({"@id": )" + deep + "}");
    write(dir / "feed/objects/deep_geo.json",
          R"({"@id": "g", "@type": ["Castle"], "isLocatedAt": [{"schema:geo": )" + deep + "}]}");
    ::mkfifo((dir / "feed/objects/fifo.json").c_str(), 0600);
    fs::create_symlink("/dev/zero", dir / "feed/objects/zero.json");
    {
        std::ofstream big(dir / "feed/objects/big.json", std::ios::binary);  // sparse, 64 MiB + 1 byte
        big.seekp(64 << 20);
        big.put(' ');
    }
    // 4 MB zips: a feed whose second object inflates to 3.9 GiB, a GeoJSON
    // file of 1 GiB (GDAL streams it).
    const std::string chambord_bytes = test::read_text(chambord);
    test::write_zip(dir / "feed_bomb.zip",
                    {{"objects/chambord.json", chambord_bytes, 0}, {"objects/bomb.json", "{", 3900}});
    test::write_zip(dir / "geojson_bomb.zip",
                    {{"items.geojson",
                      R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"a",)"
                      R"("family":"heritage"},"geometry":{"type":"Point","coordinates":[0.5,47.0]}},)",
                      1024}});
    write(dir / "audience_deep.json", R"({"id": "deep", "family_weights": {"heritage": )" + deep + "}}");
    write(dir / "audience_huge_weight.json",
          R"({"id": "huge", "family_weights": {"heritage": ")" + std::string(10'000'000, '9') + "\"}}");
    write(dir / "deep_coordinates.geojson",
          R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
          R"("geometry":{"type":"Polygon","coordinates":)" +
              deep + "}}]}");
    write(dir / "deep_properties.geojson",
          R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"a","family":"heritage",)"
          R"("x":)" +
              deep + R"(},"geometry":{"type":"Point","coordinates":[0.5,47.0]}}]})");
    write(dir / "star.geojson", test::star_polygon_geojson(1001, 0.7, 47.4, "STAR"));
    ::mkfifo((dir / "fifo.geojson").c_str(), 0600);
    ::mkfifo((dir / "fifo.json").c_str(), 0600);
    ::mkfifo((dir / "out_fifo.geojson").c_str(), 0600);
    ::mkfifo((dir / "fifo.mbtiles").c_str(), 0600);
    ::mkfifo((dir / "fifo.osm.pbf").c_str(), 0600);
    fs::create_symlink("/dev/zero", dir / "zero.geojson");
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size())
        s.replace(at, from.size(), to);
}

// One table cell: the first line, the test folder shown as ".", the shared
// data folder as $DATA, '|' escaped, cut at `max_bytes`.
std::string cell(std::string s, const fs::path& dir, std::size_t max_bytes = 110) {
    replace_all(s, test::shared_data().string(), "$DATA");
    replace_all(s, dir.string() + "/", "");
    replace_all(s, dir.string(), ".");
    if (const auto nl = s.find('\n'); nl != std::string::npos) s.resize(nl);
    if (s.size() > max_bytes) {
        std::size_t cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
        s = s.substr(0, cut) + "…";
    }
    std::string out;
    for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
}

std::string outcome_of(const test::LimitedRun& run) {
    if (run.hung) return "HUNG (killed after the wall deadline)";
    if (run.signal != 0) return fmt::format("KILLED by signal {}", run.signal);
    return fmt::format("exit {}", run.exit_code);
}

}  // namespace

TEST(FaultSweep, EveryCommandUnderTwoGibAndSixtySecondsOnTheSampleAndHostileInputs) {
    if (kSanitized) GTEST_SKIP() << "ASan cannot run under an address-space cap";
    REQUIRE_SHARED_DATA();
    const fs::path dir = test::temp_dir();
    make_hostile_inputs(dir);
    const bool display = std::getenv("DISPLAY") != nullptr;
    const auto cases = test::fault_sweep_cases(test::shared_data(), TERRITOIRE_HAS_GUI, display);

    // Every subcommand of the binary's help is swept.
    const auto help = test::run_limited(dir, {"--help"});
    std::set<std::string> swept;
    for (const auto& c : cases) swept.insert(c.args.empty() ? "" : c.args[0]);
    for (const auto& command : test::subcommands_in_help(help.out))
        EXPECT_TRUE(swept.count(command)) << "territoire " << command << " is not in the sweep";

    std::string table =
        "| case | command | expected | outcome | message (first line) | peak MiB | CPU s |\n"
        "|---|---|---|---|---|---|---|\n";
    std::string checked_rows;  // the columns that must match docs/fault_sweep.md
    for (const auto& c : cases) {
        if (c.setup) c.setup(dir);
        const std::string before = test::file_checksum(dir / "cat.sqlite");
        const test::LimitedRun run = test::run_limited(dir, c.args, test::kSweepLimits);
        const std::string command = "territoire " + test::join_args(c.args);
        SCOPED_TRACE(c.id + ": " + command);
        EXPECT_FALSE(run.hung) << run.err;
        EXPECT_EQ(run.signal, 0) << run.err;
        const std::string& first = c.ok ? (run.out.empty() ? run.err : run.out) : run.err;
        if (c.ok) {
            EXPECT_EQ(run.exit_code, 0) << run.err;
        } else {
            EXPECT_NE(run.exit_code, 0) << run.out;
            EXPECT_LT(run.err.size(), 16'384u) << "an unbounded message";
            EXPECT_EQ(test::file_checksum(dir / "cat.sqlite"), before) << "a refused command changed the catalogue";
        }
        EXPECT_NE((run.out + run.err).find(c.needle), std::string::npos) << "expected \"" << c.needle << "\" in\n"
                                                                         << run.out << run.err;
        const std::string row = fmt::format("| {} | `{}` | {} | {} | {} |", c.id, cell(command, dir, 160),
                                            c.ok ? "exit 0" : "refused", outcome_of(run), cell(first, dir));
        checked_rows += row + "\n";
        table += fmt::format("{} {:.0f} | {:.2f} |\n", row, static_cast<double>(run.max_rss_kib) / 1024.0, run.cpu_s);
    }

    const std::string doc = test::fault_sweep_doc(table);
    write(fs::path(TERRITOIRE_BINARY_DIR) / "fault_sweep.md", doc);
    const fs::path committed = fs::path(TERRITOIRE_SOURCE_DATA_DIR).parent_path() / "docs/fault_sweep.md";
    // The page is written from the full build under a display (render and
    // gui included); other builds only check their own cases above.
    const bool full = TERRITOIRE_HAS_GUI && display;
    if (const char* update = std::getenv("TERRITOIRE_UPDATE_DOCS"); update && std::string(update) == "1") {
        ASSERT_TRUE(full) << "docs/fault_sweep.md is written from the full build under a display (xvfb-run -a)";
        write(committed, doc);
    }
    if (!full) return;
    const std::string current = test::read_text(committed);
    std::size_t start = 0;
    for (std::size_t end; (end = checked_rows.find('\n', start)) != std::string::npos; start = end + 1) {
        const std::string row = checked_rows.substr(start, end - start);
        EXPECT_NE(current.find(row), std::string::npos)
            << "docs/fault_sweep.md is out of date (run TERRITOIRE_UPDATE_DOCS=1 ctest -R FaultSweep), row:\n"
            << row;
    }
}
