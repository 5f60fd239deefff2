// Issue 16: an output is refused when it is the catalogue or an input —
// same path, another spelling, a symbolic or hard link, an SQLite side file —
// and provenance shows base names unless asked for full paths.
#include "geo/io/output_paths.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tests/support/test_support.hpp"

namespace {
namespace fs = std::filesystem;

struct CwdGuard {
    fs::path previous = fs::current_path();
    ~CwdGuard() { fs::current_path(previous); }
};

}  // namespace

TEST(OutputPaths, RefusesTheCatalogueUnderAnySpelling) {
    const auto dir = test::temp_dir();
    const auto catalogue = dir / "territoire.sqlite";
    std::ofstream(catalogue) << "catalogue";
    fs::create_directories(dir / "sub");
    fs::create_symlink(catalogue, dir / "link.geojson");
    fs::create_hard_link(catalogue, dir / "hard.png");
    const std::vector<geo::NamedPath> inputs = {{"--catalogue", catalogue.string()}};
    for (const fs::path& output : {catalogue, dir / "sub" / ".." / "territoire.sqlite", dir / "." / "territoire.sqlite",
                                   dir / "link.geojson", dir / "hard.png"}) {
        auto ok = geo::check_output_path({"-o", output.string()}, inputs);
        ASSERT_FALSE(ok) << output;
        EXPECT_NE(ok.error().message.find("is the catalogue (--catalogue " + catalogue.string() +
                                          "): refusing to write over it; nothing was written"),
                  std::string::npos)
            << ok.error().message;
    }
    CwdGuard guard;
    fs::current_path(dir);
    EXPECT_FALSE(geo::check_output_path({"-o", "territoire.sqlite"}, inputs));
    EXPECT_FALSE(geo::check_output_path({"-o", "./sub/../territoire.sqlite"}, {{"--catalogue", "territoire.sqlite"}}));
}

TEST(OutputPaths, RefusesSqliteSideFilesAndOtherInputs) {
    const auto dir = test::temp_dir();
    const auto catalogue = (dir / "cat.sqlite").string();
    std::ofstream(catalogue) << "catalogue";
    auto wal = geo::check_output_path({"-o", catalogue + "-wal"}, {{"--catalogue", catalogue}});
    ASSERT_FALSE(wal);
    EXPECT_NE(wal.error().message.find("is the SQLite wal file of the catalogue"), std::string::npos)
        << wal.error().message;
    const auto context = (dir / "rivers.geojson").string();
    std::ofstream(context) << "{}";
    auto input = geo::check_output_path({"-o", context}, {{"--catalogue", catalogue}, {"--context", context}});
    ASSERT_FALSE(input);
    EXPECT_NE(input.error().message.find("is an input (--context " + context + ")"), std::string::npos)
        << input.error().message;
}

TEST(OutputPaths, AcceptsOtherFilesNewFilesAndAbsentInputs) {
    const auto dir = test::temp_dir();
    const auto catalogue = (dir / "cat.sqlite").string();
    std::ofstream(catalogue) << "catalogue";
    std::ofstream(dir / "old.geojson") << "previous export";
    const std::vector<geo::NamedPath> inputs = {
        {"--catalogue", catalogue}, {"--audience", "patrimoine"}, {"--context", ""}};
    EXPECT_TRUE(geo::check_output_path({"-o", (dir / "old.geojson").string()}, inputs));
    EXPECT_TRUE(geo::check_output_path({"-o", (dir / "new.geojson").string()}, inputs));
    EXPECT_TRUE(geo::check_output_path({"-o", (dir / "cat.sqlite.geojson").string()}, inputs));
    EXPECT_TRUE(geo::check_output_path({"-o", ""}, inputs));
}

TEST(ProvenancePaths, BaseNameByDefaultFullPathOnRequest) {
    EXPECT_EQ(geo::provenance_path("/home/alice/clients/loire/territoire.sqlite", geo::ProvenancePaths::name),
              "territoire.sqlite");
    EXPECT_EQ(geo::provenance_path("data/../cat.sqlite", geo::ProvenancePaths::name), "cat.sqlite");
    EXPECT_EQ(geo::provenance_path("cat.sqlite", geo::ProvenancePaths::name), "cat.sqlite");
    EXPECT_EQ(geo::provenance_path("", geo::ProvenancePaths::name), "");
    EXPECT_EQ(geo::provenance_path("/srv/x/../cat.sqlite", geo::ProvenancePaths::full), "/srv/cat.sqlite");
    EXPECT_EQ(geo::provenance_path("cat.sqlite", geo::ProvenancePaths::full),
              (fs::current_path() / "cat.sqlite").string());
}
