// Where runtime data is found: an install moved to another prefix finds its
// share/territoire beside its bin/ (issue 10: install layout).
#include "geo/core/data_dir.hpp"

#include <algorithm>
#include <filesystem>

#include <gtest/gtest.h>

TEST(DataDir, AnInstallFindsTheShareFolderBesideItsBinFolder) {
    const auto candidates = geo::data_dir_candidates("/opt/territoire-0.1/bin/territoire");
    EXPECT_NE(std::find(candidates.begin(), candidates.end(), "/opt/territoire-0.1/share/territoire"),
              candidates.end());
}

TEST(DataDir, TheEnvironmentComesFirstAndIsKept) {
    ::setenv("TERRITOIRE_DATA_DIR", "/nowhere/data", 1);
    EXPECT_EQ(geo::data_dir_candidates().front(), "/nowhere/data");
    EXPECT_EQ(geo::data_dir(), "/nowhere/data");
    ::unsetenv("TERRITOIRE_DATA_DIR");
    // Without it, a folder holding taxonomy.json (this build's checkout or
    // install).
    EXPECT_TRUE(std::filesystem::is_regular_file(std::filesystem::path(geo::data_dir()) / "taxonomy.json"))
        << geo::data_dir();
}
